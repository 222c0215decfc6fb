import Foundation
import NQPTestSupport
import Testing

/// The panel's key columns are named by `financials.merge.firm_column` / `year_column`; every stage after the
/// merge (derived indicators, screens, scores, export) must find the keys under those names.
@Suite("nqp run with renamed key columns", .serialized, .enabled(if: NQPBinary.exists))
struct KeyColumnRunTests {
    @Test func renamedKeyColumnsReachEveryOutputAndChangeNoValue() throws {
        let standard = try Workspace("nqp-keys-standard")
        defer { standard.remove() }
        let standardRun = try standard.run()
        #expect(standardRun.status == 0, "stderr: \(standardRun.stderr)")

        let renamed = try Workspace("nqp-keys-renamed")
        defer { renamed.remove() }
        try renamed.insertConfig("firm_column: stkcd\nyear_column: fyear", under: "financials.merge")
        let check = try renamed.nqp(["validate", "--config", renamed.config.path])
        #expect(check.status == 0, "validate: \(check.stdout)\(check.stderr)")
        let renamedRun = try renamed.run()
        #expect(renamedRun.status == 0, "stderr: \(renamedRun.stderr)")

        let panel = parseCSV(try Data(contentsOf: renamed.output().appendingPathComponent("panel.csv")))
        let header = try #require(panel.first)
        #expect(Array(header.prefix(2)) == ["stkcd", "fyear"])
        #expect(!header.contains("firm") && !header.contains("year"))
        // The year screen (2019–2021), the ST screen and the scores ran on the renamed keys.
        #expect(Set(panel.dropFirst().map { $0[1] }) == ["2019", "2020", "2021"])
        #expect(header.contains("nqp") && header.contains("asset_turnover"))
        let unmatched = parseCSV(try Data(contentsOf: renamed.output().appendingPathComponent("merge_unmatched.csv")))
        #expect(unmatched.first == ["source", "category", "stkcd", "fyear"])
        let importScript = try String(contentsOf: renamed.output().appendingPathComponent("panel_import.do"),
                                      encoding: .utf8)
        #expect(importScript.contains("stkcd"))

        // Only the names differ: every value, score and weight is the same as under the standard names.
        let standardPanel = parseCSV(try Data(contentsOf: standard.output().appendingPathComponent("panel.csv")))
        #expect(Array(standardPanel.dropFirst()) == Array(panel.dropFirst()))
        #expect(Array(standardPanel.first?.dropFirst(2) ?? []) == Array(header.dropFirst(2)))
        let weights = { (workspace: Workspace) throws -> Data in
            try Data(contentsOf: workspace.output().appendingPathComponent("weights.csv"))
        }
        #expect(try weights(standard) == weights(renamed))
    }
}
