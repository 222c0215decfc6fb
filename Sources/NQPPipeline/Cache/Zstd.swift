internal import CZstd

/// One-shot Zstandard compression for the text cache. Chosen over the zlib already linked for gzip reports after
/// measuring both on the cache's own contents (README "Text cache"): at their fastest levels zstd writes smaller
/// entries in about half the time and inflates them several times faster — the re-count's main fixed cost.
enum Zstd {
    /// Level 1: the cold run compresses every report's text, so compression speed matters more than ratio.
    static let level: Int32 = 1

    /// One frame with a content checksum (XXH64), checked by `decompress`.
    static func compress(_ bytes: [UInt8]) -> [UInt8]? {
        if bytes.isEmpty { return [] }
        guard let context = ZSTD_createCCtx() else { return nil }
        defer { ZSTD_freeCCtx(context) }
        guard ZSTD_isError(ZSTD_CCtx_setParameter(context, ZSTD_c_compressionLevel, level)) == 0,
              ZSTD_isError(ZSTD_CCtx_setParameter(context, ZSTD_c_checksumFlag, 1)) == 0 else { return nil }
        let bound = ZSTD_compressBound(bytes.count)
        var failed = false
        let out = [UInt8](unsafeUninitializedCapacity: bound) { buffer, count in
            let written = bytes.withUnsafeBufferPointer { source in
                ZSTD_compress2(context, buffer.baseAddress, bound, source.baseAddress, source.count)
            }
            failed = ZSTD_isError(written) != 0
            count = failed ? 0 : written
        }
        return failed ? nil : out
    }

    /// Inflates one frame of `bytes` that must carry a content checksum (bit 2 of the frame header descriptor,
    /// the byte after the 4-byte magic number; RFC 8878 §3.1.1.1.1) and decompress to exactly `size` bytes; zstd
    /// verifies the checksum while inflating. nil when damaged or without a checksum.
    static func decompress(_ bytes: ArraySlice<UInt8>, size: Int) -> [UInt8]? {
        guard size >= 0 else { return nil }
        if size == 0 { return bytes.isEmpty ? [] : nil }
        guard bytes.count > 4, bytes[bytes.startIndex + 4] & 0x04 != 0 else { return nil }
        var failed = false
        let out = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            let read = bytes.withUnsafeBufferPointer { source in
                ZSTD_decompress(buffer.baseAddress, size, source.baseAddress, source.count)
            }
            failed = ZSTD_isError(read) != 0 || read != size
            count = failed ? 0 : size
        }
        return failed ? nil : out
    }
}
