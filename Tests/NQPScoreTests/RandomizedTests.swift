import Foundation
import NQPTestSupport
import Testing
@testable import NQPScore

@Suite("Randomized agreement with the plain two-loop method")
struct RandomizedTests {
    static func randomCase(seed: UInt64) -> (rows: [[Double]], negative: [Bool], shift: Double, years: [Int]) {
        var rng = SeededGenerator(seed: seed)
        let n = Int.random(in: 2...40, using: &rng), m = Int.random(in: 1...6, using: &rng)
        let magnitudes = (0..<m).map { _ in pow(10, Double.random(in: -3...6, using: &rng)) }
        var rows = (0..<n).map { _ in (0..<m).map { j in Double.random(in: -0.5...1, using: &rng) * magnitudes[j] } }
        // Two distinct values per column so no column is constant.
        for j in 0..<m { rows[0][j] = -magnitudes[j]; rows[n - 1][j] = magnitudes[j] }
        let negative = (0..<m).map { _ in Bool.random(using: &rng) }
        let shift = [0, 0.0001, 0.001, 0.01][Int.random(in: 0...3, using: &rng)]
        // Round-robin years, so every year has at least 2 rows once n ≥ 6.
        let years = (0..<n).map { 2000 + $0 % 3 }
        return (rows, negative, shift, years)
    }

    @Test("pooled weights and scores agree over 300 seeds", arguments: Array(UInt64(1)...300))
    func pooled(seed: UInt64) throws {
        let c = Self.randomCase(seed: seed)
        let system = flatSystem(c.negative.map { $0 ? .negative : .positive })
        let result = try EntropyScorer(system: system, options: EntropyOptions(shift: c.shift))
            .score(panel(c.rows.map { $0.map(Optional.some) }))
        let plain = PlainEntropy(rows: c.rows, negative: c.negative, shift: c.shift)
        #expect(allClose(indicatorWeights(result), plain.weights, 1e-10))
        #expect(allClose(result.composite.map { $0! }, plain.scores, 1e-10))
    }

    @Test("by-year weights agree with the plain method on each year's rows", arguments: Array(UInt64(1)...100))
    func byYear(seed: UInt64) throws {
        let c = Self.randomCase(seed: seed)
        guard c.rows.count >= 6 else { return }
        let system = flatSystem(c.negative.map { $0 ? .negative : .positive })
        let result = try EntropyScorer(system: system, options: EntropyOptions(weighting: .byYear, shift: 0.001))
            .score(panel(c.rows.map { $0.map(Optional.some) }, years: c.years))
        for year in Set(c.years).sorted() {
            let indices = c.years.indices.filter { c.years[$0] == year }
            let sub = indices.map { c.rows[$0] }
            let varies = (0..<sub[0].count).allSatisfy { j in Set(sub.map { $0[j] }).count > 1 }
            guard sub.count >= 2, varies else { continue }
            let plain = PlainEntropy(rows: sub, negative: c.negative, shift: 0.001)
            #expect(allClose(indicatorWeights(result, year: year), plain.weights, 1e-10))
            #expect(allClose(indices.map { result.composite[$0]! }, plain.scores, 1e-10))
        }
    }

    @Test("results are bit-identical whatever the input row order")
    func orderIndependence() throws {
        var rng = SeededGenerator(seed: 42)
        let c = Self.randomCase(seed: 7)
        let firms = c.rows.indices.map { "f\($0 % 5)" }
        let years = c.rows.indices.map { 2000 + $0 / 5 }
        let system = flatSystem(c.negative.map { $0 ? .negative : .positive })
        let scorer = EntropyScorer(system: system, options: EntropyOptions(method: .entropyTopsis))
        let original = try scorer.score(panel(c.rows.map { $0.map(Optional.some) }, firms: firms, years: years))
        let permutation = Array(c.rows.indices).shuffled(using: &rng)
        let shuffled = try scorer.score(panel(permutation.map { c.rows[$0].map(Optional.some) },
                                              firms: permutation.map { firms[$0] }, years: permutation.map { years[$0] }))
        #expect(shuffled.weights == original.weights)
        for (k, i) in permutation.enumerated() { #expect(shuffled.composite[k] == original.composite[i]) }
    }
}
