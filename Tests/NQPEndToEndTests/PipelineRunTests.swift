import Foundation
import NQPTestSupport
import Testing

/// `nqp run` on a copy of the shipped samples, as a nightly job would run it. Serialized: each test spawns the
/// binary, and the machine has two cores.
@Suite("nqp run end to end", .serialized)
struct PipelineRunTests {
    static let outputs = ["panel.dta", "panel.csv", "codebook.csv", "codebook.md", "panel_import.do",
                          "panel_import.R", "reports.csv", "counts.csv", "kwic.csv", "merge_report.csv", "merge_unmatched.csv",
                          "weights.csv", "errors.csv", "manifest.json", "report.html"]

    @Test func samplesRunWritesEveryOutputWithTextFirmCodes() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let result = try workspace.run()
        #expect(result.status == 0, "stderr: \(result.stderr)")
        for name in Self.outputs {
            #expect(FileManager.default.fileExists(atPath: workspace.output().appendingPathComponent(name).path),
                    "\(name) written")
        }
        let panel = parseCSV(try Data(contentsOf: workspace.output().appendingPathComponent("panel.csv")))
        let header = try #require(panel.first)
        #expect(Array(header.prefix(2)) == ["firm", "year"])
        let firms = Set(panel.dropFirst().map { $0[0] })
        #expect(firms.contains("000001"), "leading zeros kept")
        #expect(firms.contains("0001987654"), "US filer identified by XBRL facts or the manifest")
        #expect(header.contains("dt_total") && header.contains("dt_index") && header.contains("nqp"))
        // 000858 is ST in 2021: the screen drops it.
        #expect(!panel.contains { $0[0] == "000858" && $0[1] == "2021" })
        // Summary on standard error.
        #expect(result.stderr.contains("firm-years"), "summary: \(result.stderr)")
    }

    /// With negation off, the full-report totals equal what the sample generator planted (its own,
    /// independently written counter: leftmost-longest over the 76 keywords).
    @Test func fullReportTotalsEqualThePlantedCounts() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.setConfig("counting.negation.enabled", "false")
        #expect(try workspace.run().status == 0)
        let expected = parseCSV(try Data(contentsOf: workspace.root.appendingPathComponent("samples/expected/reports.csv")))
        let expectedHeader = try #require(expected.first)
        let fileIndex = try #require(expectedHeader.firstIndex(of: "file"))
        let totalIndex = try #require(expectedHeader.firstIndex(of: "total"))
        let counts = parseCSV(try Data(contentsOf: workspace.output().appendingPathComponent("counts.csv")))
        let countHeader = try #require(counts.first)
        let countFile = try #require(countHeader.firstIndex(of: "file"))
        let countValue = try #require(countHeader.firstIndex(of: "count"))
        var byFile: [String: Int] = [:]
        for row in counts.dropFirst() {
            byFile[(row[countFile] as NSString).lastPathComponent, default: 0] += Int(row[countValue]) ?? 0
        }
        var compared = 0
        for row in expected.dropFirst() where row.count > totalIndex {
            let name = (row[fileIndex] as NSString).lastPathComponent
            guard let ours = byFile[name] else { continue }  // a firm-year dropped from the panel (ST)
            #expect(ours == Int(row[totalIndex]), "\(name): nqp \(ours), planted \(row[totalIndex])")
            compared += 1
        }
        #expect(compared >= 30)
    }

    @Test func secondRunReadsNothingAndWritesIdenticalBytes() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        #expect(try workspace.run().status == 0)
        let first = try workspace.dataFiles()
        let firstCounts = try workspace.reportCounts()
        #expect((firstCounts["new"] ?? 0) >= 36)
        #expect(try workspace.run().status == 0)
        let counts = try workspace.reportCounts()
        #expect(counts["new"] == 0 && counts["changed"] == 0 && counts["reconfigured"] == 0)
        #expect(counts["unchanged"] == firstCounts["new"])
        #expect(try workspace.dataFiles() == first, "byte-identical outputs")
    }

    @Test func addingOneReportProcessesExactlyOne() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        #expect(try workspace.run().status == 0)
        try FileManager.default.copyItem(at: workspace.reports.appendingPathComponent("000651_2021_示例电器.html"),
                                         to: workspace.reports.appendingPathComponent("000651_2022_示例电器.html"))
        #expect(try workspace.run().status == 0)
        let counts = try workspace.reportCounts()
        #expect(counts["new"] == 1)
        #expect(counts["changed"] == 0 && counts["reconfigured"] == 0)
        let status = try workspace.nqp(["status", "--config", workspace.config.path])
        #expect(status.status == 0)
        #expect(status.stdout.contains("would process 0"), "\(status.stdout)")
    }

    @Test func aDeletedReportLeavesThePanel() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        #expect(try workspace.run().status == 0)
        try FileManager.default.removeItem(at: workspace.reports.appendingPathComponent("300059_2020_示例财讯.html"))
        #expect(try workspace.run().status == 0)
        #expect(try workspace.reportCounts()["removed"] == 1)
        let panel = parseCSV(try Data(contentsOf: workspace.output().appendingPathComponent("panel.csv")))
        #expect(!panel.contains { $0[0] == "300059" && $0[1] == "2020" && !$0[2].isEmpty },
                "no text measures left for the deleted report")
        let reports = String(decoding: try Data(contentsOf: workspace.output().appendingPathComponent("reports.csv")), as: UTF8.self)
        #expect(!reports.contains("300059_2020"))
    }

    /// Wu et al. (2021) leave out mentions in executive biographies: with `excluded_chapters`, hits in the
    /// governance chapter (where 2021-format reports put the biographies) are reported as excluded.
    @Test func hitsInAnExcludedChapterAreReportedAsExcluded() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.setConfig("counting.excluded_chapters", "[公司治理, 董事、监事、高级管理人员和员工情况]")
        #expect(try workspace.run().status == 0)
        let counts = parseCSV(try Data(contentsOf: workspace.output().appendingPathComponent("counts.csv")))
        let row = counts.first { $0[0] == "000651" && $0[1] == "2021" && $0[4] == "人工智能" }
        #expect(row.map { Int($0[7]) ?? 0 } ?? 0 >= 1, "\(String(describing: row))")
        let kwic = String(decoding: try Data(contentsOf: workspace.output().appendingPathComponent("kwic.csv")), as: UTF8.self)
        #expect(kwic.contains("excluded"))
    }

    @Test func changingTheDictionaryRecountsEveryReport() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        #expect(try workspace.run().status == 0)
        let total = try workspace.reportCounts()["new"] ?? 0
        let dictionary = workspace.root.appendingPathComponent("dictionaries/digital_transformation.zh.yml")
        let text = try String(contentsOf: dictionary, encoding: .utf8)
        try (text + "\n# edited\n").write(to: dictionary, atomically: true, encoding: .utf8)
        let rerun = try workspace.run()
        #expect(rerun.status == 0)
        let counts = try workspace.reportCounts()
        #expect(counts["reconfigured"] == total)
        #expect(counts["unchanged"] == 0)
    }

    @Test func corruptReportIsQuarantinedAndTheOthersStayInThePanel() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try FileManager.default.copyItem(
            at: workspace.root.appendingPathComponent("samples/bad/000003_2020_损坏示例.html.gz"),
            to: workspace.reports.appendingPathComponent("000003_2020_损坏示例.html.gz"))
        let result = try workspace.run()
        #expect(result.status == 3, "stderr: \(result.stderr)")
        let errors = parseCSV(try Data(contentsOf: workspace.output().appendingPathComponent("errors.csv")))
        #expect(errors.first == ["file", "sha256", "stage", "reason", "first_seen", "last_seen"])
        #expect(errors.count == 2)
        #expect(errors.last?.first?.hasSuffix("000003_2020_损坏示例.html.gz") == true)
        let panel = parseCSV(try Data(contentsOf: workspace.output().appendingPathComponent("panel.csv")))
        #expect(panel.count > 30)
        // Unchanged, the quarantined file is not retried; the exit code still says something is quarantined.
        let again = try workspace.run()
        #expect(again.status == 3)
        #expect(try workspace.reportCounts()["new"] == 0)
        // --retry-failed reads it again (still corrupt: still quarantined).
        #expect(try workspace.run(["--retry-failed"]).status == 3)
        #expect(try workspace.reportCounts()["retried"] == 1)
    }

    @Test func aSecondRunOnTheSameOutputExitsFour() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        guard let flock = which("flock") else {
            print("skipped: the flock tool (util-linux) is not installed")
            return
        }
        let lockFolder = workspace.output().appendingPathComponent(".nqp")
        try FileManager.default.createDirectory(at: lockFolder, withIntermediateDirectories: true)
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: flock)
        holder.arguments = [lockFolder.appendingPathComponent("lock").path, "sleep", "30"]
        try holder.run()
        defer { holder.terminate(); holder.waitUntilExit() }
        Thread.sleep(forTimeInterval: 0.5)
        let result = try workspace.run()
        #expect(result.status == 4, "stderr: \(result.stderr)")
        #expect(result.stderr.lowercased().contains("lock"))
    }

    @Test func jobsOneAndFourGiveIdenticalBytes() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        #expect(try workspace.run(["--jobs", "1"]).status == 0)
        try workspace.setConfig("output.folder", "out4")
        #expect(try workspace.run(["--jobs", "4"]).status == 0)
        #expect(try workspace.dataFiles("out") == workspace.dataFiles("out4"))
    }

    /// Kill -9 in the middle of a run, then run again: same outputs as a run that was never interrupted.
    @Test func killedRunThenRerunEqualsAnUninterruptedRun() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        // Enough reports that the run is still working when it is killed.
        let source = workspace.reports.appendingPathComponent("300059_2021_示例财讯.html")
        for index in 0..<240 {
            let code = String(format: "7%05d", index)
            try FileManager.default.copyItem(at: source, to: workspace.reports.appendingPathComponent("\(code)_2021_copy.html"))
        }
        let process = Process()
        process.executableURL = NQPBinary.url
        process.arguments = ["run", "--config", workspace.config.path, "--quiet", "--jobs", "1"]
        process.currentDirectoryURL = workspace.root
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: 0.8)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()

        let resumed = try workspace.run()
        #expect(resumed.status == 0, "stderr: \(resumed.stderr)")
        let counts = try workspace.reportCounts()
        #expect((counts["unchanged"] ?? 0) + (counts["new"] ?? 0) >= 270)

        try workspace.setConfig("output.folder", "clean")
        #expect(try workspace.run().status == 0)
        #expect(try workspace.dataFiles("out") == workspace.dataFiles("clean"))
    }

    @Test func validateAcceptsTheShippedConfigAndPointsAtProblems() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let valid = try workspace.nqp(["validate", "--config", workspace.config.path])
        #expect(valid.status == 0, "stderr: \(valid.stderr)")
        try workspace.renameConfigKey("counting.mode", to: "mdoe")
        let invalid = try workspace.nqp(["validate", "--config", workspace.config.path])
        #expect(invalid.status == 2)
        #expect(invalid.stderr.contains("pipeline.yml:"), "\(invalid.stderr)")
        #expect(invalid.stderr.contains("unknown key 'mdoe'"))
        #expect(invalid.stderr.contains("did you mean 'mode'?"))
        let run = try workspace.run()
        #expect(run.status == 2)
    }

    /// The documented second system (examples/): two dictionaries, a two-stage entropy hierarchy.
    @Test func threeDimensionExampleRuns() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let config = workspace.root.appendingPathComponent("examples/three_dimensions.yml").path
        #expect(try workspace.nqp(["validate", "--config", config]).status == 0)
        let result = try workspace.nqp(["run", "--config", config, "--quiet"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let output = workspace.root.appendingPathComponent("examples/out")
        let panel = parseCSV(try Data(contentsOf: output.appendingPathComponent("panel.csv")))
        let header = try #require(panel.first)
        for column in ["green_per10k", "dt_per10k", "nqp3", "nqp3_innovation", "nqp3_intelligence", "nqp3_green"] {
            #expect(header.contains(column), "\(column)")
        }
        #expect(!panel.contains { $0.first == "000001" }, "banks dropped by the industry screen")
    }

    /// The US example: English dictionary on Item 7, SEC companyfacts merged on the ten-digit CIK.
    @Test func usExampleMergesCompanyFactsOnTheCIK() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let config = workspace.root.appendingPathComponent("examples/us_10k.yml").path
        let result = try workspace.nqp(["run", "--config", config, "--quiet"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let panel = parseCSV(try Data(contentsOf: workspace.root.appendingPathComponent("examples/out_us/panel.csv")))
        let header = try #require(panel.first)
        let assets = try #require(header.firstIndex(of: "total_assets"))
        let total = try #require(header.firstIndex(of: "tech_total"))
        let turnover = try #require(header.firstIndex(of: "asset_turnover"))
        #expect(panel.dropFirst().map { $0[1] } == ["2019", "2020", "2021"])
        #expect(panel.dropFirst().allSatisfy { $0[0] == "0001987654" && !$0[assets].isEmpty })
        #expect(!panel[1][turnover].isEmpty, "FY2018 assets kept for the FY2019 average")
        #expect(panel[2][total].isEmpty, "no Item 7 in the FY2020 XBRL instance: missing, not zero")
    }
}
