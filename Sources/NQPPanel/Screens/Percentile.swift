/// The one percentile definition of this module: Stata's `_pctile` default (the one `winsor2` uses, not `centile`) —
/// the empirical distribution function with averaging (numpy `method="averaged_inverted_cdf"`, Hyndman–Fan 2).
///
/// With n non-missing values sorted x(1) ≤ … ≤ x(n) and P = n·p/100:
/// if P is a whole number, the p-th percentile is (x(P) + x(P+1)) / 2, else x(⌈P⌉).
/// Edge cases: P = 0 (p = 0) gives x(1); P = n (p = 100) gives x(n).
public enum Percentile {
    /// - Parameters: sorted: ascending values, non-empty; p: 0…100.
    public static func stata(sorted x: [Double], p: Double) -> Double? {
        let n = x.count
        guard n > 0, p >= 0, p <= 100 else { return nil }
        let position = Double(n) * p / 100
        let whole = position.rounded(.down)
        if position == whole {
            let i = Int(whole)
            if i <= 0 { return x[0] }
            if i >= n { return x[n - 1] }
            return (x[i - 1] + x[i]) / 2
        }
        return x[min(n, Int(position.rounded(.up))) - 1]
    }
}
