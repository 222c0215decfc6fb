public import NQPEncoding

/// How reports are extracted (pipeline.yml: encoding, parser, `sections:`, firm and year rules, MD&A minimum lengths).
public struct ExtractOptions: Sendable, Equatable {
    /// Overrides the detected encoding (BOM still wins); nil = auto.
    public var forcedEncoding: TextEncoding?
    public var parser: MarkupParser
    public var sectionPatterns: SectionPatterns
    public var identity: IdentityRules
    /// Shortest plausible Chinese MD&A in match-text scalars (`reports.minimum_mdna_chars`, default 1,000).
    public var minimumMDNAChars: Int
    /// Shortest plausible US 10-K Item 7 in match-text scalars; a real one is tens of thousands, one
    /// incorporated by reference a few hundred.
    public var minimumEnglishMDNAChars: Int
    /// How PDF reports are read: memory limit, running-header rule, unreadable-text thresholds.
    public var pdf = PDFOptions()

    public init(forcedEncoding: TextEncoding? = nil, parser: MarkupParser = .fast,
                sectionPatterns: SectionPatterns = SectionPatterns(), identity: IdentityRules = IdentityRules(),
                minimumMDNAChars: Int = 1000, minimumEnglishMDNAChars: Int = 1000) {
        self.forcedEncoding = forcedEncoding
        self.parser = parser
        self.sectionPatterns = sectionPatterns
        self.identity = identity
        self.minimumMDNAChars = minimumMDNAChars
        self.minimumEnglishMDNAChars = minimumEnglishMDNAChars
    }
}

/// One report after extraction: its text in both forms, sections, firm and year, and what to warn about.
public struct ExtractedReport: Sendable {
    /// File path, or `archive.zip/member.html` for zip members.
    public var path: String
    public var fileName: String
    public var format: ReportFormat
    public var encoding: EncodingDecision
    public var byteCount: Int
    public var decodeErrors: Int
    public var layoutText: String
    /// The canonical match text of the whole report (README "Reading reports", match text).
    public var matchText: String
    /// Located sections; offsets are match-text scalar offsets. Contains `mdna` only when a plausible MD&A
    /// was found.
    public var sections: [Section]
    public var identity: ReportIdentity
    /// XBRL `dei:` facts found in the document.
    public var facts: [String: String]
    /// Decoder warnings, then section warnings (MD&A missing or implausibly short, runs to the end).
    public var warnings: [String]
    /// Full report, summary, English version …, and whether corrected or cancelled (`DocumentClassifier`).
    public var document = DocumentClass.assumed
    /// Match text of the MD&A, kept so `text(in:)` needs no scalar walk.
    private var mdnaText: String?
    /// PDF only: where each page starts in the match text and how many running-header lines were removed.
    public var pages: PageMap?
    /// 10-K items (README "10-K items"): every item found or required, with its status; empty for other reports.
    public var items: [TenKItem] = []
    /// The documents of an EDGAR submission (README "SEC filings"); empty for other reports.
    public var documents: [SubmissionDocument] = []
    /// Match text of the other scopes (`item:7`, `document:EX-13`).
    public internal(set) var scopeTexts: [String: String] = [:]
    /// What firm, year, form type and company were decided from (kept by the text cache to re-identify).
    public var identityEvidence = IdentityEvidence()
    /// UTF-8 byte range of the MD&A (`text(in: .mdna)`) in the match text, for the text cache.
    public var mdnaByteRange: Range<Int>?

    public init(path: String, fileName: String, format: ReportFormat, encoding: EncodingDecision, byteCount: Int,
                decodeErrors: Int, layoutText: String, matchText: String, sections: [Section],
                identity: ReportIdentity, facts: [String: String] = [:], warnings: [String],
                mdnaText: String?) {
        self.path = path
        self.fileName = fileName
        self.format = format
        self.encoding = encoding
        self.byteCount = byteCount
        self.decodeErrors = decodeErrors
        self.layoutText = layoutText
        self.matchText = matchText
        self.sections = sections
        self.identity = identity
        self.facts = facts
        self.warnings = warnings
        self.mdnaText = mdnaText
    }

    /// Number of Unicode scalars in the match text (`chars` in `nqp extract --format json`); counted on the
    /// UTF-8 bytes eight at a time (bytes that are not continuation bytes), far faster than
    /// `matchText.unicodeScalars.count`, which steps scalar by scalar.
    public var chars: Int { MatchText.scalarCount(of: matchText) }

    /// The match text of `scope`; nil when that section was not found, so measures are missing, not zero.
    public func text(in scope: Scope) -> String? {
        switch scope.kind {
        case .full: matchText
        case .mdna: mdnaText
        case .item: scopeTexts[scope.rawValue]
        case .document(let type):
            // `document:EX-13` also finds `EX-13.1` when there is no plain `EX-13`.
            scopeTexts[scope.rawValue] ?? scopeTexts.keys.sorted().first { $0.hasPrefix("document:" + type + ".") }
                .flatMap { scopeTexts[$0] }
        }
    }

    /// The section named `name` (`"mdna"`), if found.
    public func section(named name: String) -> Section? { sections.first { $0.name == name } }
}

/// Bytes → layout text (DocumentDecoder) → match text → MD&A → firm and year, for one report.
public struct ReportExtractor: Sendable {
    public var options: ExtractOptions

    public init(options: ExtractOptions = ExtractOptions()) {
        self.options = options
    }

    /// Extracts one report. Throws only for unreadable input (decoder errors); a missing MD&A or firm/year is
    /// reported on the result (warnings, `identity.isComplete`) for the pipeline to decide.
    public func extract(_ input: ReportInput) throws(ExtractError) -> ExtractedReport {
        if let submission = EDGARSubmission.parse(input.bytes) {
            return try extractSubmission(input, submission: submission)
        }
        let decoder = DocumentDecoder(forcedEncoding: options.forcedEncoding, parser: options.parser, pdf: options.pdf)
        let document = try decoder.decode(input)
        return assemble(input: input, document: document)
    }

    /// The text side of extraction on an already decoded document.
    public func assemble(input: ReportInput, document: DecodedDocument) -> ExtractedReport {
        assemble(input: input, document: document, edgar: nil)
    }

    func assemble(input: ReportInput, document: DecodedDocument, edgar: EDGARContext?) -> ExtractedReport {
        let normalized = MatchText.normalizeWithMap(document.layoutText)
        let finder = SectionFinder(patterns: options.sectionPatterns, minimumChineseChars: options.minimumMDNAChars,
                                   minimumEnglishChars: options.minimumEnglishMDNAChars)
        let search = finder.findMDNA(layout: document.layoutText, normalized: normalized)
        var sections: [Section] = []
        var mdnaText: String?
        var mdnaByteRange: Range<Int>?
        if let section = search.section, let lines = search.lines {
            sections.append(section)
            mdnaText = normalized.text(ofLines: lines)
            mdnaByteRange = normalized.map.byteRange(ofLines: lines)
        }
        // English 10-K: every item, and the MD&A from Item 7 or the annual report (EDGAR/TenKSections.swift).
        var warnings = search.warnings
        let cover = edgar?.header?.fiscalPeriodEnd == nil ? CoverPage.fiscalYearEnd(in: normalized.text) : nil
        var tenK: TenKSections?
        if search.section == nil {
            tenK = tenKSections(layout: document.layoutText, normalized: normalized, facts: document.facts,
                                edgar: edgar, period: edgar?.header?.fiscalPeriodEnd ?? cover)
        }
        if let tenK {
            sections = tenK.sections
            mdnaText = tenK.texts["mdna"]
            // An EDGAR MD&A may come from an exhibit, not a range of the match text.
            mdnaByteRange = nil
            warnings = tenK.warnings
        }
        let opening = String(String.UnicodeScalarView(
            normalized.text.unicodeScalars.prefix(DocumentClassifier.openingScalars)))
        var evidence = IdentityEvidence(header: edgar?.header, coverPeriod: cover, openingText: opening,
                                        formType: edgar?.formType)
        if tenK != nil, edgar?.header?.companyName == nil, document.facts["EntityRegistrantName"] == nil {
            evidence.company = CoverPage.registrantName(inLayout: document.layoutText)
        }
        let identity = evidence.identify(rules: options.identity, path: input.path, fileName: input.fileName,
                                         facts: document.facts)
        var report = ExtractedReport(path: input.path, fileName: input.fileName, format: document.format,
                                     encoding: document.encoding, byteCount: document.byteCount,
                                     decodeErrors: document.decodeErrors, layoutText: document.layoutText,
                                     matchText: normalized.text, sections: sections, identity: identity,
                                     facts: document.facts, warnings: document.warnings + warnings,
                                     mdnaText: mdnaText)
        report.pages = document.pages.map { PageMap(layout: $0, map: normalized.map) }
        report.items = tenK?.items ?? []
        report.scopeTexts = (tenK?.texts ?? [:]).merging(edgar?.documentTexts ?? [:]) { a, _ in a }
        report.documents = edgar?.documents ?? []
        report.identityEvidence = evidence
        report.document = DocumentClassifier.classify(fileName: input.fileName, openingText: opening,
                                                      hasXBRLFacts: !document.facts.isEmpty)
        report.mdnaByteRange = mdnaByteRange
        return report
    }
}
