/// Which PDF lines are running headers and footers, removed from the match text (README "PDF reports").
///
/// A line is a candidate when its vertical centre lies in the top or bottom `bandShare` of its page. Its key is
/// its text without whitespace and digits (so `平安银行股份有限公司 2017 年年度报告全文` and `第 12 页 共 213 页`
/// are the same on every page); a line of digits with only page-number marks (`12`, `- 12 -`, `12 / 124`,
/// `第 12 页 共 213 页`, `Page 12 of 80`) has the key "page number"; a line with no letter left (a row of figures
/// such as `1,234.00 5,678.00`) is never a candidate. Candidates with the same key on the same side of the page
/// are grouped by position (distance from the top edge for the top band, from the bottom edge for the bottom
/// band; neighbours within `positionTolerance` points join a group): a group found on at least `minimumPages`
/// distinct pages is a running header or footer and all its lines are removed. A chapter title that is also the
/// running header stays where it is the chapter's heading, because the heading sits at another position.
public struct RunningHeaderRule: Sendable, Equatable {
    /// Share of the page height at the top and at the bottom where running headers and footers sit.
    public var bandShare: Double
    /// Fewest distinct pages a line must repeat on (chapter-title headers repeat only within their chapter).
    public var minimumPages: Int
    /// Points a repeated line may move between pages and still count as the same header.
    public var positionTolerance: Double

    public init(bandShare: Double = 0.15, minimumPages: Int = 3, positionTolerance: Double = 3) {
        self.bandShare = bandShare
        self.minimumPages = minimumPages
        self.positionTolerance = positionTolerance
    }

    private struct Candidate {
        var page: Int
        var line: Int
        var position: Double
    }

    private struct GroupKey: Hashable {
        var top: Bool
        var key: String
    }

    /// For every page (same order as `pages`), the indices of its lines that are running headers or footers.
    public func runningLines(in pages: [PDFPage]) -> [Set<Int>] {
        var groups: [GroupKey: [Candidate]] = [:]
        for (pageIndex, page) in pages.enumerated() where page.height > 0 {
            let band = page.height * bandShare
            for (lineIndex, line) in page.lines.enumerated() {
                let centre = (line.top + line.bottom) / 2
                let top: Bool
                let position: Double
                if centre <= band {
                    top = true
                    position = line.top
                } else if centre >= page.height - band {
                    top = false
                    position = page.height - line.bottom
                } else {
                    continue
                }
                guard let key = Self.key(line.text) else { continue }
                groups[GroupKey(top: top, key: key), default: []]
                    .append(Candidate(page: pageIndex, line: lineIndex, position: position))
            }
        }
        var removed = [Set<Int>](repeating: [], count: pages.count)
        for candidates in groups.values where candidates.count >= minimumPages {
            let sorted = candidates.sorted { ($0.position, $0.page, $0.line) < ($1.position, $1.page, $1.line) }
            var start = 0
            while start < sorted.count {
                var end = start + 1
                while end < sorted.count, sorted[end].position - sorted[end - 1].position <= positionTolerance {
                    end += 1
                }
                let cluster = sorted[start..<end]
                if Set(cluster.map(\.page)).count >= minimumPages {
                    for candidate in cluster { removed[candidate.page].insert(candidate.line) }
                }
                start = end
            }
        }
        return removed
    }

    /// Marks that may surround a page number (`- 12 -`, `12 / 124`, `第 12 页 共 213 页`, `Page 12 of 80`).
    private static let pageNumberMarks: Set<Character> = ["-", "–", "—", "/", "|", "第", "页", "共", "(", ")", "（", "）",
                                                          "[", "]"]

    /// The key a line is compared by, or nil when the line cannot be a running header (no letter and not a
    /// page number).
    static func key(_ text: String) -> String? {
        var kept = ""
        var digits = 0
        for character in text {
            if character.isWhitespace { continue }
            if character.isNumber && character.unicodeScalars.allSatisfy({ $0.properties.numericType == .decimal }) {
                digits += 1
                continue
            }
            kept.append(character)
        }
        if digits > 0 {
            let lowered = kept.lowercased()
            let marksOnly = kept.allSatisfy { pageNumberMarks.contains($0) }
            if marksOnly || lowered == "page" || lowered == "pageof" || lowered == "p." {
                return "\u{0}page number"
            }
        }
        guard kept.contains(where: { $0.isLetter }) else { return nil }
        return kept
    }
}
