import Foundation
import NQPTestSupport
import Testing

/// One run, one generation (README "Outputs: one generation per run"): whatever fails and whenever the process is
/// killed, the output folder holds one complete generation — every data file is the one `manifest.json` lists
/// (same size and SHA-256) and its rows agree with the manifest's counts and report list.
@Suite("output generations", .serialized)
struct GenerationTests {
    /// Checks that `folder` holds exactly one complete generation; returns the manifest's data file names.
    @discardableResult
    static func expectOneGeneration(_ workspace: Workspace, _ folder: String = "out",
                                    sourceLocation: SourceLocation = #_sourceLocation) throws -> [String] {
        let output = workspace.output(folder)
        let manifest = try workspace.manifest(folder)
        let files = try #require(manifest["files"] as? [[String: Any]], sourceLocation: sourceLocation)
        var names: [String] = []
        for entry in files {
            let name = try #require(entry["file"] as? String)
            names.append(name)
            let url = output.appendingPathComponent(name)
            let data = try Data(contentsOf: url)
            #expect(data.count == entry["bytes"] as? Int, "\(name): size differs from the manifest",
                    sourceLocation: sourceLocation)
            let sum = try runCommand("/usr/bin/env", ["sha256sum", url.path])
            #expect(sum.stdout.hasPrefix((entry["sha256"] as? String) ?? "-"), "\(name): content is not the manifest's",
                    sourceLocation: sourceLocation)
        }
        // Row keys: the reports listed, the firm-years of the panel, the files counted.
        let stages = try #require(manifest["stages"] as? [String: Any])
        let reports = Set(((manifest["reports"] as? [[String: Any]]) ?? []).compactMap { $0["file"] as? String })
        let reportRows = parseCSV(try Data(contentsOf: output.appendingPathComponent("reports.csv"))).dropFirst()
        let listed = Set(reportRows.filter { $0.count > 9 && $0[9] != "quarantined" }.map { $0[0] })
        #expect(reports.isSubset(of: Set(reportRows.map { $0[0] })), "reports.csv lists every report of the manifest",
                sourceLocation: sourceLocation)
        #expect(listed.isSubset(of: reports), "reports.csv lists no report the manifest does not",
                sourceLocation: sourceLocation)
        let panelRows = parseCSV(try Data(contentsOf: output.appendingPathComponent("panel.csv"))).dropFirst()
        #expect(panelRows.count == stages["firm_years_panel"] as? Int, "panel.csv rows = manifest firm-years",
                sourceLocation: sourceLocation)
        let countRows = parseCSV(try Data(contentsOf: output.appendingPathComponent("counts.csv")))
        let fileColumn = try #require(countRows.first?.firstIndex(of: "file"), sourceLocation: sourceLocation)
        let counted = Set(countRows.dropFirst().map { $0[fileColumn] })
        #expect(counted.count == stages["reports_chosen"] as? Int, "counts.csv files = manifest chosen reports",
                sourceLocation: sourceLocation)
        // No output of another generation beside it (dangling links of dropped names count as absent).
        for name in try FileManager.default.contentsOfDirectory(atPath: output.path) where !name.hasPrefix(".") {
            let url = output.appendingPathComponent(name)
            if (try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)) != nil
                || name.hasSuffix(".csv") || name.hasSuffix(".dta") {
                #expect(FileManager.default.fileExists(atPath: url.path) == names.contains(name)
                        || name == "manifest.json" || name == "report.html", "\(name) is not part of the generation",
                        sourceLocation: sourceLocation)
            }
        }
        return names
    }

    /// Adds `count` copies of a sample report under new firm codes.
    static func addReports(_ workspace: Workspace, count: Int, prefix: String = "7") throws {
        let source = workspace.reports.appendingPathComponent("300059_2021_示例财讯.html")
        for index in 0..<count {
            let code = prefix + String(format: "%05d", index)
            try FileManager.default.copyItem(at: source, to: workspace.reports.appendingPathComponent("\(code)_2021_copy.html"))
        }
    }

    /// New reports plus a panel stage that fails: exit 2 and the whole old generation, byte for byte — not new
    /// counts beside the old panel.
    @Test func aFailingPanelStageLeavesTheOldGenerationWhole() throws {
        let workspace = try Workspace("nqp-gen-fail")
        defer { workspace.remove() }
        #expect(try workspace.run().status == 0)
        let before = try workspace.dataFiles()
        let manifestBefore = try Data(contentsOf: workspace.output().appendingPathComponent("manifest.json"))
        try Self.addReports(workspace, count: 3)
        // A screen that leaves no firm-year: the configuration is valid, but scoring (after the report tables
        // and the merge are written to the staging folder) fails on the data.
        try workspace.setConfig("financials.screens.year_range", "{from: 2030, to: 2031}")
        let failed = try workspace.run()
        #expect(failed.status == 2, "stderr: \(failed.stderr)")
        #expect(try workspace.dataFiles() == before, "every data file is the old generation's")
        #expect(try Data(contentsOf: workspace.output().appendingPathComponent("manifest.json")) == manifestBefore)
        try Self.expectOneGeneration(workspace)
        let leftovers = try FileManager.default.contentsOfDirectory(
            atPath: workspace.output().appendingPathComponent(".nqp/generations").path)
        #expect(leftovers.count == 1, "the failed run's staging folder is removed: \(leftovers)")
    }

    /// A disk that fills up at different points of a run (simulated with a file-size limit, `ulimit -f`, with
    /// SIGXFSZ ignored so writes fail with EFBIG as on a full disk): every failed run leaves the old generation
    /// whole, and the next run with space publishes the new one.
    @Test func aFullDiskAtAnyPointLeavesOneGeneration() throws {
        let workspace = try Workspace("nqp-gen-full")
        defer { workspace.remove() }
        #expect(try workspace.run().status == 0)
        let before = try workspace.dataFiles()
        try Self.addReports(workspace, count: 20)
        for kilobytes in [16, 64, 160, 400, 900] {
            let command = "trap '' XFSZ; ulimit -f \(kilobytes); exec '\(NQPBinary.url.path)' run --config '\(workspace.config.path)' --quiet --jobs 1"
            let result = try runCommand("/bin/bash", ["-c", command], currentDirectory: workspace.root)
            if result.status != 0 {
                #expect(try workspace.dataFiles() == before, "limit \(kilobytes) KiB, exit \(result.status): old generation")
            }
            try Self.expectOneGeneration(workspace)
        }
        let last = try workspace.run()
        #expect(last.status == 0, "\(last.stderr.suffix(500))")
        try Self.expectOneGeneration(workspace)
        #expect(try workspace.dataFiles() != before, "the new generation is published")
    }

    /// An output folder written by an nqp without generations (regular files) is adopted: same bytes, then links.
    @Test func regularFilesOfAnOlderNqpAreReplacedByTheNewGeneration() throws {
        let workspace = try Workspace("nqp-gen-legacy")
        defer { workspace.remove() }
        let output = workspace.output()
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data("old,panel\n".utf8).write(to: output.appendingPathComponent("panel.csv"))
        try Data("{\"summary\":{\"outputs\":[\"panel.csv\",\"old_only.csv\"]}}".utf8)
            .write(to: output.appendingPathComponent("manifest.json"))
        try Data("x\n".utf8).write(to: output.appendingPathComponent("old_only.csv"))
        try Data("mine\n".utf8).write(to: output.appendingPathComponent("notes.txt"))
        try Data("old sqlite".utf8).write(to: output.appendingPathComponent("panel.sqlite"))
        #expect(try workspace.run().status == 0)
        try Self.expectOneGeneration(workspace)
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("old_only.csv").path),
                "an output of the old generation the new one no longer writes is gone")
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("panel.sqlite").path),
                "also one the old manifest did not list (sqlite is off in this configuration)")
        #expect(try String(contentsOf: output.appendingPathComponent("notes.txt"), encoding: .utf8) == "mine\n",
                "files nqp did not write are left alone")
    }

    /// kill -9 at random points of a larger run: after every kill the folder holds one complete generation, and the
    /// next run removes what the killed ones left behind (staging folders, `.X.tmp-PID-*` files).
    @Test func killNineAtRandomPointsAlwaysLeavesOneGeneration() throws {
        let workspace = try Workspace("nqp-gen-kill")
        defer { workspace.remove() }
        #expect(try workspace.run().status == 0)
        try Self.expectOneGeneration(workspace)
        try Self.addReports(workspace, count: 200)
        var generator = SeededGenerator(seed: 12)
        var firstRunSeconds = 0.0
        for round in 0..<5 {
            if round == 2 {  // new configuration bytes, same settings: the run is not up to date
                try workspace.insertConfig("# round 2", under: "")
            }
            let process = Process()
            process.executableURL = NQPBinary.url
            process.arguments = ["run", "--config", workspace.config.path, "--quiet", "--jobs", "1"]
                + (round % 2 == 1 ? ["--force"] : [])
            process.currentDirectoryURL = workspace.root
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Early rounds kill during extraction, later ones anywhere up to the end of a whole run.
            let limit = round == 0 ? 1.5 : max(1.5, firstRunSeconds * 1.1)
            Thread.sleep(forTimeInterval: Double.random(in: 0.05...limit, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if round == 0 {
                // How long a whole forced run takes here, to spread the later kills over all of its stages.
                let started = Date()
                let timing = try workspace.run(["--force", "--jobs", "1"])
                #expect(timing.status == 0)
                firstRunSeconds = Date().timeIntervalSince(started)
            }
            try Self.expectOneGeneration(workspace)
        }
        // Leftovers of a killed writer, as `AtomicFile` names them.
        try Data("partial".utf8).write(to: workspace.output().appendingPathComponent(".panel.csv.tmp-999999-abc"))
        let last = try workspace.run()
        #expect(last.status == 0, "stderr: \(last.stderr)")
        try Self.expectOneGeneration(workspace)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: workspace.output().path)
            .filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty, "temporary files of killed runs removed: \(leftovers)")
        let generations = try FileManager.default.contentsOfDirectory(
            atPath: workspace.output().appendingPathComponent(".nqp/generations").path)
        #expect(generations.count == 1, "\(generations)")
        let counts = try workspace.reportCounts()
        #expect((counts["unchanged"] ?? 0) + (counts["new"] ?? 0) + (counts["changed"] ?? 0) >= 230)
    }
}
