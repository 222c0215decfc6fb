import Foundation
import Testing
@testable import NQPScore

@Suite("Hierarchical systems")
struct HierarchyTests {
    static let rows: [[Double?]] = [[3, 1, 7, 2, 9], [1, 4, 2, 8, 3], [5, 2, 6, 1, 4], [2, 9, 1, 5, 6], [8, 3, 5, 4, 2]]
    static let matrix = rows.map { $0.map { $0! } }

    static func system(_ aggregation: Aggregation) -> ScoreSystem {
        ScoreSystem(name: "nqp", aggregation: aggregation, dimensions: [
            ScoreDimension(name: "A", indicators: [Indicator(name: "x0"), Indicator(name: "x1", direction: .negative)]),
            ScoreDimension(name: "B", column: "nqp_b", indicators: [Indicator(name: "x2"), Indicator(name: "x3"),
                                                                    Indicator(name: "x4")]),
        ])
    }

    @Test("sum_of_weights: the composite is one entropy weighting over all indicators")
    func sumOfWeights() throws {
        let result = try EntropyScorer(system: Self.system(.sumOfWeights)).score(panel(Self.rows))
        let negative = [false, true, false, false, false]
        let flat = PlainEntropy(rows: Self.matrix, negative: negative, shift: 0.0001)
        #expect(allClose(result.composite.map { $0! }, flat.scores))
        let indicatorRows = result.weights.filter(\.isIndicator)
        #expect(allClose(indicatorRows.map(\.compositeWeight), flat.weights))
        // Dimension weight = sum of its indicators' system-wide weights; dimension score uses within-dimension weights.
        let top = result.weights.filter { $0.level == 1 }
        #expect(top.map(\.indicator) == ["A", "B"] && top.allSatisfy { $0.e == nil })
        #expect(isClose(top[0].w, flat.weights[0] + flat.weights[1]))
        let a = PlainEntropy(rows: Self.matrix.map { Array($0[0..<2]) }, negative: [false, true], shift: 0.0001)
        #expect(allClose(result.column(named: "nqp_A")!.values.map { $0! }, a.scores))
        #expect(result.columns.map(\.name) == ["nqp", "nqp_A", "nqp_b"])
        #expect(indicatorRows.allSatisfy { $0.level == 2 })
    }

    @Test("entropy aggregation weights the sub-scores by their own entropy")
    func entropyAggregation() throws {
        let result = try EntropyScorer(system: Self.system(.entropy)).score(panel(Self.rows))
        let a = PlainEntropy(rows: Self.matrix.map { Array($0[0..<2]) }, negative: [false, true], shift: 0.0001)
        let b = PlainEntropy(rows: Self.matrix.map { Array($0[2..<5]) }, negative: [false, false, false], shift: 0.0001)
        let second = PlainEntropy(rows: zip(a.scores, b.scores).map { [$0, $1] }, negative: [false, false],
                                  shift: 0.0001)
        let top = result.weights.filter { $0.level == 1 }
        #expect(allClose(top.map(\.w), second.weights))
        #expect(allClose(top.map { $0.e! }, second.entropies))
        let composite = zip(a.scores, b.scores).map { second.weights[0] * $0 + second.weights[1] * $1 }
        #expect(allClose(result.composite.map { $0! }, composite))
    }

    @Test("three levels: each dimension's weights sum to 1 and rows come in pre-order")
    func threeLevels() throws {
        let system = ScoreSystem(name: "nqp", dimensions: [
            ScoreDimension(name: "labour", aggregation: .entropy, dimensions: [
                ScoreDimension(name: "living", indicators: [Indicator(name: "x0"), Indicator(name: "x1")]),
                ScoreDimension(name: "embodied", indicators: [Indicator(name: "x2")]),
            ]),
            ScoreDimension(name: "tools", indicators: [Indicator(name: "x3"), Indicator(name: "x4")]),
        ])
        let result = try EntropyScorer(system: system).score(panel(Self.rows))
        #expect(result.weights.map(\.indicator) == ["labour", "tools", "living", "embodied", "x0", "x1", "x2", "x3", "x4"])
        #expect(result.weights.map(\.level) == [1, 1, 2, 2, 3, 3, 3, 2, 2])
        for dimension in ["nqp", "labour", "living", "embodied", "tools"] {
            let sum = result.weights.filter { $0.dimension == dimension }.map(\.w).reduce(0, +)
            #expect(isClose(sum, 1))
        }
        #expect(result.columns.count == 5)
    }

    @Test("a dimension with both indicators and sub-dimensions, or a repeated indicator, is refused")
    func malformedSystems() {
        let mixed = ScoreSystem(name: "s", dimensions: [
            ScoreDimension(name: "A", indicators: [Indicator(name: "x0")],
                           dimensions: [ScoreDimension(name: "B", indicators: [Indicator(name: "x1")])]),
        ])
        #expect(throws: ScoreError.self) { try EntropyScorer(system: mixed).validate() }
        let repeated = ScoreSystem(name: "s", dimensions: [
            ScoreDimension(name: "A", indicators: [Indicator(name: "x0")]),
            ScoreDimension(name: "B", indicators: [Indicator(name: "x0")]),
        ])
        #expect(throws: ScoreError.self) { try EntropyScorer(system: repeated).validate() }
        #expect(throws: ScoreError.self) { try EntropyScorer(system: ScoreSystem(name: "empty")).validate() }
    }
}
