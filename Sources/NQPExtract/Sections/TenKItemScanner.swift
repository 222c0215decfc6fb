import Foundation

/// Finds US 10-K item headings (`Item 7.`, `ITEM 7A:`, `Item 8 — Financial Statements`) at line starts and
/// marks in-text references (`see Item 7`, `Item 7 of this report`) as cross-references.
struct TenKItemScanner {
    let patterns: SectionPatterns
    let lines: LayoutLines

    private static let item = try? NSRegularExpression(
        pattern: "^item\\s*([0-9]{1,2}[a-z]?)\\s*(?:[.:\\-—–]|$|\\s)\\s*(.*)$", options: [.caseInsensitive])

    private static let itemFirstScalars: Set<UInt32> = [0x49, 0x69, 0xFF29, 0xFF49]     // I i Ｉ ｉ

    func scan() -> [HeadingLine] {
        guard let regex = Self.item else { return [] }
        let referenceWords = Set(patterns.referenceWords.map { $0.lowercased() })
        var result: [HeadingLine] = []
        for index in 0..<lines.count where lines.mayStartHeading(index, firstScalars: Self.itemFirstScalars) {
            let text = MatchText.normalize(String(lines.lines[index]))
            guard text.count <= 300,
                  let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
                  let itemRange = Range(match.range(at: 1), in: text),
                  let titleRange = Range(match.range(at: 2), in: text) else { continue }
            let item = text[itemRange].uppercased()
            var title = String(text[titleRange])
            var lastLine = index
            var heading = text
            if title.isEmpty, let next = lines.nextNonBlank(after: index, limit: 2), !lines.trimmed(next).lowercased().hasPrefix("item") {
                title = MatchText.normalize(String(lines.lines[next]))
                lastLine = next
                heading += " " + title
            }
            var kind = HeadingLine.Kind.heading
            // A real heading's title starts with a capital (`Management’s …`); `Item 7 of this report` does not.
            if let first = title.first, first.isLetter, first.isLowercase { kind = .crossReference }
            if let previous = lines.previousNonBlank(before: index, limit: 1) {
                let previousText = MatchText.normalize(String(lines.lines[previous]))
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
