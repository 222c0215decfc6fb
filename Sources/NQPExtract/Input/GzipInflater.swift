internal import CZlibInflate

/// gzip decompression with zlib (all members of a multi-member file).
enum GzipInflater {
    static func isGzip(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
    }

    /// The decompressed bytes. Throws `corruptGzip` with the compressed byte offset where zlib gave up.
    /// Stops with `tooLarge` as soon as the output would pass `maxBytes` (a 3 MB bomb never grows to 3 GB).
    static func inflate(_ compressed: [UInt8], path: String,
                        maxBytes: Int = ReportInputs.defaultMaxInflatedBytes) throws(ExtractError) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(min(compressed.count * 4, maxBytes))
        var failure: ExtractError? = nil
        compressed.withUnsafeBufferPointer { input in
            var stream = z_stream()
            guard nqp_inflateInitGzip(&stream) == Z_OK else {
                failure = .corruptGzip(path: path, byteOffset: 0, reason: "zlib could not start")
                return
            }
            defer { inflateEnd(&stream) }
            let chunkSize = 1 << 18
            var chunk = [UInt8](repeating: 0, count: chunkSize)
            var consumed = 0
            while consumed < input.count {
                stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress! + consumed)
                stream.avail_in = UInt32(min(input.count - consumed, Int(UInt32.max)))
                var status: Int32 = Z_OK
                repeat {
                    let produced: Int = chunk.withUnsafeMutableBufferPointer { out in
                        stream.next_out = out.baseAddress
                        stream.avail_out = UInt32(chunkSize)
                        status = CZlibInflate.inflate(&stream, Z_NO_FLUSH)
                        return chunkSize - Int(stream.avail_out)
                    }
                    if output.count + produced > maxBytes {
                        failure = .tooLarge(path: path, byteCount: output.count + produced, limit: maxBytes)
                        return
                    }
                    output.append(contentsOf: chunk[0..<produced])
                } while status == Z_OK && stream.avail_out == 0
                let used = input.count - consumed - Int(stream.avail_in)
                let offset = consumed + used
                switch status {
                case Z_STREAM_END:
                    consumed = offset
                    // Another gzip member may follow (e.g. `cat a.gz b.gz`); trailing zero padding is ignored.
                    if consumed < input.count, input[consumed] == 0x1F {
                        inflateReset(&stream)
                    } else {
                        return
                    }
                case Z_OK, Z_BUF_ERROR:
                    consumed = offset
                    if stream.avail_in == 0 && consumed >= input.count {
                        failure = .corruptGzip(path: path, byteOffset: input.count,
                                               reason: "the file ends before the compressed data does (truncated)")
                        return
                    }
                default:
                    let message = stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                    failure = .corruptGzip(path: path, byteOffset: offset, reason: message)
                    return
                }
            }
            if failure == nil, consumed >= input.count, output.isEmpty {
                failure = .corruptGzip(path: path, byteOffset: input.count, reason: "no data")
            }
        }
        if let failure { throw failure }
        return output
    }
}
