import Foundation
import Testing
@testable import NQPScore

@Suite("Missing values and degenerate indicators")
struct MissingAndDegenerateTests {
    @Test("incomplete rows are dropped from the weighting, reported, and left unscored")
    func dropIncomplete() throws {
        let rows: [[Double?]] = [[1, 5], [2, nil], [4, 1], [3, 3], [nil, 2]]
        let result = try EntropyScorer(system: flatSystem([.positive, .negative])).score(panel(rows))
        let plain = PlainEntropy(rows: [[1, 5], [4, 1], [3, 3]], negative: [false, true], shift: 0.0001)
        #expect(allClose(indicatorWeights(result), plain.weights))
        #expect(result.weights.allSatisfy { $0.n == 3 })
        #expect(result.composite[1] == nil && result.composite[4] == nil)
        #expect(allClose([0, 2, 3].map { result.composite[$0]! }, plain.scores))
        #expect(result.droppedRows.map(\.index) == [1, 4])
        #expect(result.droppedRows.map(\.missing) == [["x1"], ["x0"]])
        #expect(result.warnings.contains(.rowsDropped(count: 2, of: 5)))
        #expect(result.scoredRowCount == 3)
    }

    @Test("interpolation fills interior gaps within a firm, linearly in year, and counts them")
    func interpolation() throws {
        let rows: [[Double?]] = [
            [1, 10], [nil, 20], [nil, 30], [4, 40],  // firm a, 2010–2013: two interior cells
            [nil, 5], [6, 7], [8, nil],               // firm b, 2011–2013: leading and trailing gaps stay
        ]
        let firms = ["a", "a", "a", "a", "b", "b", "b"]
        let years = [2010, 2011, 2012, 2013, 2011, 2012, 2013]
        let result = try EntropyScorer(system: flatSystem([.positive, .positive]),
                                       options: EntropyOptions(missing: .interpolate))
            .score(panel(rows, firms: firms, years: years))
        #expect(result.interpolatedCells == 2)
        #expect(result.droppedRows.map(\.index) == [4, 6])
        let plain = PlainEntropy(rows: [[1, 10], [2, 20], [3, 30], [4, 40], [6, 7]], negative: [false, false],
                                 shift: 0.0001)
        #expect(allClose(indicatorWeights(result), plain.weights))
        #expect(result.warnings.contains(.cellsInterpolated(count: 2)))

        // Uneven year spacing: 2010 → 1, 2013 → 4 puts 2011 at 2.
        let gapped = try EntropyScorer(system: flatSystem([.positive]), options: EntropyOptions(missing: .interpolate))
            .score(panel([[1], [nil], [4], [0]], firms: ["a", "a", "a", "b"], years: [2010, 2011, 2013, 2010]))
        let twoOfFour = PlainEntropy(rows: [[1], [2], [4], [0]], negative: [false], shift: 0.0001)
        #expect(allClose(gapped.composite.map { $0! }, twoOfFour.scores))
    }

    @Test("interpolation refuses duplicate firm-years")
    func interpolationDuplicates() {
        #expect(throws: ScoreError.duplicateFirmYear(firm: "a", year: 2010)) {
            try EntropyScorer(system: flatSystem([.positive]), options: EntropyOptions(missing: .interpolate))
                .score(panel([[1], [2], [3]], firms: ["a", "a", "b"], years: [2010, 2010, 2010]))
        }
    }

    @Test("an indicator missing everywhere is a configuration error; an absent column is reported as not found")
    func allMissing() {
        #expect(throws: ScoreError.allMissing(indicator: "x1")) {
            try EntropyScorer(system: flatSystem([.positive, .positive])).score(panel([[1, nil], [2, nil]]))
        }
        #expect(throws: ScoreError.indicatorNotFound(indicator: "x2", available: ["x0", "x1"])) {
            try EntropyScorer(system: flatSystem([.positive, .positive, .positive])).score(panel([[1, 2], [2, 3]]))
        }
        let rows = [ScoreRow(firm: "a", year: 1, values: ["x0": 1]), ScoreRow(firm: "b", year: 1, values: ["x0": 2])]
        #expect(throws: ScoreError.indicatorNotFound(indicator: "x1", available: ["x0"])) {
            try EntropyScorer(system: flatSystem([.positive, .positive])).score(rows)
        }
    }

    @Test("a zero-variance indicator gets weight 0 with a warning; the others keep their relative weights")
    func zeroVariance() throws {
        let rows: [[Double?]] = [[1, 7, 5], [3, 7, 2], [2, 7, 9]]
        let result = try EntropyScorer(system: flatSystem([.positive, .positive, .negative])).score(panel(rows))
        let weights = indicatorWeights(result)
        #expect(weights[1] == 0)
        #expect(result.weights[1].e == 1)
        let plain = PlainEntropy(rows: [[1, 5], [3, 2], [2, 9]], negative: [false, true], shift: 0.0001)
        #expect(allClose([weights[0], weights[2]], plain.weights))
        #expect(allClose(result.composite.map { $0! }, plain.scores))
        #expect(result.warnings.contains(.zeroVariance(dimension: "s", item: "x1", year: nil)))
    }

    @Test("all indicators constant: nothing can be weighted")
    func allConstant() {
        #expect(throws: ScoreError.self) {
            try EntropyScorer(system: flatSystem([.positive, .positive])).score(panel([[1, 2], [1, 2], [1, 2]]))
        }
    }

    @Test("a year with a single complete row is skipped with a warning, other years are scored")
    func singleRowYear() throws {
        let result = try EntropyScorer(system: flatSystem([.positive]), options: EntropyOptions(weighting: .byYear))
            .score(panel([[1], [2], [3]], firms: ["a", "b", "a"], years: [2020, 2020, 2021]))
        #expect(result.composite[2] == nil && result.composite[0] != nil)
        #expect(result.warnings.contains { if case .groupSkipped(2021, 1, _) = $0 { true } else { false } })
        #expect(result.weights.allSatisfy { $0.year == 2020 })
    }

    @Test("NaN and infinite inputs count as missing and are reported")
    func nonFinite() throws {
        let result = try EntropyScorer(system: flatSystem([.positive])).score(panel([[1], [.infinity], [.nan], [3]]))
        #expect(result.warnings.contains(.nonFiniteValues(indicator: "x0", count: 2)))
        #expect(result.scoredRowCount == 2)
    }
}
