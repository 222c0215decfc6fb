import Foundation

/// A compact, storable form of `KeywordCounts`: per-keyword numbers in dictionary order without the keyword
/// texts and category names, which the dictionary supplies again on expansion. The pipeline's state store keeps
/// thousands of these; decoding three integer arrays is far cheaper than one object per keyword.
///
/// Encoded, the three arrays are one byte string (`numbers`: unsigned LEB128 varints, counted then negated then
/// excluded), which a JSON coder carries as one base64 string: decoding 3 × 76 JSON numbers per report was most of
/// a rerun's decoding time. The older form with three arrays still decodes.
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

    private enum CodingKeys: String, CodingKey {
        case dictionary, mode, chars, numbers, hits
        // The form written before `numbers`; read only.
        case counted, negated, excluded
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        dictionary = try container.decode(String.self, forKey: .dictionary)
        mode = try container.decode(MatchMode.self, forKey: .mode)
        chars = try container.decode(Int.self, forKey: .chars)
        hits = try container.decode([KeywordHit].self, forKey: .hits)
        if let numbers = try container.decodeIfPresent(Data.self, forKey: .numbers) {
            guard let all = Self.unpack(Array(numbers)), all.count % 3 == 0 else {
                throw DecodingError.dataCorruptedError(forKey: .numbers, in: container,
                                                       debugDescription: "packed counts are malformed")
            }
            let n = all.count / 3
            counted = Array(all[0..<n])
            negated = Array(all[n..<2 * n])
            excluded = Array(all[(2 * n)...])
        } else {
            counted = try container.decode([Int].self, forKey: .counted)
            negated = try container.decode([Int].self, forKey: .negated)
            excluded = try container.decode([Int].self, forKey: .excluded)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(dictionary, forKey: .dictionary)
        try container.encode(mode, forKey: .mode)
        try container.encode(chars, forKey: .chars)
        try container.encode(hits, forKey: .hits)
        try container.encode(Data(Self.pack(counted + negated + excluded)), forKey: .numbers)
    }

    /// Unsigned LEB128, seven bits a byte, low bits first; counts are never negative (a negative one is stored as
    /// zero rather than as a huge number).
    static func pack(_ values: [Int]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(values.count)
        for value in values {
            var rest = UInt64(max(value, 0))
            while rest >= 0x80 {
                bytes.append(UInt8(rest & 0x7F) | 0x80)
                rest >>= 7
            }
            bytes.append(UInt8(rest))
        }
        return bytes
    }

    /// The values of `pack`, nil when the bytes end inside a number or a number overflows.
    static func unpack(_ bytes: [UInt8]) -> [Int]? {
        var values: [Int] = []
        values.reserveCapacity(bytes.count)
        var value: UInt64 = 0, shift: UInt64 = 0
        for byte in bytes {
            guard shift < 63 else { return nil }
            value |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 {
                values.append(Int(value))
                value = 0
                shift = 0
            } else {
                shift += 7
            }
        }
        return shift == 0 ? values : nil
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
