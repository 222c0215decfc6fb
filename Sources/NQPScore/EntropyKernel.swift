import Foundation

/// The min and max a column is standardised against (the group's own, or the base year's).
struct Extrema: Equatable, Sendable {
    var min: Double
    var max: Double

    /// Extrema of `values` at `positions` (all of them when `positions` is nil). `nil` when there are none.
    init?(of values: [Double], at positions: [Int]? = nil) {
        var low = Double.infinity, high = -Double.infinity
        if let positions {
            for i in positions { low = Swift.min(low, values[i]); high = Swift.max(high, values[i]) }
        } else {
            for v in values { low = Swift.min(low, v); high = Swift.max(high, v) }
        }
        guard low <= high else { return nil }
        min = low
        max = high
    }
}

/// The arithmetic of the entropy method on plain `[Double]` columns. Every loop runs in a fixed order (rows in
/// the order given, indicators in configured order) so that results are bit-reproducible.
enum EntropyKernel {
    /// True when every value equals the first (a zero-variance column).
    static func isConstant(_ values: [Double]) -> Bool {
        guard let first = values.first else { return true }
        for v in values where v != first { return false }
        return true
    }

    /// Why a raw value cannot be standardised with `method`, as (row position, reason); `nil` when all are usable.
    /// Min–max accepts any finite value; the ratio forms need non-negative (for `max` with `-`: positive) values.
    static func firstUnusableValue(_ values: [Double], direction: Direction,
                                   method: Standardization) -> (position: Int, reason: String)? {
        switch method {
        case .minmax:
            return nil
        case .max where direction == .negative:
            guard let i = values.firstIndex(where: { $0 <= 0 }) else { return nil }
            return (i, "is not positive, but standardize: max computes min/x for a negative indicator. "
                + "Use standardize: minmax, or shift the raw variable so that it is positive")
        case .max, .sum, .none:
            guard let i = values.firstIndex(where: { $0 < 0 }) else { return nil }
            return (i, "is negative, but standardize: \(method.rawValue) needs values ≥ 0 (a negative value would "
                + "make a negative proportion p). Use standardize: minmax, which handles negative raw values")
        }
    }

    /// Standardised values before the shift. `reference` holds the min/max to use (group or base year); `total` is
    /// the column sum for `.sum`. The caller has checked the values with `firstUnusableValue` and excluded
    /// zero-variance columns, so no division by zero happens here.
    static func standardize(_ values: [Double], direction: Direction, method: Standardization,
                            reference: Extrema) -> [Double] {
        switch (method, direction) {
        case (.minmax, .positive):
            let low = reference.min, range = reference.max - reference.min
            return values.map { ($0 - low) / range }
        case (.minmax, .negative):
            let high = reference.max, range = reference.max - reference.min
            return values.map { (high - $0) / range }
        case (.max, .positive):
            let high = reference.max
            return values.map { $0 / high }
        case (.max, .negative):
            let low = reference.min
            return values.map { low / $0 }
        case (.sum, _):
            var total = 0.0
            for v in values { total += v }
            return values.map { $0 / total }
        case (.none, _):
            return values
        }
    }

    /// Entropy e = −(1/ln N) Σ p ln p with p = x/Σx and 0·ln 0 = 0, N = `values.count` (≥ 2, values ≥ 0, Σ > 0).
    static func entropy(_ values: [Double]) -> Double {
        var total = 0.0
        for v in values { total += v }
        var sum = 0.0
        for v in values where v > 0 {
            let p = v / total
            sum += p * log(p)
        }
        return -sum / log(Double(values.count))
    }

    /// S_i = Σ_j w_j x_ij, accumulated indicator by indicator (the same order for every row).
    static func weightedSum(_ columns: [[Double]], weights: [Double]) -> [Double] {
        guard let count = columns.first?.count else { return [] }
        var scores = [Double](repeating: 0, count: count)
        for (column, w) in zip(columns, weights) {
            for i in 0..<count { scores[i] += w * column[i] }
        }
        return scores
    }

    /// TOPSIS closeness C_i = D⁻_i/(D⁺_i + D⁻_i) on V = w·x, with D± the Euclidean distances to the column max/min.
    static func closeness(_ columns: [[Double]], weights: [Double]) -> [Double] {
        guard let count = columns.first?.count else { return [] }
        var toBest = [Double](repeating: 0, count: count)
        var toWorst = [Double](repeating: 0, count: count)
        for (column, w) in zip(columns, weights) {
            let weighted = column.map { w * $0 }
            guard let extrema = Extrema(of: weighted) else { continue }
            for i in 0..<count {
                let plus = weighted[i] - extrema.max, minus = weighted[i] - extrema.min
                toBest[i] += plus * plus
                toWorst[i] += minus * minus
            }
        }
        return (0..<count).map { i in
            let best = toBest[i].squareRoot(), worst = toWorst[i].squareRoot()
            // Both distances are 0 only if every weighted column is constant, which the caller rules out.
            return best + worst > 0 ? worst / (best + worst) : 0
        }
    }
}
