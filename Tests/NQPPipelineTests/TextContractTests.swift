import Foundation
import NQPExtract
import NQPLexicon
import NQPTestSupport
import Testing

/// samples/generate_samples.py, Benchmarks/gen_corpus.py and Benchmarks/gen_pdf_corpus.py decide what nqp will
/// count with one module, Tests/Fixtures/contract/nqpcontract.py. These tests hold that module to nqp: on random
/// strings of keyword pieces, CJK and ASCII neighbours, full-width forms and every kind of whitespace, its match
/// text, its leftmost-longest hits (with offsets) and its independent counts must be nqp's.
@Suite("Text contract of the Python generators", .enabled(if: TextContract.python != nil, "needs python3 on PATH"))
struct TextContractTests {
    @Test("the contract module's worked examples (README) hold")
    func workedExamples() throws {
        let result = try TextContract.run(["check"])
        #expect(result.status == 0, "nqpcontract.py check failed: \(result.stderr)")
    }

    @Test("match text, longest hits and independent counts equal nqp's on generated strings")
    func generatedStrings() throws {
        let cases = try TextContract.cases(count: 600, seed: 20_261_205)
        #expect(cases.count == 600)
        let keywords = try #require(cases.first?.keywords)
        let dictionary = try KeywordDictionary(name: "contract",
                                               categories: [KeywordCategory(name: "all", keywords: keywords)])
        let longest = try KeywordCounter(dictionary: dictionary,
                                         options: CountingOptions(mode: .longest, negation: .off))
        let independent = try KeywordCounter(dictionary: dictionary,
                                             options: CountingOptions(mode: .independent, negation: .off))
        var disagreements = 0
        for testCase in cases where disagreements < 10 {
            let text = MatchText.normalize(testCase.layout)
            // Scalars, not String ==: Swift calls canonically equivalent strings equal, nqp's bytes would differ.
            let nqpScalars = Array(text.unicodeScalars), contractScalars = Array(testCase.matchText.unicodeScalars)
            let sameText = nqpScalars == contractScalars
            #expect(nqpScalars == contractScalars, "match text of \(testCase.layout.debugDescription)")
            let hits = longest.count(in: text, collectHits: 0).hits
                .map { TextContract.Hit(start: $0.start, keyword: $0.keyword) }
            #expect(hits == testCase.hits, "longest hits in \(text.debugDescription)")
            let counts = independent.count(in: text)
            let independentCounts = Dictionary(uniqueKeysWithValues: keywords.map {
                ($0, counts.keyword($0)?.count ?? -1)
            })
            #expect(independentCounts == testCase.independent, "independent counts in \(text.debugDescription)")
            if !sameText || hits != testCase.hits || independentCounts != testCase.independent { disagreements += 1 }
        }
    }
}

/// Runs Tests/Fixtures/contract/nqpcontract.py.
enum TextContract {
    struct Hit: Decodable, Equatable, CustomStringConvertible {
        var start: Int
        var keyword: String
        var description: String { "\(keyword)@\(start)" }
    }

    struct Case: Decodable {
        var layout: String
        var matchText: String
        var keywords: [String]
        var hits: [Hit]
        var independent: [String: Int]

        enum CodingKeys: String, CodingKey {
            case layout, matchText = "match_text", keywords, hits, independent
        }
    }

    static let python = which("python3")
    static let module = TestPaths.repositoryRoot.appendingPathComponent("Tests/Fixtures/contract/nqpcontract.py")

    static func run(_ arguments: [String]) throws -> CommandResult {
        try runCommand(try #require(python), [module.path] + arguments)
    }

    static func cases(count: Int, seed: Int) throws -> [Case] {
        let result = try run(["cases", String(count), String(seed)])
        try #require(result.status == 0, "nqpcontract.py cases failed: \(result.stderr)")
        return try JSONDecoder().decode([Case].self, from: Data(result.stdout.utf8))
    }
}
