/// The result of counting one text with one dictionary.
///
/// Orders are stable: keywords in dictionary order, categories in file order, hits by position.
/// `total` counts each counted hit once, even when its keyword is listed in two categories; a category's `count`
/// is the sum over its keywords, so the category counts can add up to more than `total` when a keyword is shared
/// (never in the shipped Wu et al. dictionary).
public struct KeywordCounts: Sendable, Equatable, Codable {
    /// Per keyword: hits counted, negated and excluded.
    public struct KeywordTally: Sendable, Equatable, Hashable, Codable {
        public var keyword: String
        /// Names of the categories listing the keyword, in file order.
        public var categories: [String]
        public var count: Int
        public var negated: Int
        public var excluded: Int
    }

    /// Per category: sums over the category's keywords.
    public struct CategoryTally: Sendable, Equatable, Hashable, Codable {
        public var name: String
        public var column: String
        public var count: Int
        public var negated: Int
        public var excluded: Int
    }

    /// Dictionary name.
    public var dictionary: String
    public var mode: MatchMode
    /// Unicode scalars in the text counted (the scope's length, masked characters included).
    public var chars: Int
    public var keywords: [KeywordTally]
    public var categories: [CategoryTally]
    /// Counted hits, each once.
    public var total: Int
    public var negated: Int
    public var excluded: Int
    /// Every hit with context, in text order, when `collectHits` was given; otherwise empty.
    public var hits: [KeywordHit]

    /// The tally of the category named `name` (as in the dictionary file).
    public func category(named name: String) -> CategoryTally? {
        categories.first { $0.name == name }
    }

    /// The tally of `keyword` (dictionary spelling).
    public func keyword(_ keyword: String) -> KeywordTally? {
        keywords.first { $0.keyword == keyword }
    }
}

extension KeywordCounts {
    /// The same keywords with the same categories at the same positions: rows rendered or summed for one report
    /// can then be reused for another by position.
    public func hasLayout(keywords: [String], categories: [[String]]) -> Bool {
        guard self.keywords.count == keywords.count, keywords.count == categories.count else { return false }
        for (position, tally) in self.keywords.enumerated()
        where tally.keyword != keywords[position] || tally.categories != categories[position] {
            return false
        }
        return true
    }
}
