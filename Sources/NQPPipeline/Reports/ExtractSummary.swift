import Foundation
import NQPExtract

/// The JSON object `nqp extract --format json` prints for one report.
public struct ExtractSummary: Encodable, Sendable {
    public struct EncodingInfo: Encodable, Sendable {
        public var name: String
        /// How it was decided: byte-order mark, forced, declared label, valid UTF-8, or the GB18030 fallback.
        public var decidedBy: String
        enum CodingKeys: String, CodingKey { case name, decidedBy = "decided_by" }
    }

    public struct SectionInfo: Encodable, Sendable {
        public var name: String
        public var start: Int
        public var end: Int
        public var chars: Int
        public var heading: String
        /// The submission document the offsets refer to (`EX-13`); absent = the report itself.
        public var document: String?
        public var foundBy: String?
        enum CodingKeys: String, CodingKey { case name, start, end, chars, heading, document, foundBy = "found_by" }
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
        enum CodingKeys: String, CodingKey {
            case item, part, title, status, start, end, chars, heading, foundBy = "found_by", pointer
        }
    }

    public var file: String
    public var firm: String?
    public var year: Int?
    public var identifiedBy: String
    /// `annual_report`, `summary`, `english`, `interim`, with `version` and where they were read.
    public var document: DocumentClass
    public var format: String
    public var encoding: EncodingInfo
    public var bytes: Int
    public var chars: Int
    public var scope: String
    public var scopeChars: Int?
    public var decodeErrors: Int
    public var sections: [SectionInfo]
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

    enum CodingKeys: String, CodingKey {
        case file, firm, year, identifiedBy = "identified_by", document, format, encoding, bytes, chars, scope
        case scopeChars = "scope_chars", decodeErrors = "decode_errors", sections, warnings
        case pages, pageStarts = "page_starts", runningLinesRemoved = "running_lines_removed"
        case formType = "form_type", company, filed, items, documents
    }

    public init(report: ExtractedReport, scope: Scope) {
        file = report.path
        firm = report.identity.firm
        year = report.identity.year
        identifiedBy = report.identity.route
        document = report.document
        format = report.format.rawValue
        encoding = EncodingInfo(name: report.encoding.encoding.name, decidedBy: report.encoding.description)
        bytes = report.byteCount
        chars = report.matchText.unicodeScalars.count
        self.scope = scope.rawValue
        scopeChars = report.text(in: scope)?.unicodeScalars.count
        decodeErrors = report.decodeErrors
        sections = report.sections.map {
            SectionInfo(name: $0.name, start: $0.start, end: $0.end, chars: $0.chars, heading: $0.heading,
                        document: $0.document, foundBy: $0.foundBy?.rawValue)
        }
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

    /// One line of JSON with sorted keys (stable output).
    public func jsonLine() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
