import Foundation
import NQPTestSupport
import Testing

@Suite("nqp run: which files are the annual report", .enabled(if: NQPBinary.exists))
struct ReportKindRunTests {
    /// A summary and a cancelled copy are skipped with a warning; a corrected version wins over the original;
    /// reports.csv says so for each file, with its kind and version.
    @Test func summariesAndCancelledAreSkippedAndTheCorrectedVersionIsCounted() throws {
        let workspace = try Workspace("nqp-kind")
        defer { workspace.remove() }
        let original = workspace.reports.appendingPathComponent("000001_2019_示例银行.html")
        for copy in ["000001_2019_示例银行_年度报告摘要.html", "000001_2019_示例银行_年度报告（已取消）.html",
                     "000001_2019_示例银行_年度报告（更正后）.html"] {
            try FileManager.default.copyItem(at: original, to: workspace.reports.appendingPathComponent(copy))
        }
        let result = try workspace.run()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("skipped as summary") && result.stderr.contains("skipped as cancelled"))
        let rows = parseCSV(try Data(contentsOf: workspace.output().appendingPathComponent("reports.csv")))
        let header = try #require(rows.first)
        let file = try #require(header.firstIndex(of: "file")), status = try #require(header.firstIndex(of: "status"))
        let kind = try #require(header.firstIndex(of: "kind")), version = try #require(header.firstIndex(of: "version"))
        func row(_ name: String) -> [String]? { rows.first { $0[file].hasSuffix(name) } }
        #expect(row("示例银行_年度报告摘要.html")?[status].hasPrefix("skipped: summary") == true)
        #expect(row("示例银行_年度报告摘要.html")?[kind] == "summary")
        #expect(row("示例银行_年度报告（已取消）.html")?[status].hasPrefix("skipped: cancelled") == true)
        #expect(row("示例银行_年度报告（更正后）.html")?[status] == "ok")
        #expect(row("示例银行_年度报告（更正后）.html")?[version] == "corrected")
        #expect(row("000001_2019_示例银行.html")?[status].hasPrefix("duplicate") == true)
        let counts = String(decoding: try Data(contentsOf: workspace.output().appendingPathComponent("counts.csv")), as: UTF8.self)
        #expect(counts.contains("（更正后）.html") && !counts.contains("摘要") && !counts.contains("已取消"))

        // Settable: with skip: [] the summary competes as a duplicate instead of being skipped.
        try workspace.setConfig("reports.skip", "[]")
        #expect(try workspace.run().status == 0)
        let again = parseCSV(try Data(contentsOf: workspace.output().appendingPathComponent("reports.csv")))
        #expect(!again.contains { $0[status].hasPrefix("skipped") })
    }

    @Test func anUnknownSkipValueIsAConfigurationError() throws {
        let workspace = try Workspace("nqp-kind-validate")
        defer { workspace.remove() }
        try workspace.setConfig("reports.skip", "[summary, abstracts]")
        let result = try workspace.nqp(["validate", "--config", workspace.config.path])
        #expect(result.status == 2)
        #expect((result.stdout + result.stderr).contains("abstracts"))
    }
}
