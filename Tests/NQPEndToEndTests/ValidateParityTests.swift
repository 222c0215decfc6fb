import Foundation
import NQPTestSupport
import Testing

/// Whatever `nqp run` would refuse about the configuration, `nqp validate` refuses first — with exit 2 and
/// `file:line:column` — and `run` refuses it the same way before touching any report.
@Suite("validate refuses what run would refuse", .serialized)
struct ValidateParityTests {
    /// Replaces rd_intensity's formula (and optionally adds indicators after it), validates, runs; both must say
    /// `expect`.
    func expectRefused(_ formula: String, extra: String = "", _ expect: String,
                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        let workspace = try Workspace("nqp-parity")
        defer { workspace.remove() }
        try workspace.setConfig("financials.indicators.rd_intensity", "{formula: \"\(formula)\"}")
        if !extra.isEmpty { try workspace.insertConfig(extra, under: "financials.indicators") }
        let validate = try workspace.nqp(["validate", "--config", workspace.config.path])
        #expect(validate.status == 2, "validate: \(validate.stderr.prefix(400))", sourceLocation: sourceLocation)
        #expect(validate.stderr.contains(expect), "\(validate.stderr.prefix(600))", sourceLocation: sourceLocation)
        #expect(validate.stderr.range(of: #"pipeline\.yml:\d+:\d+: error"#, options: .regularExpression) != nil,
                "file:line:column: \(validate.stderr.prefix(400))", sourceLocation: sourceLocation)
        #expect(validate.stderr.utf8.count < 4_000, "no long echo", sourceLocation: sourceLocation)
        let run = try workspace.run()
        #expect(run.status == 2, "run: \(run.stderr.suffix(400))", sourceLocation: sourceLocation)
        #expect(run.stderr.contains(expect), sourceLocation: sourceLocation)
        #expect(!FileManager.default.fileExists(atPath: workspace.output().appendingPathComponent("panel.csv").path),
                sourceLocation: sourceLocation)
    }

    @Test func unknownVariable() throws {
        try expectRefused("rd_expense / revenu", "unknown variable 'revenu'")
    }

    @Test func indicatorCycle() throws {
        try expectRefused("rd_expense / loop_b", extra: "loop_b: {formula: \"rd_intensity * 2\"}", "cycle")
    }

    @Test func formulaNestedFiveThousandLevels() throws {
        let deep = String(repeating: "(", count: 5_000) + "dt_total" + String(repeating: ")", count: 5_000)
        try expectRefused(deep, "more than the limit")
        let nested = String(repeating: "(", count: 300) + "dt_total" + String(repeating: ")", count: 300)
        try expectRefused(nested, "nesting deeper than")
    }

    @Test func formulaOfOneHundredThousandTerms() throws {
        let long = Array(repeating: "dt_total", count: 100_000).joined(separator: " + ")
        try expectRefused(long, "tokens, more than the limit")
    }

    @Test func catastrophicHeadingStyle() throws {
        let workspace = try Workspace("nqp-parity-regex")
        defer { workspace.remove() }
        try workspace.insertConfig("""
        sections:
          heading_styles:
            - {name: bad, pattern: '^(\\w+\\w?)+第'}
        """, under: "")
        let validate = try workspace.nqp(["validate", "--config", workspace.config.path])
        #expect(validate.status == 2, "\(validate.stderr)")
        #expect(validate.stderr.contains("backtracks catastrophically"), "\(validate.stderr)")
        #expect(validate.stderr.contains("^(\\w+\\w?)+第"))
        #expect(try workspace.run().status == 2)
    }
}
