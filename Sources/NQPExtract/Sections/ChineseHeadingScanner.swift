import Foundation

/// Finds Chinese chapter headings (`第三节 管理层讨论与分析`, `第三章` + `管理层讨论与分析` on the next line,
/// `7. 讨论与分析`) and classifies each as heading, table-of-contents entry, running header or cross-reference.
struct ChineseHeadingScanner {
    let patterns: SectionPatterns
    let lines: LayoutLines
    private let firstScalars: Set<UInt32>?
    /// Compiled `patterns.headingStyles`.
    private let styles: [HeadingStyleMatcher]
    /// The regex work this report may take (custom heading styles only; README "Limits").
    let budget = RegexBudget()

    init(patterns: SectionPatterns, lines: LayoutLines) {
        self.patterns = patterns
        self.lines = lines
        firstScalars = LayoutLines.firstScalars(of: patterns.headingStyles.map(\.pattern))
        styles = patterns.headingStyles.map { HeadingStyleMatcher(pattern: $0.pattern) }
    }

    /// Dot leaders of a table-of-contents line (`……` is `...` after NFKC).
    private static let dotLeaders = try? NSRegularExpression(pattern: "(\\.{3,}|·{3,}|-{4,}|_{4,}|…)")
    /// `title 23` — a title followed by its page number and nothing else.
    private static let trailingPageNumber = try? NSRegularExpression(pattern: "^[^0-9]+[0-9]{1,4}$")
    /// `管理层讨论与分析23平安银行股份有限公司2024年年度报告` — a running header on one line. A number followed by
    /// 年 is a year, not a page number.
    private static let inlineRunningHeader = try? NSRegularExpression(
        pattern: "^[^0-9]{2,}?[0-9]{1,4}(?![0-9年])\\D.*(公司|年度报告|年报|半年度报告)")
    /// A page-number line: `23`, `- 23 -`, `第23页`, `第 23 页 共 200 页`, `23/200`.
    private static let pageNumberLine = try? NSRegularExpression(
        pattern: "^([-—–]?[0-9]{1,4}[-—–]?|第[0-9]{1,4}页(共[0-9]{1,4}页)?|[0-9]{1,4}/[0-9]{1,4})$")
    /// A short report-title or company line that a running header carries.
    private static let reportTitleLine = try? NSRegularExpression(
        pattern: "(年度报告|年报|年度报告全文|年度报告正文|年度报告摘要|股份有限公司|AnnualReport)$")
    private static let closingMarks: Set<Character> = ["”", "」", "』", "》", "\"", "'", "’"]
    private static let leadingReferencePunctuation: Set<Character> = [
        "”", "」", "』", "》", "\"", "'", ",", "，", "。", ";", "；", ":", "：", "、", ")", "）",
    ]

    func scan() -> [HeadingLine] {
        var result: [HeadingLine] = []
        for index in lines.candidates(firstScalars: firstScalars, accept: HeadingStyleMatcher.prefilter(for: styles)) {
            let keyBytes = lines.compactKeyBytes(index)
            var keyString: String?
            let string = { () -> String in
                if let keyString { return keyString }
                let made = String(decoding: keyBytes, as: UTF8.self)
                keyString = made
                return made
            }
            for (styleIndex, style) in styles.enumerated() {
                guard let match = style.matchAtStart(keyBytes, string: string, budget: budget) else { continue }
                let key = string()
                let prefixEnd = key.utf8.index(key.utf8.startIndex, offsetBy: match.end)
                if let heading = heading(at: index, key: key, prefixEnd: prefixEnd,
                                         style: styleIndex, number: match.number) {
                    result.append(heading)
                }
                break
            }
        }
        return result
    }

    private func heading(at index: Int, key: String, prefixEnd: String.Index, style: Int,
                         number: Int?) -> HeadingLine? {
        var title = String(key[prefixEnd...].drop(while: { "、.．:：-—–".contains($0) }))
        var lastLine = index
        var text = String(lines.trimmed(index))
        // `第三章` alone on its line (or a title cut by a hard line break): the title continues on the next line.
        let isTitlePrefix = !title.isEmpty && patterns.mdnaTitles.contains { $0.count > title.count && $0.hasPrefix(title) }
        if title.isEmpty || isTitlePrefix, let next = lines.nextNonBlank(after: index, limit: 2) {
            let nextKeyBytes = lines.compactKeyBytes(next)
            let nextKey = String(decoding: nextKeyBytes, as: UTF8.self)
            if !nextKey.isEmpty && !styles.contains(where: { $0.matches(nextKeyBytes, string: { nextKey }, budget: budget) })
                || isTitlePrefix {
                title += nextKey
                lastLine = next
                text += " " + lines.trimmed(next)
            }
        }
        if title.isEmpty { return nil }
        return HeadingLine(firstLine: index, lastLine: lastLine, style: style, number: number, item: nil,
                           title: title, text: text, kind: classify(title: title, firstLine: index, lastLine: lastLine))
    }

    private func classify(title: String, firstLine: Int, lastLine: Int) -> HeadingLine.Kind {
        if let first = title.first, Self.leadingReferencePunctuation.contains(first) { return .crossReference }
        if title.contains(where: { Self.closingMarks.contains($0) }) || title.contains("中的") { return .crossReference }
        if let previous = lines.previousNonBlank(before: firstLine, limit: 1) {
            let previousKey = lines.compactKey(previous)
            if patterns.crossReferenceMarkers.contains(where: { !$0.isEmpty && previousKey.hasSuffix($0) }) {
                return .crossReference
            }
        }
        if Self.matches(Self.dotLeaders, title) || Self.matches(Self.trailingPageNumber, title) {
            return .tableOfContents
        }
        if Self.matches(Self.inlineRunningHeader, title) { return .runningHeader }
        if let next = lines.nextNonBlank(after: lastLine, limit: 1) {
            let nextKey = lines.compactKey(next)
            if Self.matches(Self.pageNumberLine, nextKey)
                || (nextKey.count <= 40 && Self.matches(Self.reportTitleLine, nextKey)) {
                return .runningHeader
            }
        }
        return .heading
    }

    static func matches(_ regex: NSRegularExpression?, _ text: String) -> Bool {
        guard let regex else { return false }
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}
