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
        var characters = 0, controls = 0
        decoded.utf8.withUnsafeBufferPointer { utf8 in
            var index = 0
            while index < utf8.count {
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
        }
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
