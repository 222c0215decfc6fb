import NQPTestSupport
import Testing
@testable import NQPLexicon

/// The automaton against a plain brute-force reference written from the rules' wording, over random keyword sets
/// (nested, overlapping, self-overlapping) and random texts mixing CJK and ASCII, in both modes, with the boundary
/// and case rules.
@Suite struct RandomizedEquivalenceTests {
    // Tiny alphabets so that keywords nest and overlap often.
    static let keywordAlphabet: [Unicode.Scalar] = ["a", "b", "A", "1", "数", "据", "é"]
    static let textAlphabet: [Unicode.Scalar] = ["a", "b", "A", "B", "1", "数", "据", "数", "据", "é", " ", "-", "中"]

    struct Reference {
        let keywords: [[Unicode.Scalar]]
        let caseSensitive: Bool

        func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
            guard !caseSensitive, scalar.value >= 0x41, scalar.value <= 0x5A else { return scalar }
            return Unicode.Scalar(scalar.value + 0x20) ?? scalar
        }

        func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
            scalar.isASCII && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
                || ("0"..."9").contains(scalar))
        }

        /// Does keyword `k` occur at `i` and satisfy the boundary rule there?
        func occurs(_ k: Int, in text: [Unicode.Scalar], at i: Int) -> Bool {
            let keyword = keywords[k]
            guard i + keyword.count <= text.count else { return false }
            for j in 0..<keyword.count where fold(text[i + j]) != fold(keyword[j]) { return false }
            if isAlphanumeric(keyword[0]), i > 0, isAlphanumeric(text[i - 1]) { return false }
            let end = i + keyword.count
            if let last = keyword.last, isAlphanumeric(last), end < text.count, isAlphanumeric(text[end]) {
                return false
            }
            return true
        }

        /// (keyword, start) of every counted hit, in text order.
        func hits(_ text: [Unicode.Scalar], mode: MatchMode) -> [(Int, Int)] {
            var out: [(Int, Int)] = []
            switch mode {
            case .longest:
                var i = 0
                while i < text.count {
                    var best: Int?
                    for k in keywords.indices where occurs(k, in: text, at: i) {
                        if best == nil || keywords[k].count > keywords[best!].count { best = k }
                    }
                    if let best {
                        out.append((best, i))
                        i += keywords[best].count
                    } else {
                        i += 1
                    }
                }
            case .independent:
                for k in keywords.indices {
                    var i = 0
                    while i + keywords[k].count <= text.count {
                        if occurs(k, in: text, at: i) {
                            out.append((k, i))
                            i += keywords[k].count
                        } else {
                            i += 1
                        }
                    }
                }
                out.sort { ($0.1, $0.0) < ($1.1, $1.0) }
            }
            return out
        }
    }

    static func randomString(_ alphabet: [Unicode.Scalar], length: Int,
                             using generator: inout SeededGenerator) -> [Unicode.Scalar] {
        (0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }
    }

    @Test(arguments: [MatchMode.longest, .independent])
    func automatonEqualsBruteForceOn600Seeds(mode: MatchMode) throws {
        var cases = 0
        var hitsSeen = 0
        for seed in UInt64(0)..<600 {
            var generator = SeededGenerator(seed: seed)
            let caseSensitive = Bool.random(using: &generator)
            // Distinct keywords under the dictionary's own case rule (duplicates are merged on load).
            var keywords: [[Unicode.Scalar]] = []
            var seen: Set<String> = []
            for _ in 0..<Int.random(in: 1...7, using: &generator) {
                let keyword = Self.randomString(Self.keywordAlphabet, length: Int.random(in: 1...3, using: &generator),
                                                using: &generator)
                let text = String(String.UnicodeScalarView(keyword))
                let key = caseSensitive ? text : text.lowercased()
                if seen.insert(key).inserted { keywords.append(keyword) }
            }
            let text = Self.randomString(Self.textAlphabet, length: Int.random(in: 0...120, using: &generator),
                                         using: &generator)
            let textString = String(String.UnicodeScalarView(text))
            let dict = try KeywordDictionary(
                name: "random", categories: [KeywordCategory(name: "c", keywords: keywords.map {
                    String(String.UnicodeScalarView($0))
                })], caseSensitive: caseSensitive)
            try #require(dict.keywords.count == keywords.count, "seed \(seed)")
            let counter = try KeywordCounter(dictionary: dict,
                                             options: CountingOptions(mode: mode, negation: .off))
            let result = counter.count(in: textString, collectHits: 0)
            let expected = Reference(keywords: keywords, caseSensitive: caseSensitive).hits(text, mode: mode)
            let actual = result.hits.map { ($0.keywordIndex, $0.start) }
            #expect(actual.map(\.0) == expected.map(\.0) && actual.map(\.1) == expected.map(\.1),
                    "seed \(seed) keywords \(keywords.map { String(String.UnicodeScalarView($0)) }) text \(textString)")
            for (index, tally) in result.keywords.enumerated() {
                #expect(tally.count == expected.filter { $0.0 == index }.count, "seed \(seed)")
            }
            #expect(result.total == expected.count)
            #expect(result.chars == text.count)
            cases += 1
            hitsSeen += expected.count
        }
        #expect(cases == 600)
        #expect(hitsSeen > 3_000) // the generator really produces matches
    }
}
