internal import CZlibInflate

/// One-shot zlib (RFC 1950) compression for the text cache. zlib is already linked for gzip reports, so the
/// cache adds no library (README "Text cache" gives the sizes measured on real reports).
enum Zlib {
    /// Level 1: the cold run compresses every report's text, and level 1 costs a fraction of the default
    /// level's time for a few percent more bytes on report text.
    static let level: Int32 = 1

    static func compress(_ bytes: [UInt8]) -> [UInt8]? {
        var capacity = compressBound(uLong(bytes.count))
        var out = [UInt8](repeating: 0, count: Int(capacity))
        let status = out.withUnsafeMutableBufferPointer { dst in
            bytes.withUnsafeBufferPointer { src in
                compress2(dst.baseAddress, &capacity, src.baseAddress, uLong(src.count), level)
            }
        }
        guard status == Z_OK else { return nil }
        out.removeSubrange(Int(capacity)...)
        return out
    }

    /// Inflates `bytes` that must decompress to exactly `size` bytes; nil when damaged.
    static func decompress(_ bytes: ArraySlice<UInt8>, size: Int) -> [UInt8]? {
        guard size >= 0 else { return nil }
        if size == 0 { return [] }
        var length = uLongf(size)
        var out = [UInt8](repeating: 0, count: size)
        let status = out.withUnsafeMutableBufferPointer { dst in
            bytes.withUnsafeBufferPointer { src in
                uncompress(dst.baseAddress, &length, src.baseAddress, uLong(src.count))
            }
        }
        guard status == Z_OK, Int(length) == size else { return nil }
        return out
    }
}
