/// Scalar decoding, counting and stepping on bytes already known to be valid UTF-8 (the bytes of a Swift `String`).
/// Inlinable because the extraction and counting loops call it once per scalar from other modules.
public enum UTF8Bytes {
    /// The scalar starting at byte `i` and its length in bytes.
    @inlinable @inline(__always)
    public static func decode(_ input: UnsafeBufferPointer<UInt8>, at i: Int) -> (value: UInt32, length: Int) {
        let b0 = UInt32(input[i])
        if b0 < 0x80 { return (b0, 1) }
        if b0 < 0xE0 { return (((b0 & 0x1F) << 6) | (UInt32(input[i + 1]) & 0x3F), 2) }
        if b0 < 0xF0 {
            return (((b0 & 0x0F) << 12) | ((UInt32(input[i + 1]) & 0x3F) << 6) | (UInt32(input[i + 2]) & 0x3F), 3)
        }
        return (((b0 & 0x07) << 18) | ((UInt32(input[i + 1]) & 0x3F) << 12)
                    | ((UInt32(input[i + 2]) & 0x3F) << 6) | (UInt32(input[i + 3]) & 0x3F), 4)
    }

    /// Scalars in `bytes`.
    @inlinable
    public static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        scalarCount(bytes, 0..<bytes.count)
    }

    /// Scalars in `bytes[range]`: the bytes that are not continuation bytes (10xxxxxx). The keyword counter's
    /// mask bytes are ASCII, so each counts one and offsets stay those of the original text.
    @inlinable
    public static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        guard let base = bytes.baseAddress, !range.isEmpty else { return 0 }
        // Eight bytes at a time: a continuation byte has bit 7 set and bit 6 clear. A plain byte loop is not
        // vectorised and ran as slow as the keyword automaton over the same text.
        let raw = UnsafeRawPointer(base)
        var index = range.lowerBound
        var continuation = 0
        while index + 8 <= range.upperBound {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            continuation &+= (word & ~(word << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
            index &+= 8
        }
        while index < range.upperBound {
            if base[index] & 0xC0 == 0x80 { continuation &+= 1 }
            index &+= 1
        }
        return range.count - continuation
    }

    /// The byte index `count` scalars before `index` (or 0).
    public static func index(_ bytes: UnsafeBufferPointer<UInt8>, back count: Int, from index: Int) -> Int {
        var position = index
        var remaining = count
        while remaining > 0, position > 0 {
            position -= 1
            while position > 0, (bytes[position] & 0xC0) == 0x80 { position -= 1 }
            remaining -= 1
        }
        return position
    }

    /// The byte index `count` scalars after `index` (or the end).
    public static func index(_ bytes: UnsafeBufferPointer<UInt8>, forward count: Int, from index: Int) -> Int {
        var position = index
        var remaining = count
        while remaining > 0, position < bytes.count {
            position += 1
            while position < bytes.count, (bytes[position] & 0xC0) == 0x80 { position += 1 }
            remaining -= 1
        }
        return position
    }
}
