import Foundation
import Testing
@testable import NQPScore

@Suite("Textbook entropy weights (p = x/Σx, no min–max)")
struct TextbookCaseTests {
    @Test("a hand-computed 3×2 case reproduces with standardize none and shift 0")
    func handComputedCase() throws {
        // Column 1 = 1,2,3 → p = 1/6,1/3,1/2; column 2 = 2,2,4 → p = 1/4,1/4,1/2 (worked out by hand, then in Python).
        let request = StandaloneScoreRequest(indicators: try IndicatorSpec.parse("a:+,b:+"),
                                             options: EntropyOptions(standardize: .none, shift: 0))
        let output = try StandaloneScorer.score(header: ["a", "b"], rows: [["1", "2"], ["2", "2"], ["3", "4"]],
                                                request: request)
        let rows = output.result.weights
        #expect(rows.count == 2)
        #expect(isClose(rows[0].e ?? .nan, 0.920619835714305, 1e-14))
        #expect(isClose(rows[1].e ?? .nan, 0.946394630357186, 1e-14))
        #expect(isClose(rows[0].w, 0.596908264686658, 1e-14))
        #expect(isClose(rows[1].w, 0.4030917353133419, 1e-14))
        #expect(rows.allSatisfy { $0.n == 3 && $0.year == nil })
        #expect(output.weightsCSV.hasPrefix("indicator,direction,year,n,e,d,w\na,+,,3,"))
    }

    struct VectorFile: Decodable {
        struct Case: Decodable {
            var id: String
            var matrix: [[Double]]
            var expected_weights: [Double]
            var round_decimals: Int
        }
        var cases: [Case]
    }

    static let vectorFile = ScoreTestPaths.realDataFile(
        "peer_entropy_weight_vectors/entropy_weight_test_vectors.json")

    @Test("the five published cases reproduce at their stated rounding",
          .enabled(if: TextbookCaseTests.vectorFile != nil))
    func publishedCases() throws {
        let url = try #require(Self.vectorFile)
        let file = try JSONDecoder().decode(VectorFile.self, from: Data(contentsOf: url))
        #expect(file.cases.count == 5)
        for testCase in file.cases {
            let m = testCase.matrix[0].count
            let names = (0..<m).map { "c\($0)" }
            let scorer = EntropyScorer(system: flatSystem(Array(repeating: .positive, count: m), names: names),
                                       options: EntropyOptions(standardize: .none, shift: 0))
            let result = try scorer.score(panel(testCase.matrix.map { $0.map(Optional.some) }, names: names))
            let weights = indicatorWeights(result)
            let unit = pow(10, Double(testCase.round_decimals))
            for (w, expected) in zip(weights, testCase.expected_weights) {
                #expect(abs((w * unit).rounded() / unit - expected) < 0.5 / unit, "\(testCase.id): \(w) vs \(expected)")
            }
        }
    }
}
