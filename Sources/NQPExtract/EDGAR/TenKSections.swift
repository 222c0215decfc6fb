import NQPEncoding

/// A document of an EDGAR submission other than the report itself, with its text (README "SEC filings").
public struct SubmissionDocument: Sendable, Equatable, Codable {
    public var type: String
    public var sequence: Int?
    public var fileName: String?
    public var description: String?
    public var status: SubmissionDocumentStatus
    /// Characters of its match text (read documents).
    public var chars: Int?

    public init(type: String, sequence: Int?, fileName: String?, description: String?, status: SubmissionDocumentStatus, chars: Int?) {
        self.type = type
        self.sequence = sequence
        self.fileName = fileName
        self.description = description
        self.status = status
        self.chars = chars
    }
}

/// What nqp did with a document of a submission.
public enum SubmissionDocumentStatus: String, Sendable, Equatable, Codable {
    /// The main document: the report.
    case report
    /// Read as text, available as `--scope document:TYPE`.
    case read
    /// A uuencoded file or `<PDF>` block: skipped, never decoded as text.
    case encodedFile = "encoded_file"
    /// XBRL, graphics, spreadsheets, archives, or unreadable: skipped.
    case notText = "not_text"
}

/// An exhibit's text, ready for the annual-report MD&A search.
struct ExhibitText {
    var type: String
    var layout: String
    var normalized: NormalizedText
}

/// Items and MD&A of an English 10-K (README "10-K items").
struct TenKSections {
    var items: [TenKItem]
    /// `item:N` sections of extracted items, and `mdna`.
    var sections: [Section]
    /// Scope name → match text (`item:7`, `mdna`).
    var texts: [String: String]
    var warnings: [String]

    /// Nil when the text has no 10-K item heading at all (not a 10-K).
    static func analyze(layout: String, normalized: NormalizedText, formType: String?, period: CalendarDate?,
                        patterns: SectionPatterns, minimum: Int, exhibits: [ExhibitText]) -> TenKSections? {
        let lines = LayoutLines(layout)
        let catalog = TenKItemCatalog.forForm(formType)
        let segmenter = TenKItemSegmenter(lines: lines, normalized: normalized, catalog: catalog, period: period,
                                          referenceWords: Set(patterns.referenceWords.map { $0.lowercased() }))
        let result = segmenter.segment()
        guard !result.located.isEmpty else { return nil }
        var sections: [Section] = []
        var texts: [String: String] = [:]
        var warnings: [String] = []
        for located in result.located where located.item.status == .extracted {
            guard let start = located.item.start, let end = located.item.end else { continue }
            var section = Section(name: located.item.sectionName, start: start, end: end, heading: located.item.heading ?? "")
            section.foundBy = located.item.foundBy
            sections.append(section)
            texts[located.item.sectionName] = located.text(normalized)
        }
        // The MD&A: the configured start item (Item 7; Item 6 on Form 10-KSB) to the first end item after it.
        let smallBusiness = formType.map(TenKForm.isSmallBusiness) ?? false
        let defaults = SectionPatterns()
        let startItems = smallBusiness && patterns.usStartItems == defaults.usStartItems
            ? [catalog.mdnaItem] : patterns.usStartItems.map { $0.uppercased() }
        let endItems = Set(smallBusiness && patterns.usEndItems == defaults.usEndItems
            ? catalog.mdnaEndItems : patterns.usEndItems.map { $0.uppercased() })
        let startIndex = result.located.firstIndex { startItems.contains($0.item.item) }
        if let startIndex, result.located[startIndex].item.status == .extracted {
            let opening = result.located[startIndex]
            var endLine = opening.lines.upperBound
            if let closing = result.located[(startIndex + 1)...].first(where: { endItems.contains($0.item.item) }) {
                endLine = max(endLine, closing.lines.lowerBound)
            }
            let range = normalized.map.scalarRange(ofLines: opening.lines.lowerBound..<endLine)
            var section = Section(name: "mdna", start: range.lowerBound, end: range.upperBound, heading: opening.item.heading ?? "")
            section.foundBy = opening.item.foundBy
            if section.chars >= minimum {
                sections.insert(section, at: 0)
                texts["mdna"] = normalized.text(ofLines: opening.lines.lowerBound..<endLine)
            } else {
                warnings.append("MD&A implausibly short: Item \(opening.item.item) \"\(section.heading)\" at character "
                    + "\(section.start) has \(section.chars) characters (< \(minimum)) — treated as missing")
            }
        } else if let startIndex {
            let opening = result.located[startIndex]
            // Incorporated by reference: the annual report in the filing (EX-13, else its pages after the items).
            let pointer = String((opening.item.pointer ?? "").prefix(160))
            var found = false
            for exhibit in exhibits where exhibit.type.uppercased().hasPrefix("EX-13") {
                let exhibitLines = LayoutLines(exhibit.layout)
                let finder = AnnualReportMDNA(lines: exhibitLines, normalized: exhibit.normalized, minimum: minimum)
                if let hit = finder.find(from: 0) {
                    let range = exhibit.normalized.map.scalarRange(ofLines: hit.lines)
                    var section = Section(name: "mdna", start: range.lowerBound, end: range.upperBound, heading: hit.heading)
                    section.document = exhibit.type
                    section.foundBy = .annualReportExhibit
                    sections.insert(section, at: 0)
                    texts["mdna"] = exhibit.normalized.text(ofLines: hit.lines)
                    if !hit.closed { warnings.append(runsToEnd(section)) }
                    found = true
                    break
                }
            }
            if !found, let after = result.endOfItems {
                let finder = AnnualReportMDNA(lines: lines, normalized: normalized, minimum: minimum)
                if let hit = finder.find(from: after) {
                    let range = normalized.map.scalarRange(ofLines: hit.lines)
                    var section = Section(name: "mdna", start: range.lowerBound, end: range.upperBound, heading: hit.heading)
                    section.foundBy = .annualReportPages
                    sections.insert(section, at: 0)
                    texts["mdna"] = normalized.text(ofLines: hit.lines)
                    if !hit.closed { warnings.append(runsToEnd(section)) }
                    found = true
                }
            }
            if !found {
                warnings.append("MD&A missing: Item \(opening.item.item) is incorporated by reference (\"\(pointer)…\") "
                    + "and the filing carries no annual report with it (no EX-13 document, no \"Management's "
                    + "Discussion\" pages after the items); its text measures are missing")
            }
        } else {
            warnings.append("MD&A not found: no Item \(startItems.joined(separator: "/")) heading with the item's own "
                + "title (\(catalog.entries.first { startItems.contains($0.item) }?.title ?? "MD&A")); the table of "
                + "contents and cross-references do not count")
        }
        return TenKSections(items: result.items, sections: sections, texts: texts, warnings: warnings)
    }

    private static func runsToEnd(_ section: Section) -> String {
        "MD&A \"\(section.heading)\" has no closing heading (auditors' report or financial statements) and runs to "
            + "the end of \(section.document ?? "the document") (\(section.chars) characters)"
    }
}
