public import NQPEncoding

/// Refuses "reports" whose decoded text is mostly not text (README "Limits"): 20,000 random bytes named `.html`
/// decode as GB18030 with thousands of invalid sequences and control characters and would otherwise enter the
/// panel with zero counts. A real report with a few damaged bytes passes, with a warning.
public enum TextQuality {
    /// Largest share of garbage — invalid byte sequences (U+FFFD) plus control characters other than tab, line
    /// feed, form feed and carriage return — among the decoded characters. Real reports have none or a handful
    /// in hundreds of thousands; random bytes have 10–40 %.
    public static let maxGarbageShare = 0.02
    /// Fewer garbage characters than this never quarantine (a short note with one stray byte is not garbage).
    public static let minimumGarbage = 10

    /// Throws `binaryContent` when the share of garbage in `decoded` is above `maxGarbageShare`.
    public static func check(_ decoded: DecodedBytes, original: [UInt8], encoding: TextEncoding,
                             path: String) throws(ExtractError) {
        let (characters, controls) = decoded.utf8.withUnsafeBufferPointer(survey)
        let garbage = decoded.decodeErrors + controls
        guard garbage >= minimumGarbage, Double(garbage) > maxGarbageShare * Double(max(characters, 1)) else { return }
        let share = Double(garbage) * 100 / Double(max(characters, 1))
        let percent = (share * 10).rounded() / 10
        let firstControl = original.firstIndex { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0C && $0 != 0x0D }
        throw .binaryContent(path: path, byteOffset: firstControl ?? 0,
                             reason: "decoded as \(encoding.name), \(percent)% of its \(characters) characters are "
                                 + "invalid byte sequences (\(decoded.decodeErrors)) or control characters "
                                 + "(\(controls)), above the limit of \(Int(maxGarbageShare * 100))% for a text report")
    }

    /// Characters (bytes that are not continuation bytes) and control characters in valid UTF-8, eight bytes at a
    /// time: a word with no byte below 0x20, no 0x7F and no 0xC2 (the lead byte of C1 controls) holds no control,
    /// and its characters are counted from its continuation bytes; other words go byte by byte (`surveyBytes`).
    static func survey(_ utf8: UnsafeBufferPointer<UInt8>) -> (characters: Int, controls: Int) {
        guard let base = utf8.baseAddress else { return (0, 0) }
        let raw = UnsafeRawPointer(base)
        let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
        var characters = 0, controls = 0, index = 0
        while index + 8 <= utf8.count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            let del = word ^ (ones &* 0x7F), c2 = word ^ (ones &* 0xC2)
            let suspect = ((word &- ones &* 0x20) & ~word) | ((del &- ones) & ~del) | ((c2 &- ones) & ~c2)
            if suspect & high != 0 {
                let (c, k) = surveyBytes(utf8, from: index, to: index + 8)
                characters += c; controls += k
            } else {
                characters += 8 - (word & ~(word << 1) & high).nonzeroBitCount
            }
            index += 8
        }
        let (c, k) = surveyBytes(utf8, from: index, to: utf8.count)
        return (characters + c, controls + k)
    }

    /// `survey` byte by byte over `from..<to` (a C1 control's second byte may lie beyond `to`).
    static func surveyBytes(_ utf8: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> (characters: Int, controls: Int) {
        var characters = 0, controls = 0
        var index = from
        while index < to {
            let byte = utf8[index]
            if byte & 0xC0 != 0x80 { characters += 1 }
            if byte < 0x20 {
                if byte != 0x09, byte != 0x0A, byte != 0x0C, byte != 0x0D { controls += 1 }
            } else if byte == 0x7F {
                controls += 1
            } else if byte == 0xC2, index + 1 < utf8.count, utf8[index + 1] >= 0x80, utf8[index + 1] <= 0x9F {
                controls += 1       // C1 controls U+0080–U+009F
            }
            index += 1
        }
        return (characters, controls)
    }

    /// Whether a forced encoding has code units wider than a byte, so NUL bytes are part of ordinary text.
    static func hasWideCodeUnits(_ encoding: TextEncoding?) -> Bool {
        switch encoding {
        case .utf16LittleEndian?, .utf16BigEndian?: return true
        case .other(let name)?:
            let lower = name.lowercased()
            return lower.contains("16") || lower.contains("32") || lower.contains("ucs")
        default: return false
        }
    }
}
