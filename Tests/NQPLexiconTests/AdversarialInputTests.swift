import Testing
@testable import NQPLexicon

/// Inputs that make naive matchers quadratic. No timing assertions: these must finish with exact counts.
@Suite struct AdversarialInputTests {
    @Test func megabyteOfOneLetterWithNestedKeywords() throws {
        let keywords = (1...12).map { String(repeating: "a", count: $0) }
        let dict = try dictionary([("a", keywords)])
        let text = String(repeating: "a", count: 1 << 20)
        // Every keyword is all letters: the boundary rule allows a match only at both text ends at once, which
        // no keyword this short spans; so everything counts 0 — but the whole text is scanned.
        for mode in MatchMode.allCases {
            #expect(try counts(text, dict, mode: mode).total == 0)
        }
        // The same run between spaces counts the longest keyword once per 12 letters.
        let words = String(repeating: " " + String(repeating: "a", count: 12), count: 80_000)
        #expect(try counts(words, dict).count(keywords[11]) == 80_000)
    }

    @Test func longRunOfOneHanCharacterWithNestedAndSelfOverlappingKeywords() throws {
        let keywords = (1...10).map { String(repeating: "数", count: $0) } + ["数据", "数数据"]
        let dict = try dictionary([("c", keywords)])
        let run = 300_000 // ~0.9 MB of UTF-8
        let text = String(repeating: "数", count: run)
        let longest = try counts(text, dict)
        #expect(longest.count(keywords[9]) == run / 10)
        #expect(longest.total == run / 10)
        let independent = try counts(text, dict, mode: .independent)
        for length in 1...10 {
            #expect(independent.count(keywords[length - 1]) == run / length)
        }
        #expect(independent.count("数据") == 0)
    }

    @Test func longKeywordThatAlmostMatchesEverywhere() throws {
        // A 200-character keyword whose last character never appears: every position is a near miss.
        let long = String(repeating: "数", count: 199) + "据"
        let dict = try dictionary([("c", [long, "数"])])
        let text = String(repeating: "数", count: 200_000)
        #expect(try counts(text, dict).count("数") == 200_000)
        #expect(try counts(text + "据", dict).count(long) == 1)
    }
}
