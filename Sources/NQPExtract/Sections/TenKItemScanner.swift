import Foundation

/// Finds US 10-K item headings (`Item 7.`, `ITEM 7A:`, `Item 8 — Financial Statements`) at line starts and
/// marks in-text references (`see Item 7`, `Item 7 of this report`) as cross-references.
struct TenKItemScanner {
    let patterns: SectionPatterns
    let lines: LayoutLines

    private static let item = try? NSRegularExpression(
        pattern: "^item\\s*([0-9]{1,2}[a-z]?)\\s*(?:[.:\\-—–]|$|\\s)\\s*(.*)$", options: [.caseInsensitive])

    private static let itemFirstScalars: Set<UInt32> = [0x49, 0x69, 0xFF29, 0xFF49]     // I i Ｉ ｉ

    /// A cheap exact filter on a line's bytes from its first visible scalar on: when its first four bytes are
    /// ASCII, NFKC leaves them alone, so unless they spell `item` in any case the pattern cannot match. (English
    /// reports have thousands of lines starting with `I`; only those reach the normaliser and the regex.)
    static func mayStartWithItem(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let word: (UInt8, UInt8, UInt8, UInt8) = (0x69, 0x74, 0x65, 0x6D)   // item
        for k in 0..<4 {
            guard k < bytes.count else { return false }
            let b = bytes[k]
            if b >= 0x80 { return true }
            let expected = k == 0 ? word.0 : k == 1 ? word.1 : k == 2 ? word.2 : word.3
            let lower = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
            if lower != expected { return false }
        }
        return true
    }

    func scan() -> [HeadingLine] {
        guard let regex = Self.item else { return [] }
        let referenceWords = Set(patterns.referenceWords.map { $0.lowercased() })
        var result: [HeadingLine] = []
        for index in lines.candidates(firstScalars: Self.itemFirstScalars, accept: Self.mayStartWithItem) {
            let text = lines.matchText(index)
            guard text.count <= 300,
                  let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
                  let itemRange = Range(match.range(at: 1), in: text),
                  let titleRange = Range(match.range(at: 2), in: text) else { continue }
            let item = text[itemRange].uppercased()
            var title = String(text[titleRange])
            var lastLine = index
            var heading = text
            if title.isEmpty, let next = lines.nextNonBlank(after: index, limit: 2), !lines.trimmed(next).lowercased().hasPrefix("item") {
                title = lines.matchText(next)
                lastLine = next
                heading += " " + title
            }
            var kind = HeadingLine.Kind.heading
            // A real heading's title starts with a capital (`Management’s …`); `Item 7 of this report` does not.
            if let first = title.first, first.isLetter, first.isLowercase { kind = .crossReference }
            if let previous = lines.previousNonBlank(before: index, limit: 1) {
                let previousText = lines.matchText(previous)
                let lastWord = previousText.split(separator: " ").last.map { $0.lowercased() } ?? ""
                if referenceWords.contains(lastWord) || previousText.hasSuffix("\"") || previousText.hasSuffix("“") {
                    kind = .crossReference
                }
            }
            result.append(HeadingLine(firstLine: index, lastLine: lastLine, style: -1, number: nil, item: item,
                                      title: title, text: heading, kind: kind))
        }
        return result
    }
}
