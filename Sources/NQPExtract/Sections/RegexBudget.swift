import Foundation

/// Bounds the work of user-supplied regular expressions (`sections.heading_styles`) on one report, so a pattern
/// with catastrophic backtracking (`^(\w+\w?)+第`) cannot make a run take minutes (README "Limits").
///
/// ICU calls the progress callback of `NSRegularExpression` (`.reportProgress`) once per "tick" of its matching
/// engine, a fixed number of internal steps (about 10,000), so counting ticks is a step budget: deterministic, the
/// same on every machine and under any load, unlike a time limit. When the budget is spent every further match
/// on the report fails at once and `exhaustedBy` names the pattern.
public final class RegexBudget {
    /// Ticks per report: about 50 million matching steps, well under a second of matching — hundreds of times
    /// what the heading styles of a real report need (the shipped ones use none: they have hand-written matchers).
    public static let defaultTicks = 5_000

    public let limit: Int
    public private(set) var used = 0
    /// The pattern that was running when the budget ran out.
    public private(set) var exhaustedBy: String?

    public init(ticks: Int = RegexBudget.defaultTicks) { limit = ticks }

    /// The first match of `regex` in `text`, or nil (also when the budget is or becomes exhausted).
    public func firstMatch(_ regex: NSRegularExpression, in text: String) -> NSTextCheckingResult? {
        guard exhaustedBy == nil else { return nil }
        var found: NSTextCheckingResult?
        regex.enumerateMatches(in: text, options: [.reportProgress],
                               range: NSRange(text.startIndex..., in: text)) { match, flags, stop in
            if let match {
                found = match
                stop.pointee = true
            } else if flags.contains(.progress) {
                self.used += 1
                if self.used > self.limit {
                    self.exhaustedBy = regex.pattern
                    stop.pointee = true
                }
            }
        }
        return exhaustedBy == nil ? found : nil
    }

    /// Whether `pattern` needs more than `ticks` on inputs built to make nested quantifiers backtrack: runs of
    /// one character class (letters, digits, Chinese numerals, spaces, punctuation) that end in a character the
    /// pattern will not accept. For `nqp validate`: the same refusal before a run starts, not after it has hung.
    public static func catastrophic(_ regex: NSRegularExpression, ticks: Int = 200) -> Bool {
        let runs = ["a", "1", "一", "第", " ", ".", "aB3_", "第一"]
        for run in runs {
            for end in ["", "!", "\u{1}", "节"] {
                let probe = String(repeating: run, count: 64 / run.count) + end
                let budget = RegexBudget(ticks: ticks)
                _ = budget.firstMatch(regex, in: probe)
                if budget.exhaustedBy != nil { return true }
            }
        }
        return false
    }
}
