import Foundation
import NQPTestSupport
@testable import NQPLexicon

/// A dictionary built in code for small tests.
func dictionary(_ categories: [(String, [String])], caseSensitive: Bool = false) throws -> KeywordDictionary {
    try KeywordDictionary(name: "test", categories: categories.map { KeywordCategory(name: $0.0, keywords: $0.1) },
                          caseSensitive: caseSensitive)
}

/// Counts with negation off unless given (most rule tests isolate one rule).
func counts(_ text: String, _ dictionary: KeywordDictionary, mode: MatchMode = .longest,
            negation: NegationRule = .off, exclusion: ExclusionRule = ExclusionRule(), strip: [String] = [],
            excluding: [Range<Int>] = [], context: Int? = nil) throws -> KeywordCounts {
    let options = CountingOptions(mode: mode, negation: negation, exclusion: exclusion, strip: strip)
    return try KeywordCounter(dictionary: dictionary, options: options)
        .count(in: text, excluding: excluding, collectHits: context)
}

extension KeywordCounts {
    func count(_ keyword: String) -> Int? { self.keyword(keyword)?.count }
}

/// Writes `text` to a fresh temporary file named `name` and returns its URL.
func temporaryFile(_ name: String, _ text: String) throws -> URL {
    let url = try TestPaths.temporaryDirectory("lexicon").appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url
}

/// The shipped dictionaries folder of the checkout.
let dictionariesFolder = TestPaths.repositoryRoot.appendingPathComponent("dictionaries")
