import NQPEncoding
import NQPExtract

/// `reports:` — which files are annual reports and how their text is read.
public struct ReportsConfig: Codable, Sendable, Equatable {
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

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = ReportsConfig()
        paths = try c.decodeIfPresent([String].self, forKey: .paths) ?? d.paths
        include = try c.decodeIfPresent([String].self, forKey: .include) ?? d.include
        exclude = try c.decodeIfPresent([String].self, forKey: .exclude) ?? d.exclude
        encoding = try c.decodeIfPresent(String.self, forKey: .encoding) ?? d.encoding
        parser = try c.decodeIfPresent(MarkupParser.self, forKey: .parser) ?? d.parser
        manifest = try c.decodeIfPresent(String.self, forKey: .manifest)
        filenamePatterns = try c.decodeIfPresent([String].self, forKey: .filenamePatterns) ?? d.filenamePatterns
        useXBRLFacts = try c.decodeIfPresent(Bool.self, forKey: .useXBRLFacts) ?? d.useXBRLFacts
        firmWidth = try c.decodeIfPresent(Int.self, forKey: .firmWidth)
        duplicates = try c.decodeIfPresent(DuplicateReportRule.self, forKey: .duplicates) ?? d.duplicates
        minimumMdnaChars = try c.decodeIfPresent(Int.self, forKey: .minimumMdnaChars) ?? d.minimumMdnaChars
        maxInflatedMB = try c.decodeIfPresent(Int.self, forKey: .maxInflatedMB) ?? d.maxInflatedMB
        fiscalYearRule = try c.decodeIfPresent(FiscalYearRule.self, forKey: .fiscalYearRule) ?? d.fiscalYearRule
        skip = try c.decodeIfPresent([ReportSkip].self, forKey: .skip) ?? d.skip
        pdf = try c.decodeIfPresent(PDFConfig.self, forKey: .pdf) ?? d.pdf
    }

    /// The forced encoding, or nil for `auto`.
    public var forcedEncoding: TextEncoding? {
        encoding.lowercased() == "auto" ? nil : TextEncoding(label: encoding)
    }
}

/// What to do when several reports claim the same firm-year.
public enum DuplicateReportRule: String, Codable, Sendable, CaseIterable {
    case latest, first, error
}
