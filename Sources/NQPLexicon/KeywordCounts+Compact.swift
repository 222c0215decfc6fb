/// A compact, storable form of `KeywordCounts`: per-keyword numbers in dictionary order without the keyword
/// texts and category names, which the dictionary supplies again on expansion. The pipeline's state store keeps
/// thousands of these; decoding three integer arrays is far cheaper than one object per keyword.
public struct CompactKeywordCounts: Sendable, Equatable, Codable {
    public var dictionary: String
    public var mode: MatchMode
    public var chars: Int
    /// Per keyword, in dictionary order.
    public var counted: [Int]
    public var negated: [Int]
    public var excluded: [Int]
    public var hits: [KeywordHit]

    public init(dictionary: String, mode: MatchMode, chars: Int, counted: [Int], negated: [Int], excluded: [Int],
                hits: [KeywordHit] = []) {
        self.dictionary = dictionary
        self.mode = mode
        self.chars = chars
        self.counted = counted
        self.negated = negated
        self.excluded = excluded
        self.hits = hits
    }

    public init(_ counts: KeywordCounts) {
        dictionary = counts.dictionary
        mode = counts.mode
        chars = counts.chars
        counted = counts.keywords.map(\.count)
        negated = counts.keywords.map(\.negated)
        excluded = counts.keywords.map(\.excluded)
        hits = counts.hits
    }

    /// The full counts, with keyword texts, categories and sums from `dictionary` — which must be the dictionary
    /// these counts were made with (same keywords in the same order); nil when the shapes disagree.
    public func expanded(with dictionary: KeywordDictionary) -> KeywordCounts? {
        let keywords = dictionary.keywords
        guard keywords.count == counted.count, negated.count == counted.count, excluded.count == counted.count else {
            return nil
        }
        return KeywordCounts.assemble(dictionary: dictionary, mode: mode, chars: chars, counted: counted,
                                      negated: negated, excluded: excluded, hits: hits)
    }
}

extension KeywordCounts {
    /// Per-keyword numbers (dictionary order) → keyword and category tallies and totals.
    static func assemble(dictionary: KeywordDictionary, mode: MatchMode, chars: Int, counted: [Int], negated: [Int],
                         excluded: [Int], hits: [KeywordHit]) -> KeywordCounts {
        let categories = dictionary.categories
        var categoryTallies = categories.map {
            CategoryTally(name: $0.name, column: $0.column, count: 0, negated: 0, excluded: 0)
        }
        var keywordTallies: [KeywordTally] = []
        keywordTallies.reserveCapacity(counted.count)
        for (index, keyword) in dictionary.keywords.enumerated() {
            keywordTallies.append(.init(keyword: keyword.text, categories: dictionary.keywordCategoryNames[index],
                                        count: counted[index], negated: negated[index], excluded: excluded[index]))
            for category in keyword.categories {
                categoryTallies[category].count += counted[index]
                categoryTallies[category].negated += negated[index]
                categoryTallies[category].excluded += excluded[index]
            }
        }
        return KeywordCounts(dictionary: dictionary.name, mode: mode, chars: chars, keywords: keywordTallies,
                             categories: categoryTallies, total: counted.reduce(0, +), negated: negated.reduce(0, +),
                             excluded: excluded.reduce(0, +), hits: hits)
    }
}
