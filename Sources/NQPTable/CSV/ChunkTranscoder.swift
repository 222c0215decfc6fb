import NQPEncoding

/// Turns a file's bytes, arriving in chunks, into UTF-8. Chunks are cut where no multi-byte sequence can be split:
/// for UTF-8 after the last complete sequence, for UTF-16 at an even offset outside a surrogate pair, and for the
/// legacy CJK encodings after the last LF byte (0x0A is never a trail byte in GB18030, GBK or Big5).
struct ChunkTranscoder {
    let encoding: TextEncoding
    private(set) var decodeErrors = 0
    private var pending: [UInt8] = []

    init(encoding: TextEncoding) { self.encoding = encoding }

    /// Adds raw bytes and returns the UTF-8 for every byte that can be decoded now; `final` flushes everything.
    mutating func feed(_ raw: ArraySlice<UInt8>, final: Bool) throws(EncodingError) -> [UInt8] {
        pending.append(contentsOf: raw)
        switch encoding {
        case .utf8: return takeUTF8(final: final)
        case .utf16LittleEndian: return takeUTF16(littleEndian: true, final: final)
        case .utf16BigEndian: return takeUTF16(littleEndian: false, final: final)
        default: return try takeLegacy(final: final)
        }
    }

    private mutating func takeUTF8(final: Bool) -> [UInt8] {
        let tail = pending.withUnsafeBufferPointer { UTF8Validation.validPrefixLength($0) }
        if let tail, !(final && tail > 0) {
            let out = Array(pending[0..<(pending.count - tail)])
            pending.removeFirst(pending.count - tail)
            return out
        }
        // Invalid bytes: repair up to a line break (U+FFFD per bad sequence, counted), never drop anything.
        let cut = final ? pending.count : (pending.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0)
        let part = Array(pending[0..<cut])
        pending.removeFirst(cut)
        let repaired = Array(String(decoding: part, as: UTF8.self).utf8)
        decodeErrors += max(0, Self.replacementCount(repaired) - Self.replacementCount(part))
        return repaired
    }

    private mutating func takeUTF16(littleEndian: Bool, final: Bool) -> [UInt8] {
        var usable = final ? pending.count : pending.count & ~1
        var units = [UInt16]()
        units.reserveCapacity(usable / 2)
        var i = 0
        while i + 1 < usable {
            let a = UInt16(pending[i]), b = UInt16(pending[i + 1])
            units.append(littleEndian ? a | b << 8 : a << 8 | b)
            i += 2
        }
        if !final, let last = units.last, (0xD800...0xDBFF).contains(last) {
            units.removeLast()
            usable -= 2
        }
        var odd = false
        if final && usable % 2 == 1 { odd = true }  // a dangling byte: counted as an error
        pending.removeFirst(usable)
        let originalReplacements = units.reduce(0) { $0 + ($1 == 0xFFFD ? 1 : 0) }
        var out = Array(String(decoding: units, as: UTF16.self).utf8)
        decodeErrors += max(0, Self.replacementCount(out) - originalReplacements)
        if odd { decodeErrors += 1; out.append(contentsOf: [0xEF, 0xBF, 0xBD]) }
        return out
    }

    private mutating func takeLegacy(final: Bool) throws(EncodingError) -> [UInt8] {
        let cut = final ? pending.count : (pending.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0)
        if cut == 0 { return [] }
        let part = Array(pending[0..<cut])
        pending.removeFirst(cut)
        let decoded = try TextDecoder.decode(part, as: encoding)
        decodeErrors += decoded.decodeErrors
        return decoded.utf8
    }

    private static func replacementCount(_ bytes: [UInt8]) -> Int {
        var count = 0, j = 0
        while j + 2 < bytes.count {
            if bytes[j] == 0xEF && bytes[j + 1] == 0xBF && bytes[j + 2] == 0xBD { count += 1; j += 3 } else { j += 1 }
        }
        return count
    }
}
