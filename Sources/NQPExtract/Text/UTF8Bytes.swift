/// Scalar decoding on bytes already known to be valid UTF-8 (the bytes of a Swift `String`).
enum UTF8Bytes {
    /// The scalar starting at byte `i` and its length in bytes.
    @inline(__always)
    static func decode(_ input: UnsafeBufferPointer<UInt8>, at i: Int) -> (value: UInt32, length: Int) {
        let b0 = UInt32(input[i])
        if b0 < 0x80 { return (b0, 1) }
        if b0 < 0xE0 { return (((b0 & 0x1F) << 6) | (UInt32(input[i + 1]) & 0x3F), 2) }
        if b0 < 0xF0 {
            return (((b0 & 0x0F) << 12) | ((UInt32(input[i + 1]) & 0x3F) << 6) | (UInt32(input[i + 2]) & 0x3F), 3)
        }
        return (((b0 & 0x07) << 18) | ((UInt32(input[i + 1]) & 0x3F) << 12)
                    | ((UInt32(input[i + 2]) & 0x3F) << 6) | (UInt32(input[i + 3]) & 0x3F), 4)
    }

    /// Scalars in valid UTF-8: the bytes that are not continuation bytes (10xxxxxx), eight at a time.
    static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        var index = 0
        var continuation = 0
        while index + 8 <= bytes.count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            continuation &+= (word & ~(word << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
            index &+= 8
        }
        while index < bytes.count {
            if base[index] & 0xC0 == 0x80 { continuation &+= 1 }
            index &+= 1
        }
        return bytes.count - continuation
    }
}
