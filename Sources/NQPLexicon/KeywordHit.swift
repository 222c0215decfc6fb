/// One keyword hit, for the KWIC audit trail.
public struct KeywordHit: Sendable, Equatable, Hashable, Codable {
    /// What became of the hit.
    public enum Status: String, Sendable, Codable {
        /// Counted in `count`.
        case counted
        /// Preceded by a negation word (see `NegationRule`); reported in `negated`.
        case negated
        /// In an excluded range or an excluded sentence (see `ExclusionRule`); reported in `excluded`.
        case excluded
    }

    /// The keyword as spelled in the dictionary.
    public var keyword: String
    /// Index into `KeywordDictionary.keywords` (and `KeywordCounts.keywords`).
    public var keywordIndex: Int
    /// The text as it occurs (may differ from `keyword` in ASCII case).
    public var matched: String
    /// Unicode-scalar offsets into the match text (0-based, end exclusive).
    public var start: Int
    public var end: Int
    public var status: Status
    /// Why the hit was negated or excluded (e.g. `negation 不 at 1520`, `sentence mentions 客户`), nil when counted.
    public var reason: String?
    /// Up to N characters of context either side (N = the `collectHits` argument).
    public var before: String
    public var after: String

    public init(keyword: String, keywordIndex: Int, matched: String, start: Int, end: Int, status: Status,
                reason: String?, before: String, after: String) {
        self.keyword = keyword
        self.keywordIndex = keywordIndex
        self.matched = matched
        self.start = start
        self.end = end
        self.status = status
        self.reason = reason
        self.before = before
        self.after = after
    }
}
