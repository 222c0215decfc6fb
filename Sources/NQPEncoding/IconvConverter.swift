#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Owns one iconv conversion descriptor (to UTF-8). Not `Sendable`: one converter per decoding call.
final class IconvConverter {
    private let descriptor: iconv_t

    init?(from encodingName: String) {
        let descriptor = iconv_open("UTF-8", encodingName)
        guard let descriptor, Int(bitPattern: descriptor) != -1 else { return nil }
        self.descriptor = descriptor
    }

    deinit { iconv_close(descriptor) }

    /// Converts the whole buffer. On an invalid byte (EILSEQ) one U+FFFD is written, one byte skipped and the
    /// error counted (the WHATWG recovery for GB18030's two-byte errors with an ASCII trail byte); an incomplete
    /// sequence at the end (EINVAL) is one U+FFFD.
    func convert(_ input: UnsafeRawBufferPointer) -> DecodedBytes {
        let n = input.count
        guard n > 0, let inBase = input.baseAddress else { return DecodedBytes(utf8: [], decodeErrors: 0) }
        // GB18030/GBK/Big5 → UTF-8 grows at most 1.5×; single-byte encodings may need 3×, handled by growing.
        var out = [UInt8](repeating: 0, count: n + n / 2 + 64)
        var outUsed = 0
        var inPos = 0
        var errors = 0
        while true {
            var inLeft = n - inPos
            var outLeft = out.count - outUsed
            let (status, code) = out.withUnsafeMutableBytes { ob -> (Int, Int32) in
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutablePointer(
                    mutating: (inBase + inPos).assumingMemoryBound(to: CChar.self))
                var outPtr: UnsafeMutablePointer<CChar>? = (ob.baseAddress! + outUsed).assumingMemoryBound(to: CChar.self)
                let status = inPos < n
                    ? iconv(descriptor, &inPtr, &inLeft, &outPtr, &outLeft)
                    : iconv(descriptor, nil, nil, &outPtr, &outLeft)   // flush a stateful encoder's pending output
                return (status, errno)
            }
            let wasFlush = inPos >= n
            inPos = n - inLeft
            outUsed = out.count - outLeft
            if status != -1 {
                if wasFlush { break }
                if inPos >= n { continue }   // go round once more to flush
                continue
            }
            switch code {
            case E2BIG:
                out.append(contentsOf: repeatElement(0, count: max(out.count / 2, 64)))
            case EINVAL:
                // Truncated multi-byte sequence at the very end of the input.
                appendReplacement(&out, &outUsed)
                errors += 1
                inPos = n
            default: // EILSEQ and anything unexpected
                appendReplacement(&out, &outUsed)
                errors += 1
                inPos += 1
                iconv(descriptor, nil, nil, nil, nil)
            }
        }
        out.removeLast(out.count - outUsed)
        return DecodedBytes(utf8: out, decodeErrors: errors)
    }

    private func appendReplacement(_ out: inout [UInt8], _ outUsed: inout Int) {
        if out.count - outUsed < 3 { out.append(contentsOf: repeatElement(0, count: max(out.count / 2, 64))) }
        out[outUsed] = 0xEF; out[outUsed + 1] = 0xBF; out[outUsed + 2] = 0xBD
        outUsed += 3
    }
}
