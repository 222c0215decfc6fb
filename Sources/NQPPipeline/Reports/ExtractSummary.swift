import Foundation
import NQPExtract

/// The JSON object `nqp extract --format json` prints for one report. Keys are written in snake case
/// (`identified_by`, `found_by`) by `JSONLine`.
public struct ExtractSummary: Encodable, Sendable {
    public struct EncodingInfo: Encodable, Sendable {
        public var name: String
        /// How it was decided: byte-order mark, forced, declared label, valid UTF-8, or the GB18030 fallback.
        public var decidedBy: String
    }

    /// One 10-K item (README "10-K items").
    public struct ItemInfo: Encodable, Sendable {
        public var item: String
        public var part: String
        public var title: String
        public var status: String
        public var start: Int?
        public var end: Int?
        public var chars: Int?
        public var heading: String?
        public var foundBy: String?
        public var pointer: String?
    }

    public var file: String
    public var firm: String?
    public var year: Int?
    public var identifiedBy: IdentityRoute
    /// `annual_report`, `summary`, `english`, `interim`, with `version` and where they were read.
    public var document: DocumentClass
    public var format: ReportFormat
    public var encoding: EncodingInfo
    public var bytes: Int
    public var chars: Int
    public var scope: String
    public var scopeChars: Int?
    public var decodeErrors: Int
    public var sections: [Section]
    public var warnings: [String]
    /// PDF only (absent for other formats): page count, the match-text offset where each page starts, and the
    /// lines removed as running headers and footers.
    public var pages: Int?
    public var pageStarts: [Int]?
    public var runningLinesRemoved: Int?
    public var formType: String?
    public var company: String?
    public var filed: String?
    public var items: [ItemInfo]
    public var documents: [SubmissionDocument]

    public init(report: ExtractedReport, scope: Scope) {
        file = report.path
        firm = report.identity.firm
        year = report.identity.year
        identifiedBy = report.identity.route
        document = report.document
        format = report.format
        encoding = EncodingInfo(name: report.encoding.encoding.name, decidedBy: report.encoding.description)
        bytes = report.byteCount
        chars = report.matchText.unicodeScalars.count
        self.scope = scope.rawValue
        scopeChars = report.text(in: scope)?.unicodeScalars.count
        decodeErrors = report.decodeErrors
        sections = report.sections
        formType = report.identity.formType
        company = report.identity.company
        filed = report.identity.filed
        items = report.items.map {
            ItemInfo(item: $0.item, part: $0.part, title: $0.title, status: $0.status.rawValue, start: $0.start,
                     end: $0.end, chars: $0.chars, heading: $0.heading, foundBy: $0.foundBy?.rawValue, pointer: $0.pointer)
        }
        documents = report.documents
        var warnings = report.warnings
        if report.identity.firm == nil || report.identity.year == nil {
            warnings.append("firm or year not identified")
        }
        self.warnings = warnings
        pages = report.pages?.count
        pageStarts = report.pages?.starts
        runningLinesRemoved = report.pages?.runningLinesRemoved
    }

    /// One line of JSON (`JSONLine`: sorted, snake-case keys).
    public func jsonLine() throws -> String { try JSONLine.encode(self) }
}
