import NQPEncoding

/// What a report's firm, year, form type and company are decided from besides its path, name and XBRL facts:
/// the SEC header, the 10-K cover's fiscal-year end, the opening text, and the submission's form type and cover
/// registrant as fallbacks. Kept with an extracted text (README "Text cache") so identity rules stay counting
/// settings: a re-count from the cache re-identifies exactly as a fresh extraction does.
public struct IdentityEvidence: Codable, Sendable, Equatable {
    public var header: EDGARHeader?
    public var coverPeriod: CalendarDate?
    /// The first `DocumentClassifier.openingScalars` scalars of the match text.
    public var openingText: String
    /// The EDGAR submission's form type, used when neither header nor facts give one.
    public var formType: String?
    /// The 10-K cover's registrant name, used when neither header nor facts give one.
    public var company: String?

    public init(header: EDGARHeader? = nil, coverPeriod: CalendarDate? = nil, openingText: String = "",
                formType: String? = nil, company: String? = nil) {
        self.header = header
        self.coverPeriod = coverPeriod
        self.openingText = openingText
        self.formType = formType
        self.company = company
    }

    /// Firm, year, form type, company and filing date under `rules`.
    public func identify(rules: IdentityRules, path: String, fileName: String,
                         facts: [String: String]) -> ReportIdentity {
        var identity = ReportIdentifier(rules: rules).identify(path: path, fileName: fileName, facts: facts,
                                                               header: header, coverPeriod: coverPeriod,
                                                               openingText: openingText)
        if identity.formType == nil { identity.formType = formType }
        if identity.company == nil { identity.company = company }
        return identity
    }
}
