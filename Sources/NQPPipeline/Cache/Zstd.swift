internal import CZstd

/// One-shot Zstandard compression for the text cache. Chosen over the zlib already linked for gzip reports after
/// measuring both on the cache's own contents (README "Text cache"): at their fastest levels zstd writes smaller
/// entries in about half the time and inflates them several times faster — the re-count's main fixed cost.
enum Zstd {
    /// Level 1: the cold run compresses every report's text, so compression speed matters more than ratio.
    static let level: Int32 = 1

    static func compress(_ bytes: [UInt8]) -> [UInt8]? {
        if bytes.isEmpty { return [] }
        let bound = ZSTD_compressBound(bytes.count)
        var failed = false
        let out = [UInt8](unsafeUninitializedCapacity: bound) { buffer, count in
            let written = bytes.withUnsafeBufferPointer { source in
                ZSTD_compress(buffer.baseAddress, bound, source.baseAddress, source.count, level)
            }
            failed = ZSTD_isError(written) != 0
            count = failed ? 0 : written
        }
        return failed ? nil : out
    }

    /// Inflates `bytes` that must decompress to exactly `size` bytes; nil when damaged.
    static func decompress(_ bytes: ArraySlice<UInt8>, size: Int) -> [UInt8]? {
        guard size >= 0 else { return nil }
        if size == 0 { return bytes.isEmpty ? [] : nil }
        guard !bytes.isEmpty else { return nil }
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
