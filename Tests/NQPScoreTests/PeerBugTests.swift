import Foundation
import Testing
@testable import NQPScore

/// Each test fails under one bug seen in published entropy-weight scripts (README "Scores: the entropy method").
@Suite("Known peer bugs do not happen")
struct PeerBugTests {
    // 3 firms × 4 years.
    static let firms = ["a", "b", "c"].flatMap { Array(repeating: $0, count: 4) }
    static let rows: [[Double?]] = [[1, 9, 4], [2, 7, 4.5], [4, 8, 3], [3, 2, 5], [6, 5, 1], [5, 4, 2],
                                    [9, 1, 7], [7, 3, 6], [2, 6, 8], [8, 2, 2.5], [3, 3, 9], [4, 1, 1.5]]
    static var data: ScorePanel {
        panel(rows, firms: firms, years: (0..<12).map { 2017 + $0 % 4 })
    }

    @Test("pooled N is all firm-years (k = 1/ln 12), not the years per firm (k = 1/ln 4)")
    func nCountsAllRows() throws {
        let result = try EntropyScorer(system: flatSystem([.positive, .positive, .negative])).score(Self.data)
        let matrix = Self.rows.map { $0.map { $0! } }
        let plain = PlainEntropy(rows: matrix, negative: [false, false, true], shift: 0.0001)
        #expect(result.weights.allSatisfy { $0.n == 12 })
        #expect(allClose(result.weights.map { $0.e! }, plain.entropies))
        // Under the bug e would be scaled by ln 12 / ln 4.
        let buggy = plain.entropies.map { $0 * log(12) / log(4) }
        #expect(!zip(result.weights.map { $0.e! }, buggy).contains { isClose($0, $1, 1e-6) })
    }

    @Test("every indicator's divergence enters Σd, the first one included")
    func firstIndicatorInDivergenceSum() throws {
        let result = try EntropyScorer(system: flatSystem([.positive, .positive, .negative])).score(Self.data)
        let d = result.weights.map(\.d)
        #expect(isClose(result.weights.map(\.w).reduce(0, +), 1, 1e-15))
        for row in result.weights { #expect(isClose(row.w, row.d / (d[0] + d[1] + d[2]), 1e-15)) }
        // Under the bug Σ would be (x₀ or 0) + d₁ + d₂, and w₁ + w₂ alone would already be the full share.
        #expect(!isClose(result.weights[1].w + result.weights[2].w, 1, 1e-6))
    }

    @Test("weights come from 1 − e: the more dispersed indicator weighs more")
    func weightsFromDivergenceNotEntropy() throws {
        // x0 is nearly uniform (high entropy), x1 concentrated in one row (low entropy).
        let rows: [[Double?]] = [[10, 0], [11, 0], [12, 0], [11, 100]]
        let result = try EntropyScorer(system: flatSystem([.positive, .positive]),
                                       options: EntropyOptions(standardize: .none, shift: 0)).score(panel(rows))
        let e = result.weights.map { $0.e! }
        #expect(e[0] > e[1])
        #expect(result.weights[1].w > result.weights[0].w)
        #expect(isClose(result.weights[0].w, (1 - e[0]) / (2 - e[0] - e[1])))
    }
}
