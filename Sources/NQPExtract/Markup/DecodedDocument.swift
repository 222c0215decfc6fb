import NQPEncoding

/// A report's bytes turned into layout text (README "Reading reports"), with how they were decoded.
public struct DecodedDocument: Sendable, Equatable {
    public var format: ReportFormat
    public var encoding: EncodingDecision
    /// Size of the (decompressed) input in bytes.
    public var byteCount: Int
    /// Invalid byte sequences replaced by U+FFFD.
    public var decodeErrors: Int
    /// Visible text, lines separated by "\n" (README "Reading reports", visible text).
    public var layoutText: String
    /// `dei:` facts of inline XBRL or XBRL, by local name (`EntityCentralIndexKey`, `DocumentFiscalYearFocus`,
    /// `DocumentPeriodEndDate`, `EntityRegistrantName`); the first value of each wins.
    public var facts: [String: String]
    /// Things a user should know (label and decoding disagree, decode errors, fallback encoding).
    public var warnings: [String]
    /// PDF only: where each page starts in the layout text, and the running-header lines removed.
    public var pages: PageLayout?

    public init(format: ReportFormat, encoding: EncodingDecision, byteCount: Int, decodeErrors: Int,
                layoutText: String, facts: [String: String] = [:], warnings: [String] = []) {
        self.format = format
        self.encoding = encoding
        self.byteCount = byteCount
        self.decodeErrors = decodeErrors
        self.layoutText = layoutText
        self.facts = facts
        self.warnings = warnings
    }
}
