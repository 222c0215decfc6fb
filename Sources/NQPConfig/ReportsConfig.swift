import NQPEncoding
import NQPExtract

/// `reports:` — which files are annual reports and how their text is read.
public struct ReportsConfig: Encodable, Sendable, Equatable {
    /// Files or folders (searched recursively), relative to the configuration file.
    public var paths: [String]
    /// File-name glob patterns a report must match (`*` and `?`), case-insensitive.
    public var include: [String]
    /// File-name glob patterns to skip.
    public var exclude: [String]
    /// `auto` (BOM → declaration → valid UTF-8 → GB18030) or an encoding label (`utf-8`, `gb18030`, `big5` …).
    public var encoding: String
    /// `fast` (nqp's own HTML scanner) or `libxml2` (the reference parser; same text, slower).
    public var parser: MarkupParser
    /// Optional CSV `file,firm,year` that names each report's firm and year; tried first.
    public var manifest: String?
    /// Regular expressions with named groups `firm` and `year`, tried on the file name in order.
    public var filenamePatterns: [String]
    /// Use inline-XBRL / XBRL `dei:` facts when neither the manifest nor a pattern identifies the report.
    public var useXBRLFacts: Bool
    /// Pad numeric firm codes with leading zeros to this width (6 for A-shares); `null` keeps them as found.
    public var firmWidth: Int?
    /// Several reports for one firm-year (a corrected version, a duplicate): `latest` keeps the file whose name
    /// sorts last (cninfo names start with the publication date, so that is the latest publication), `first` the
    /// one that sorts first, `error` quarantines all of them. A warning names the files either way.
    public var duplicates: DuplicateReportRule
    /// Minimum characters of a plausible MD&A (shorter ones are treated as not found, with a warning).
    public var minimumMdnaChars: Int
    /// Largest report, in MiB (2^20 bytes), after decompression: a plain file, a gzip stream, each zip member and
    /// a zip archive's members together. Beyond it the file is quarantined without being inflated further, so a
    /// decompression bomb cannot exhaust memory (README "Limits").
    public var maxInflatedMB: Int = 512
    /// How an SEC header's period of report (or a 10-K cover's fiscal-year end) becomes the year: `compustat` or
    /// `end_year`, as the financial sources' `fiscal_year_rule`.
    public var fiscalYearRule: FiscalYearRule = .compustat
    /// Documents left out with a warning: summaries, English versions, cancelled and interim reports by default.
    public var skip: [ReportSkip] = ReportSkip.defaults
    /// How PDF reports are read (running headers, unreadable text, memory).
    public var pdf = PDFConfig()

    public static let defaultInclude = ["*.html", "*.htm", "*.xhtml", "*.xml", "*.txt", "*.pdf", "*.gz", "*.zip"]

    public init(paths: [String] = ["samples"], include: [String] = ReportsConfig.defaultInclude,
                exclude: [String] = [], encoding: String = "auto", parser: MarkupParser = .fast,
                manifest: String? = nil, filenamePatterns: [String] = IdentityRules.defaultFilenamePatterns,
                useXBRLFacts: Bool = true, firmWidth: Int? = nil, duplicates: DuplicateReportRule = .latest,
                minimumMdnaChars: Int = 1000) {
        self.paths = paths
        self.include = include
        self.exclude = exclude
        self.encoding = encoding
        self.parser = parser
        self.manifest = manifest
        self.filenamePatterns = filenamePatterns
        self.useXBRLFacts = useXBRLFacts
        self.firmWidth = firmWidth
        self.duplicates = duplicates
        self.minimumMdnaChars = minimumMdnaChars
    }

    enum CodingKeys: String, CodingKey {
        case paths, include, exclude, encoding, parser, manifest
        case filenamePatterns = "filename_patterns"
        case useXBRLFacts = "use_xbrl_facts"
        case firmWidth = "firm_width"
        case duplicates
        case minimumMdnaChars = "minimum_mdna_chars"
        case maxInflatedMB = "max_inflated_mb"
        case fiscalYearRule = "fiscal_year_rule"
        case skip
        case pdf
    }

    /// The forced encoding, or nil for `auto`.
    public var forcedEncoding: TextEncoding? {
        encoding.lowercased() == "auto" ? nil : TextEncoding(label: encoding)
    }
}

extension ReportsConfig: ConfigSchemaDescribed, Decodable {
    public init(from decoder: any Decoder) throws { self = try Self.decoded(from: decoder) }

    public static var schema: ConfigSchema<ReportsConfig> {
        ConfigSchema(defaults: ReportsConfig(), [
            .key("paths", \.paths, doc: "report files or folders (searched recursively)"),
            .key("include", \.include, doc: "file-name patterns to read (case-insensitive)"),
            .key("exclude", \.exclude, doc: "file-name patterns to skip"),
            .key("encoding", \.encoding, doc: "or a label (`utf-8`, `gb18030`, `gbk`, `big5`, `utf-16le` …) forced for every "
                + "report (a BOM still wins; a forced `utf-16le`/`utf-16be` also reads BOM-less files, whose NUL bytes "
                + "would otherwise mark them as binary)"),
            .key("parser", \.parser, doc: "`fast` (nqp's scanner) or `libxml2` (the reference parser; identical text, slower)"),
            .optional("manifest", \.manifest,
                      doc: "CSV `file,firm,year` (paths relative to the CSV, or bare file names); tried first"),
            .key("filename_patterns", \.filenamePatterns, doc: "regular expressions with named groups `firm` and `year`",
                 shown: "see [Firm and year](#firm-and-year)"),
            .key("use_xbrl_facts", \.useXBRLFacts,
                 doc: "use inline-XBRL/XBRL `dei:` facts when nothing else identifies the report"),
            .optional("firm_width", \.firmWidth,
                      doc: "zero-pad all-digit firm ids to this width (`6` restores A-share codes that lost their zeros)",
                      validate: { (1...20).contains($0) ? nil : "firm_width must be between 1 and 20, found \($0)" }),
            .mapping("pdf", \.pdf),
            .key("duplicates", \.duplicates, doc: "several reports for one firm-year (a 10-K and its 10-K/A, a duplicate "
                + "download, a corrected cninfo re-publication): the one the manifest lists, else `latest` (the latest "
                + "SEC filing date when the header gives one; a corrected version — 更正后, 修订版 … — before the "
                + "original; then the file name sorting last: cninfo names start with the publication date), `first` "
                + "(the name sorting first), or `error` (none used); a warning names the files either way, and "
                + "`form_type` in `reports.csv` lets you filter amendments"),
            .key("fiscal_year_rule", \.fiscalYearRule, doc: "how an SEC header's period of report (or a 10-K cover's "
                + "fiscal-year end) becomes the year: `compustat` or `end_year`, as for financial sources (below)"),
            .key("skip", \.skip, doc: "documents left out of counts and the panel, each with a warning and the status "
                + "`skipped: …` in `reports.csv`: 年度报告摘要 (`summary`), English versions (`english`), withdrawn "
                + "publications marked （已取消） (`cancelled`), 半年度/季度报告 (`interim`); `[]` keeps all. See "
                + "[Which files are the annual report](#which-files-are-the-annual-report)"),
            .key("minimum_mdna_chars", \.minimumMdnaChars, doc: "a shorter MD&A is treated as not found, with a warning"),
            .key("max_inflated_mb", \.maxInflatedMB, doc: "largest report in MiB once decompressed — a plain file, a "
                + "`.gz` stream, each `.zip` member and all members of one archive together; beyond it the file is "
                + "quarantined (see [Limits](#limits))",
                 validate: { $0 >= 1 ? nil : "max_inflated_mb must be at least 1 (MiB), found \($0)" }),
        ])
    }
}

/// What to do when several reports claim the same firm-year.
public enum DuplicateReportRule: String, Codable, Sendable, CaseIterable {
    case latest, first, error
}
