import Foundation
import Testing
@testable import NQPExtract

/// A catastrophic heading style (`^(\w+\w?)+第`) used to make a run take minutes on a small report: its work is
/// now bounded per report, the report says which pattern ran out, and validation refuses the pattern first.
@Suite("Sections: regular-expression budget")
struct RegexBudgetTests {
    static let catastrophic = "^(\\w+\\w?)+第"

    @Test func a_catastrophic_style_stops_at_the_budget_and_names_the_pattern() throws {
        var patterns = SectionPatterns()
        patterns.headingStyles.append(HeadingStyle(name: "bad", pattern: Self.catastrophic))
        // Lines of word characters that never reach 第: exponential backtracking on each.
        let line = String(repeating: "abcdefgh", count: 6)
        let layout = (0..<40).map { _ in line }.joined(separator: "\n") + "\n"
        let started = Date()
        let (result, _, _) = SectionTestText.find(layout, patterns: patterns)
        // Bounded work: without the budget this takes minutes (the bound is in steps, not seconds; the check
        // here only guards against the unbounded case).
        #expect(Date().timeIntervalSince(started) < 60)
        #expect(result.section == nil)
        let warning = try #require(result.warnings.first)
        #expect(warning.contains(Self.catastrophic), "\(warning)")
        #expect(warning.contains("budget"))
    }

    @Test func validation_refuses_catastrophic_patterns_and_accepts_ordinary_ones() {
        #expect(HeadingStyle(name: "bad", pattern: Self.catastrophic).problem()?.contains("catastrophically") == true)
        #expect(HeadingStyle(name: "bad2", pattern: "^(a+)+b").problem() != nil)
        #expect(HeadingStyle(name: "bad3", pattern: "^([一二三]|一)*节").problem() != nil)
        for pattern in SectionPatterns.defaultHeadingStyles.map(\.pattern)
            + ["^[一二三四五六七八九十]+、", "^Part [IVX]+", "^(?<number>[0-9]{1,2})、", "^[(（][一二三四五六七八九十]+[)）]"] {
            #expect(HeadingStyle(name: "ok", pattern: pattern).problem() == nil, "\(pattern)")
        }
    }

    @Test func the_budget_counts_steps_not_matches() throws {
        let budget = RegexBudget(ticks: 10)
        let regex = try NSRegularExpression(pattern: "^(a+)+b")
        #expect(budget.firstMatch(regex, in: String(repeating: "a", count: 40)) == nil)
        #expect(budget.exhaustedBy == "^(a+)+b")
        // Once spent, nothing more runs on this report.
        #expect(budget.firstMatch(try NSRegularExpression(pattern: "a"), in: "a") == nil)
        let fresh = RegexBudget(ticks: 10)
        #expect(fresh.firstMatch(try NSRegularExpression(pattern: "^第.节"), in: "第三节 管理层讨论与分析") != nil)
        #expect(fresh.exhaustedBy == nil)
    }
}

@Suite("Identity: regular-expression budget")
struct IdentityRegexBudgetTests {
    @Test func catastrophic_filename_patterns_are_refused_and_bounded() {
        let pattern = "^(?<firm>(\\w+\\w?)+)_(?<year>[0-9]{4})x"
        let rules = IdentityRules(filenamePatterns: [pattern])
        #expect(rules.problems().contains { $0.contains("backtracks catastrophically") }, "\(rules.problems())")
        #expect(IdentityRules().problems().isEmpty, "the shipped patterns are fine")
        // Run anyway (a library caller that skipped validation): the budget ends it, the report is unidentified.
        let started = Date()
        let identity = ReportIdentifier(rules: rules)
            .identify(path: "/r/x.html", fileName: String(repeating: "a", count: 60) + "_2021.html", facts: [:])
        #expect(Date().timeIntervalSince(started) < 60)
        #expect(identity.firm == nil)
    }
}
