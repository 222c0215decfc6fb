/// Locates the MD&A of a report in its layout lines and reports it in match-text offsets (README "Sections (MD&A)").
///
/// Rules, Chinese reports first:
/// - A candidate start is a chapter heading (`HeadingLine.Kind.heading`) whose title is one of
///   `SectionPatterns.mdnaTitles`. Table-of-contents entries, running page headers and cross-references
///   never start (or end) a section.
/// - It ends at the next heading of the same numbering style with another title (a table-of-contents entry
///   counts, so a TOC hit ends at the next TOC line and comes out short); with an Arabic `number`, the closing
///   heading must have a higher number (numbered list items inside the chapter do not end it). A running header
///   of the closing chapter right before its heading is left out of the section.
/// - The first candidate at least `minimum` scalars long wins: a heading followed within a short distance by
///   the next heading (a TOC entry without dot leaders) is therefore skipped.
/// - US 10-K, when no Chinese MD&A is found: `Item 7` to the first following `Item 7A` or `Item 8`, skipping
///   in-text references; the same length rule skips the table of contents.
/// No section, or only implausibly short ones, gives a warning and no section (measures missing, not zero).
public struct SectionFinder: Sendable {
    public var patterns: SectionPatterns
    /// Shortest plausible Chinese MD&A, in match-text scalars (`reports.minimum_mdna_chars`, default 1,000).
    public var minimumChineseChars: Int
    /// Shortest plausible US MD&A, in match-text scalars. 1,000 as well: real Item 7s run to tens of thousands
    /// of characters, one incorporated by reference (IBM, Medicis) is a few hundred, a TOC row under 200.
    public var minimumEnglishChars: Int

    public init(patterns: SectionPatterns = SectionPatterns(), minimumChineseChars: Int = 1000,
                minimumEnglishChars: Int = 1000) {
        self.patterns = patterns
        self.minimumChineseChars = minimumChineseChars
        self.minimumEnglishChars = minimumEnglishChars
    }

    /// The result of a search: the section when a plausible one was found, and warnings for the report.
    public struct Result: Sendable, Equatable {
        public var section: Section?
        /// The layout lines the section spans (first line of its heading up to the closing heading).
        public var lines: Range<Int>?
        public var warnings: [String]

        public init(section: Section?, lines: Range<Int>?, warnings: [String]) {
            self.section = section
            self.lines = lines
            self.warnings = warnings
        }
    }

    /// Finds the MD&A in `layout`, whose match text and line map are `normalized`.
    public func findMDNA(layout: String, normalized: NormalizedText) -> Result {
        let lines = LayoutLines(layout)
        let scanner = ChineseHeadingScanner(patterns: patterns, lines: lines)
        let chinese = scanner.scan()
        if let pattern = scanner.budget.exhaustedBy {
            return Result(section: nil, lines: nil, warnings: [
                "MD&A not searched: the heading style \(pattern) needed more than the regular-expression budget "
                + "(\(scanner.budget.limit) ticks of about 10,000 steps) on this report, a sign of catastrophic "
                + "backtracking — treated as missing; rewrite the pattern in sections.heading_styles without nested "
                + "quantifiers such as (\\w+)+"])
        }
        let chineseOutcome = choose(starts: chineseStarts(chinese), headings: chinese, normalized: normalized,
                                    minimum: minimumChineseChars)
        if case .found(let section, let lines, let warnings) = chineseOutcome {
            return Result(section: section, lines: lines, warnings: warnings)
        }
        // US 10-K items are read by TenKItemSegmenter (EDGAR/), which the extractor runs when no chapter is found.
        var warnings: [String] = []
        if case .tooShort(let best, let minimum) = chineseOutcome {
            warnings.append("MD&A implausibly short: the longest candidate, \"\(best.heading)\" at character "
                + "\(best.start), has \(best.chars) characters (< \(minimum)); the heading may only have been "
                + "found in the table of contents — treated as missing")
        }
        if warnings.isEmpty {
            warnings.append("MD&A not found: no chapter heading titled "
                + patterns.mdnaTitles.joined(separator: "/") + " and no 10-K Item "
                + patterns.usStartItems.joined(separator: "/") + " heading; add the report's heading to "
                + "sections.mdna_titles or sections.heading_styles in pipeline.yml")
        }
        return Result(section: nil, lines: nil, warnings: warnings)
    }

    private enum Outcome {
        case found(Section, Range<Int>, [String])
        case tooShort(Section, Int)
        case none
    }

    private func chineseStarts(_ headings: [HeadingLine]) -> [Int] {
        headings.indices.filter { i in
            let h = headings[i]
            return h.kind == .heading && patterns.mdnaTitles.contains { Self.titleMatches(h.title, name: $0) }
        }
    }

    /// `管理层讨论与分析` or `管理层讨论与分析(续)`; not `管理层讨论与分析之外…`.
    static func titleMatches(_ title: String, name: String) -> Bool {
        guard title.hasPrefix(name) else { return false }
        let rest = title.dropFirst(name.count)
        return rest.isEmpty || rest.hasPrefix("(") || rest.hasPrefix(":")
    }

    private func choose(starts: [Int], headings: [HeadingLine], normalized: NormalizedText,
                        minimum: Int) -> Outcome {
        var best: Section?
        for startIndex in starts {
            let start = headings[startIndex]
            let (endLine, closed) = endLine(after: startIndex, headings: headings, lineCount: normalized.map.lineCount)
            let range = normalized.map.scalarRange(ofLines: start.firstLine..<endLine)
            let section = Section(name: "mdna", start: range.lowerBound, end: range.upperBound, heading: start.text)
            if section.chars >= minimum {
                let warnings = closed ? [] : ["MD&A \"\(start.text)\" has no closing heading and runs to the end of "
                    + "the text (\(section.chars) characters): the report may be truncated"]
                return .found(section, start.firstLine..<endLine, warnings)
            }
            if section.chars > best?.chars ?? -1 { best = section }
        }
        if let best { return .tooShort(best, minimum) }
        return .none
    }

    /// The layout line where the section opened by `headings[startIndex]` ends, and whether a closing
    /// heading was found (false: end of text).
    private func endLine(after startIndex: Int, headings: [HeadingLine], lineCount: Int) -> (Int, Bool) {
        let start = headings[startIndex]
        let endItems = Set(patterns.usEndItems.map { $0.uppercased() })
        var index = startIndex + 1
        while index < headings.count {
            let candidate = headings[index]
            defer { index += 1 }
            guard candidate.firstLine > start.lastLine, candidate.style == start.style else { continue }
            if start.style < 0 {
                guard candidate.kind == .heading, endItems.contains(candidate.item ?? "") else { continue }
                return (candidate.firstLine, true)
            }
            guard candidate.kind == .heading || candidate.kind == .tableOfContents,
                  candidate.title != start.title else { continue }
            if let startNumber = start.number, let number = candidate.number, number <= startNumber { continue }
            return (trimRunningHeader(before: index, headings: headings, start: start), true)
        }
        return (lineCount, false)
    }

    /// A running header of the closing chapter printed just above its first heading belongs to that chapter.
    private func trimRunningHeader(before index: Int, headings: [HeadingLine], start: HeadingLine) -> Int {
        let closing = headings[index]
        var line = closing.firstLine
        var previous = index - 1
        while previous >= 0 {
            let header = headings[previous]
            guard header.kind == .runningHeader, header.style == closing.style, header.title == closing.title
                    || closing.title.hasPrefix(header.title) || header.title.hasPrefix(closing.title),
                  header.firstLine > start.lastLine, line - header.lastLine <= 4 else { break }
            line = header.firstLine
            previous -= 1
        }
        return line
    }
}
