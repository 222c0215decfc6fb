import Foundation
import Testing
@testable import NQPScore

@Suite("Scoring variants")
struct VariantTests {
    // Three firms over two years; x1 is a cost indicator with negative raw values.
    static let rows: [[Double?]] = [[1, -3], [4, -1], [2, -2], [3, -5], [6, -4], [5, -0.5]]
    static let firms = ["a", "b", "c", "a", "b", "c"]
    static let years = [2020, 2020, 2020, 2021, 2021, 2021]
    static var data: ScorePanel { panel(rows, firms: firms, years: years) }
    static func values(_ indices: [Int]) -> [[Double]] { indices.map { rows[$0].map { $0! } } }

    @Test("pooled min–max with negative raw values matches the plain method over all rows")
    func pooledWithNegativeRawValues() throws {
        let result = try EntropyScorer(system: flatSystem([.positive, .negative]),
                                       options: EntropyOptions(shift: 0.001)).score(Self.data)
        // Scorer rows are in (firm, year) order: a2020 a2021 b2020 b2021 c2020 c2021.
        let plain = PlainEntropy(rows: Self.values(Array(0..<6)), negative: [false, true], shift: 0.001)
        #expect(allClose(indicatorWeights(result), plain.weights))
        #expect(allClose(result.composite.map { $0! }, plain.scores))
        #expect(result.weights.allSatisfy { $0.n == 6 && $0.year == nil })
    }

    @Test("by-year weighting standardises and weights within each year")
    func byYear() throws {
        let result = try EntropyScorer(system: flatSystem([.positive, .negative]),
                                       options: EntropyOptions(weighting: .byYear)).score(Self.data)
        for (year, indices) in [(2020, [0, 1, 2]), (2021, [3, 4, 5])] {
            let plain = PlainEntropy(rows: Self.values(indices), negative: [false, true], shift: 0.0001)
            #expect(allClose(indicatorWeights(result, year: year), plain.weights))
            #expect(allClose(indices.map { result.composite[$0]! }, plain.scores))
            #expect(result.weights.filter { $0.year == year }.allSatisfy { $0.n == 3 })
        }
        #expect(result.weights.map(\.year) == [2020, 2020, 2021, 2021])
    }

    @Test("base_year takes min and max from the base year for every year")
    func baseYear() throws {
        // 2021 values stay inside the 2020 range so every standardised value is non-negative.
        let rows: [[Double?]] = [[0, 10], [10, 0], [4, 5], [2, 8], [8, 1], [5, 5]]
        let data = panel(rows, firms: Self.firms, years: Self.years)
        let result = try EntropyScorer(system: flatSystem([.positive, .negative]),
                                       options: EntropyOptions(weighting: .byYear, baseYear: 2020, shift: 0.01))
            .score(data)
        // 2021 by hand: min/max of 2020 are 0 and 10 for both indicators.
        let z0 = [2.0, 8, 5].map { $0 / 10 + 0.01 }, z1 = [8.0, 1, 5].map { (10 - $0) / 10 + 0.01 }
        func entropy(_ z: [Double]) -> Double {
            let total = z.reduce(0, +)
            return -z.map { $0 / total }.map { $0 * log($0) }.reduce(0, +) / log(3)
        }
        let d = [1 - entropy(z0), 1 - entropy(z1)]
        let w = d.map { $0 / (d[0] + d[1]) }
        #expect(allClose(indicatorWeights(result, year: 2021), w))
        #expect(allClose([3, 4, 5].map { result.composite[$0]! }, (0..<3).map { w[0] * z0[$0] + w[1] * z1[$0] }))

        // A 2021 value below the 2020 minimum cannot be standardised to a non-negative value.
        var outside = rows
        outside[3] = [-5, 8]
        #expect(throws: ScoreError.self) {
            try EntropyScorer(system: flatSystem([.positive, .negative]),
                              options: EntropyOptions(weighting: .byYear, baseYear: 2020, shift: 0.01))
                .score(panel(outside, firms: Self.firms, years: Self.years))
        }
        #expect(throws: ScoreError.invalidOption(field: "base_year", reason: "no complete row has year 1999; "
            + "choose a year present in the data")) {
            try EntropyScorer(system: flatSystem([.positive]), options: EntropyOptions(baseYear: 1999))
                .score(panel(rows.map { [$0[0]] }))
        }
    }

    @Test("base_year is refused with sum or none standardisation")
    func baseYearNeedsMinOrMax() {
        #expect(throws: ScoreError.self) { try EntropyOptions(baseYear: 2020, standardize: .sum).validate() }
        #expect(throws: ScoreError.self) { try EntropyOptions(baseYear: 2020, standardize: .none).validate() }
    }

    @Test("max standardisation uses x/max and min/x and rejects values it cannot divide")
    func maxStandardisation() throws {
        let rows: [[Double?]] = [[1, 2], [2, 4], [4, 5]]
        let result = try EntropyScorer(system: flatSystem([.positive, .negative]),
                                       options: EntropyOptions(standardize: .max, shift: 0)).score(panel(rows))
        let z = [[0.25, 1.0], [0.5, 0.5], [1.0, 0.4]]
        let plain = PlainEntropy(rows: z, negative: [false, false], shift: 0, minmax: false)
        #expect(allClose(indicatorWeights(result), plain.weights))
        #expect(allClose(result.composite.map { $0! }, plain.scores))

        let zero: [[Double?]] = [[1, 0], [2, 4], [4, 5]]
        #expect(throws: ScoreError.self) {
            try EntropyScorer(system: flatSystem([.positive, .negative]),
                              options: EntropyOptions(standardize: .max)).score(panel(zero))
        }
        let negative: [[Double?]] = [[-1], [2], [4]]
        #expect(throws: ScoreError.self) {
            try EntropyScorer(system: flatSystem([.positive]), options: EntropyOptions(standardize: .max))
                .score(panel(negative))
        }
    }

    @Test("sum standardisation gives x/Σx and refuses negative values and cost indicators")
    func sumStandardisation() throws {
        let rows: [[Double?]] = [[1, 2], [2, 2], [3, 4]]
        let result = try EntropyScorer(system: flatSystem([.positive, .positive]),
                                       options: EntropyOptions(standardize: .sum, shift: 0)).score(panel(rows))
        let z = [[1.0 / 6, 0.25], [2.0 / 6, 0.25], [3.0 / 6, 0.5]]
        let plain = PlainEntropy(rows: z, negative: [false, false], shift: 0, minmax: false)
        #expect(allClose(indicatorWeights(result), plain.weights))
        #expect(allClose(result.composite.map { $0! }, plain.scores))
        #expect(throws: ScoreError.self) {
            try EntropyScorer(system: flatSystem([.positive]), options: EntropyOptions(standardize: .sum))
                .score(panel([[1], [-2], [3]]))
        }
        #expect(throws: ScoreError.self) {
            try EntropyScorer(system: flatSystem([.negative]), options: EntropyOptions(standardize: .sum))
                .score(panel([[1], [2], [3]]))
        }
    }

    @Test("entropy–TOPSIS returns the closeness to the ideal of the weighted standardised matrix")
    func topsis() throws {
        let result = try EntropyScorer(system: flatSystem([.positive, .negative]),
                                       options: EntropyOptions(method: .entropyTopsis)).score(Self.data)
        let x = Self.values(Array(0..<6))
        let plain = PlainEntropy(rows: x, negative: [false, true], shift: 0.0001)
        #expect(allClose(indicatorWeights(result), plain.weights))
        // By hand: V = w·x′ (the shift cancels in the distances), ideal = column max, anti-ideal = column min.
        let lo = [1.0, -5], hi = [6.0, -0.5]
        let v = x.map { row in
            [plain.weights[0] * (row[0] - lo[0]) / (hi[0] - lo[0]), plain.weights[1] * (hi[1] - row[1]) / (hi[1] - lo[1])]
        }
        for (i, row) in v.enumerated() {
            let plus = ((row[0] - plain.weights[0]) * (row[0] - plain.weights[0])
                + (row[1] - plain.weights[1]) * (row[1] - plain.weights[1])).squareRoot()
            let minus = (row[0] * row[0] + row[1] * row[1]).squareRoot()
            #expect(isClose(result.composite[i]!, minus / (plus + minus), 1e-12))
        }
    }

    @Test("scale multiplies every score and shift_applies_to none removes the shift")
    func scaleAndShiftTarget() throws {
        let system = flatSystem([.positive, .negative])
        let base = try EntropyScorer(system: system, options: EntropyOptions(shift: 0)).score(Self.data)
        let scaled = try EntropyScorer(system: system, options: EntropyOptions(shift: 0, scale: 100)).score(Self.data)
        #expect(allClose(scaled.composite.map { $0! }, base.composite.map { $0! * 100 }))
        let unshifted = try EntropyScorer(system: system, options: EntropyOptions(shift: 0.5, shiftAppliesTo: .none))
            .score(Self.data)
        #expect(unshifted.composite == base.composite)
        #expect(unshifted.options.shift == 0.5)
    }
}
