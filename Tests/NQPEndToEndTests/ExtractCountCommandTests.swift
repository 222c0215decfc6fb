import Foundation
import NQPTestSupport
import Testing

@Suite("nqp extract and nqp count", .serialized)
struct ExtractCountCommandTests {
    @Test func extractJSONHasTheContractFields() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let file = workspace.reports.appendingPathComponent("000858_2019_示例酒业.html").path
        let result = try workspace.nqp(["extract", "--format", "json", file])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        for key in ["file", "firm", "year", "format", "encoding", "bytes", "chars", "decode_errors", "sections", "warnings"] {
            #expect(object[key] != nil, "key \(key)")
        }
        #expect(object["firm"] as? String == "000858")
        #expect(object["year"] as? Int == 2019)
        let encoding = try #require(object["encoding"] as? [String: Any])
        #expect((encoding["name"] as? String)?.lowercased().contains("gb18030") == true, "\(encoding)")
        #expect(object["decode_errors"] as? Int == 0)
        let sections = try #require(object["sections"] as? [[String: Any]])
        #expect(sections.contains { $0["name"] as? String == "mdna" })
    }

    @Test func extractTextOfMDNAIsTheSectionOnly() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let file = workspace.reports.appendingPathComponent("002230-2019.txt").path
        let full = try workspace.nqp(["extract", file])
        let mdna = try workspace.nqp(["extract", "--scope", "mdna", file])
        #expect(full.status == 0 && mdna.status == 0)
        #expect(mdna.stdout.count < full.stdout.count)
        #expect(full.stdout.contains(mdna.stdout.trimmingCharacters(in: .newlines)))
        #expect(!mdna.stdout.contains("\n年度报告\n"))
    }

    @Test func aCorruptFileNextToGoodOnesExitsThreeAndTheOthersAreProcessed() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let good = workspace.reports.appendingPathComponent("600000-2019.txt").path
        let bad = workspace.root.appendingPathComponent("samples/bad/000003_2020_损坏示例.html.gz").path
        let result = try workspace.nqp(["count", good, bad])
        #expect(result.status == 3)
        #expect(result.stderr.contains("000003_2020_损坏示例.html.gz"))
        let rows = parseCSV(Data(result.stdout.utf8))
        #expect(rows.first == ["firm", "year", "dictionary", "category", "keyword", "count", "negated", "excluded",
                               "file", "chars"])
        #expect(rows.dropFirst().allSatisfy { $0[0] == "600000" && $0[1] == "2019" && $0[8] == good })
        #expect(Set(rows.dropFirst().map { $0[3] }).count == 5, "every category of the dictionary")
        #expect(rows.dropFirst().contains { $0[5] == "0" }, "keywords not found are listed with count 0")
        #expect(Set(rows.dropFirst().map { $0[9] }).count == 1 && Int(rows[1][9]) ?? 0 > 0,
                "chars: the counted scope's length, the same on every row of the report")
    }

    /// `nqp count` prints exactly the run's counts.csv rows for a report, and `--kwic` the run's kwic.csv rows;
    /// firm and year come from the report manifest as in the run (the 10-K sample is named only there).
    @Test func countPrintsTheRunsCountsAndKWICRowsWithTheManifestsFirmAndYear() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let run = try workspace.run()
        #expect(run.status == 0, "\(run.stderr)")
        for file in ["samples/reports/sample_data_systems_10k_fy2019.htm", "samples/reports/002230-2021.txt"] {
            for (table, arguments) in [("counts.csv", ["count", file]), ("kwic.csv", ["count", "--kwic", "20", file])] {
                let ran = parseCSV(try Data(contentsOf: workspace.output().appendingPathComponent(table)))
                let fileColumn = try #require(ran.first?.firstIndex(of: "file"))
                let counted = try workspace.nqp(arguments)
                #expect(counted.status == 0, "\(counted.stderr)")
                let rows = parseCSV(Data(counted.stdout.utf8))
                #expect(rows.first == ran.first, "\(table): same columns")
                #expect(Array(rows.dropFirst()) == ran.filter { $0[fileColumn] == file }, "\(table): same rows for \(file)")
                #expect(rows.count > 1, "\(table): \(file) has rows")
            }
        }
        let tenK = parseCSV(Data(try workspace.nqp(["count", "samples/reports/sample_data_systems_10k_fy2019.htm"]).stdout.utf8))
        #expect(tenK.dropFirst().allSatisfy { $0[0] == "0001987654" && $0[1] == "2019" })
    }

    @Test func countKWICGivesEveryHitWithContext() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let file = workspace.reports.appendingPathComponent("002230-2021.txt").path
        let result = try workspace.nqp(["count", "--kwic", "5", file])
        #expect(result.status == 0)
        let rows = parseCSV(Data(result.stdout.utf8))
        let header = try #require(rows.first)
        #expect(header == ["firm", "year", "file", "dictionary", "keyword", "categories", "status", "reason", "offset",
                           "before", "match", "after", "page"])
        #expect(rows.count > 10)
        #expect(rows.dropFirst().allSatisfy { $0[9].unicodeScalars.count <= 5 && $0[11].unicodeScalars.count <= 5 })
    }

    @Test func independentModeCountsNestedKeywordsTwice() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let file = workspace.reports.appendingPathComponent("300059_2020_示例财讯.html").path
        func usage(_ mode: String) throws -> Int {
            let rows = parseCSV(Data(try workspace.nqp(["count", "--mode", mode, file]).stdout.utf8))
            return rows.dropFirst().filter { $0[3] == "数字技术运用" }.compactMap { Int($0[5]) }.reduce(0, +)
        }
        #expect(try usage("independent") > usage("longest"))
    }
}
