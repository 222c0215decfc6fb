/// UTF-16 (either byte order) to UTF-8; unpaired surrogates and a trailing odd byte become U+FFFD.
enum UTF16Decoder {
    static func decode(_ buffer: UnsafeRawBufferPointer, bigEndian: Bool) -> DecodedBytes {
        let n = buffer.count
        guard n > 0 else { return DecodedBytes(utf8: [], decodeErrors: 0) }
        var errors = 0
        // Each 2-byte unit yields at most 3 UTF-8 bytes; a surrogate pair (4 bytes) yields 4.
        let capacity = (n / 2) * 3 + 3
        let utf8 = [UInt8](unsafeUninitializedCapacity: capacity) { out, count in
            var o = 0
            var i = 0
            @inline(__always) func unit(_ at: Int) -> UInt32 {
                let a = UInt32(buffer[at]), b = UInt32(buffer[at + 1])
                return bigEndian ? (a << 8 | b) : (b << 8 | a)
            }
            @inline(__always) func put(_ scalar: UInt32) {
                switch scalar {
                case 0..<0x80:
                    out[o] = UInt8(scalar); o += 1
                case 0x80..<0x800:
                    out[o] = UInt8(0xC0 | scalar >> 6); out[o + 1] = UInt8(0x80 | scalar & 0x3F); o += 2
                case 0x800..<0x10000:
                    out[o] = UInt8(0xE0 | scalar >> 12); out[o + 1] = UInt8(0x80 | (scalar >> 6) & 0x3F)
                    out[o + 2] = UInt8(0x80 | scalar & 0x3F); o += 3
                default:
                    out[o] = UInt8(0xF0 | scalar >> 18); out[o + 1] = UInt8(0x80 | (scalar >> 12) & 0x3F)
                    out[o + 2] = UInt8(0x80 | (scalar >> 6) & 0x3F); out[o + 3] = UInt8(0x80 | scalar & 0x3F)
                    o += 4
                }
            }
            while i + 1 < n {
                let u = unit(i)
                i += 2
                if u < 0xD800 || u > 0xDFFF {
                    put(u)
                } else if u <= 0xDBFF, i + 1 < n, case let low = unit(i), low >= 0xDC00, low <= 0xDFFF {
                    put(0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00))
                    i += 2
                } else {
                    put(0xFFFD); errors += 1
                }
            }
            if i < n { put(0xFFFD); errors += 1 }
            count = o
        }
        var result = utf8
        TextDecoder.dropLeadingByteOrderMark(&result)
        return DecodedBytes(utf8: result, decodeErrors: errors)
    }
}
