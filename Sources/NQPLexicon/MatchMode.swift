/// How overlapping and nested keywords are counted.
public enum MatchMode: String, Sendable, Codable, CaseIterable, Equatable {
    /// One left-to-right pass over all keywords: at each position the longest keyword that starts there and
    /// satisfies the boundary rule is taken, counted once (in every category listing it), and the scan continues
    /// after it; otherwise it advances one character. `移动互联网` counts once and `移动互联` inside it not at all.
    case longest
    /// Every keyword counted on its own, like Python's `text.count(keyword)`: non-overlapping occurrences of that
    /// keyword alone, leftmost first, among the occurrences that satisfy the boundary rule. `移动互联网` then counts
    /// for both `移动互联网` and `移动互联`.
    case independent
}
