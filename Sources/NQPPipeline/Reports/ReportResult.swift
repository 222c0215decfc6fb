import NQPExtract
import NQPLexicon

/// Everything nqp keeps about one report after the extract and count stages: the row of `reports.csv`, the
/// report's contribution to `counts.csv` and `kwic.csv`, and what the state store caches between runs.
public struct ReportResult: Codable, Sendable, Equatable {
    /// Path as given in the configuration's terms (relative to the configuration file when possible).
    public var file: String
    public var sha256: String
    public var firm: String?
    public var year: Int?
    /// How firm and year were decided (manifest, file-name pattern, XBRL facts).
    public var identityRoute: IdentityRoute
    public var format: ReportFormat
    public var encoding: String
    /// How the encoding was decided (byte-order mark, forced, declared label, valid UTF-8, fallback).
    public var encodingSource: String
    public var bytes: Int
    /// Unicode scalars of the whole report's match text.
    public var chars: Int
    public var decodeErrors: Int
    public var sections: [Section]
    /// Characters of the counted scope; nil when the scope (MD&A) was not found — the measures are then missing.
    public var scopeChars: Int?
    /// One entry per configured dictionary, in configuration order; empty when the scope was not found.
    public var counts: [KeywordCounts]
    public var warnings: [String]
    /// Full report, summary, English version …, corrected or cancelled; nil only in results cached by an older
    /// extractor (the extractor version in the cache key makes those re-read).
    public var document: DocumentClass?
    /// PDF only: where each page starts in the match text, and the running-header lines removed; nil otherwise.
    public var pages: PageMap?

    /// The 1-based PDF page holding match-text offset `offset`; nil for other formats.
    public func page(atOffset offset: Int) -> Int? { pages?.page(atOffset: offset) }
    /// SEC form type (`10-K`, `10-K405`, `10-K/A`) and company name, when known (README "SEC filings").
    public var formType: String?
    public var company: String?
    /// Filing date `YYYY-MM-DD` (SEC header); orders amendments and duplicates under `reports.duplicates`.
    public var filed: String?

    public init(file: String, sha256: String, firm: String?, year: Int?, identityRoute: IdentityRoute, format: ReportFormat,
                encoding: String, encodingSource: String, bytes: Int, chars: Int, decodeErrors: Int,
                sections: [Section], scopeChars: Int?, counts: [KeywordCounts], warnings: [String],
                formType: String? = nil, company: String? = nil, filed: String? = nil,
                document: DocumentClass? = nil) {
        self.formType = formType
        self.company = company
        self.filed = filed
        self.file = file
        self.sha256 = sha256
        self.firm = firm
        self.year = year
        self.identityRoute = identityRoute
        self.format = format
        self.encoding = encoding
        self.encodingSource = encodingSource
        self.bytes = bytes
        self.chars = chars
        self.decodeErrors = decodeErrors
        self.sections = sections
        self.scopeChars = scopeChars
        self.counts = counts
        self.warnings = warnings
        self.document = document
    }
}

/// The step at which a report failed: the `stage` column of `errors.csv` (README "Outputs"), the `[stage]` of
/// `reports.csv`'s warnings and of `nqp count`'s messages. Raw values are the written words.
public enum FailureStage: String, Codable, Sendable, Equatable, CaseIterable, CustomStringConvertible {
    /// Discovery skipped the path (never opened: unreadable folder, broken link …).
    case discover
    /// The file could not be read or hashed.
    case read
    /// The bytes could not be turned into text (undecodable, corrupt archive or PDF, too large …).
    case extract
    /// A run needs firm and year; neither rule found one of them.
    case identify
    /// The counted result stored by an earlier run could not be read back.
    case state

    public var description: String { rawValue }
}

/// A report that could not be processed, for `errors.csv` and the quarantine.
public struct ReportFailure: Codable, Sendable, Equatable, Error {
    public var file: String
    public var sha256: String
    public var stage: FailureStage
    public var reason: String

    public init(file: String, sha256: String, stage: FailureStage, reason: String) {
        self.file = file
        self.sha256 = sha256
        self.stage = stage
        self.reason = reason
    }
}
