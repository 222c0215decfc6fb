/// Little-endian byte builder for the `.dta` writer.
struct ByteBuffer {
    var bytes: [UInt8] = []

    var count: Int { bytes.count }

    mutating func tag(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func u8(_ v: UInt8) { bytes.append(v) }
    mutating func u16(_ v: UInt16) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func i32(_ v: Int32) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }

    /// `text` as UTF-8, NUL-padded to `width` bytes (the caller guarantees it fits with a terminating NUL where the
    /// format needs one).
    mutating func fixed(_ text: String, width: Int) {
        let utf8 = Array(text.utf8.prefix(width))
        bytes.append(contentsOf: utf8)
        bytes.append(contentsOf: repeatElement(0, count: width - utf8.count))
    }

    mutating func patchU64(_ v: UInt64, at offset: Int) {
        withUnsafeBytes(of: v.littleEndian) { raw in
            for k in 0..<8 { bytes[offset + k] = raw[k] }
        }
    }
}
