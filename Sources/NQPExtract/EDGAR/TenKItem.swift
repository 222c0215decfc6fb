/// One item of a 10-K as found in a report (README "10-K items").
public struct TenKItem: Sendable, Codable, Equatable {
    /// `1`, `1A`, `7`, `7A` …
    public var item: String
    public var part: String
    /// The item's title in the form's wording (the catalog's, not the filer's).
    public var title: String
    public var status: TenKItemStatus
    /// Match-text scalar offsets of the whole item, its heading included (0-based, end exclusive); nil when absent.
    public var start: Int?
    public var end: Int?
    /// The heading as written in the report (lines joined by one space).
    public var heading: String?
    public var foundBy: TenKItemDetection?
    /// For `incorporated_by_reference`: the item's text after its heading (the pointer), at most 1,000 characters.
    public var pointer: String?
    /// Characters of the item's text (`end - start` less an omitted block).
    public var chars: Int?
    /// An unnumbered "Executive Officers of the Registrant" block inside a Part I item, left out of its text.
    public var omittedStart: Int?
    public var omittedEnd: Int?

    public init(item: String, part: String, title: String, status: TenKItemStatus, start: Int? = nil, end: Int? = nil,
                heading: String? = nil, foundBy: TenKItemDetection? = nil, pointer: String? = nil) {
        self.item = item
        self.part = part
        self.title = title
        self.status = status
        self.start = start
        self.end = end
        self.heading = heading
        self.foundBy = foundBy
        self.pointer = pointer
        self.chars = start.flatMap { s in end.map { $0 - s } }
    }

    /// The `--scope` name of the item: `item:1A`.
    public var sectionName: String { "item:" + item }
}

/// What a 10-K item holds.
public enum TenKItemStatus: String, Sendable, Codable, Equatable {
    /// Its heading and its own text were found.
    case extracted
    /// Its heading was found, but its text only points to another document (annual report to shareholders,
    /// proxy statement) that is incorporated by reference.
    case incorporatedByReference = "incorporated_by_reference"
    /// The form requires the item for the report's period, but no heading with its own title was found.
    case absent
}

/// How an item (or the MD&A) was located.
public enum TenKItemDetection: String, Sendable, Codable, Equatable {
    /// `Item 7. Management's Discussion …` on one line.
    case heading
    /// `Item 7.` alone on its line, the title on the next.
    case headingNextLine = "heading_next_line"
    /// The MD&A taken from the annual-report exhibit (EX-13) of the submission, by its own title.
    case annualReportExhibit = "annual_report_exhibit"
    /// The MD&A taken from the annual-report pages printed inside the 10-K document, by its own title.
    case annualReportPages = "annual_report_pages"
}
