import Foundation
import NQPTestSupport
import Testing

/// Cluster runs without a cluster (README "Running on a cluster"): `nqp run --shard K/N` for every K, then
/// `nqp run --gather`, against one plain `nqp run` of the same inputs in the same workspace.
@Suite("cluster shards and gather", .serialized)
struct ShardRunTests {
    /// A second configuration beside the first, writing to `out-plain/`: the plain run to compare with.
    static func plainRun(_ workspace: Workspace) throws -> [String: Data] {
        var editor = ConfigEditor(try String(contentsOf: workspace.config, encoding: .utf8))
        try editor.set("output.folder", to: "out-plain")
        let config = workspace.root.appendingPathComponent("plain.yml")
        try editor.text.write(to: config, atomically: true, encoding: .utf8)
        let result = try workspace.nqp(["run", "--config", config.path, "--quiet"])
        #expect([0, 3].contains(result.status), "plain run: \(result.stderr)")
        return try workspace.dataFiles("out-plain")
    }

    static func shard(_ workspace: Workspace, _ index: Int, of count: Int) throws -> CommandResult {
        try workspace.nqp(["run", "--config", workspace.config.path, "--quiet", "--shard", "\(index)/\(count)"])
    }

    /// errors.csv lists when each quarantined file was first and last seen (run metadata): compare without them.
    static func withoutSeenTimes(_ files: [String: Data]) -> [String: Data] {
        var out = files
        if let errors = files["errors.csv"] {
            let rows = parseCSV(errors).map { $0.prefix(4).joined(separator: ",") }
            out["errors.csv"] = Data(rows.joined(separator: "\n").utf8)
        }
        return out
    }

    static func addUnidentifiableReport(_ workspace: Workspace) throws {
        // No firm or year in the name, the manifest or the text (no 股票代码, no dated title): quarantined at stage
        // "identify" (exit 3).
        let page = "<html><body><h1>公司报告</h1><p>本公司推进数字化转型，应用人工智能与大数据技术。</p></body></html>"
        try Data(page.utf8).write(to: workspace.reports.appendingPathComponent("annual-report.html"))
    }

    @Test func shardsThenGatherGiveThePlainRunsBytesForSeveralShardCounts() throws {
        let workspace = try Workspace("nqp-shards")
        defer { workspace.remove() }
        try Self.addUnidentifiableReport(workspace)
        let plain = Self.withoutSeenTimes(try Self.plainRun(workspace))
        #expect(plain["errors.csv"].map { String(decoding: $0, as: UTF8.self).contains("annual-report.html") } == true)
        let output = workspace.output()
        for count in [1, 3, 4, 7] {
            try? FileManager.default.removeItem(at: output)
            var statuses: [Int32] = []
            for index in 0..<count {
                let result = try Self.shard(workspace, index, of: count)
                #expect([0, 3].contains(result.status), "shard \(index)/\(count): \(result.stderr)")
                statuses.append(result.status)
            }
            #expect(statuses.filter { $0 == 3 }.count == 1, "exactly the shard with the unidentifiable report exits 3")
            // Shards write only their own files: no state store, no panel yet.
            #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent(".nqp/state.sqlite").path))
            #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("panel.csv").path))
            let status = try workspace.nqp(["status", "--config", workspace.config.path])
            #expect(status.stdout.contains("shards (N = \(count)): \(count) done, 0 running, 0 missing"), "\(status.stdout)")

            let gather = try workspace.run(["--gather"])
            #expect(gather.status == 3, "quarantined report → exit 3 as a plain run: \(gather.stderr)")
            #expect(Self.withoutSeenTimes(try workspace.dataFiles()) == plain, "N = \(count): same bytes as one plain run")
            let shards = try #require(try workspace.manifest()["shards"] as? [String: Any])
            #expect((shards["gathered"] as? [Int]) == Array(0..<count))
            #expect(shards["partial"] as? Bool == false)
            #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent(".nqp/shards/\(count)").path),
                    "a gathered round is removed: its results are in the state store")
            // The gathered store is the plain run's: a rerun has nothing to do.
            let again = try workspace.run()
            #expect(again.stderr.contains("up to date") || again.stderr.contains("0 new, 0 changed"), "\(again.stderr)")
        }
        // A round with nothing to do: empty shards, and the gather removes them with the publish.
        #expect(try Self.shard(workspace, 0, of: 2).stdout.isEmpty)
        #expect(try Self.shard(workspace, 1, of: 2).status == 0)
        let idle = try workspace.run(["--gather"])
        #expect(idle.status == 3, "\(idle.stderr)")
        #expect(Self.withoutSeenTimes(try workspace.dataFiles()) == plain)
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent(".nqp/shards/2").path))
    }

    @Test func aKilledShardIsNeverGatheredAndItsRerunGivesTheSameBytes() throws {
        let workspace = try Workspace("nqp-shard-kill")
        defer { workspace.remove() }
        try GenerationTests.addReports(workspace, count: 160)  // long enough to kill shard 2 mid-run
        let plain = try Self.plainRun(workspace)
        for index in [0, 1, 3] { #expect(try Self.shard(workspace, index, of: 4).status == 0) }

        // Shard 2, killed with SIGKILL once it has written part of its records.
        let round = workspace.output().appendingPathComponent(".nqp/shards/4")
        let process = Process()
        process.executableURL = NQPBinary.url
        process.arguments = ["run", "--config", workspace.config.path, "--quiet", "--shard", "2/4", "--jobs", "1"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(120)
        var killed = false
        while process.isRunning, Date() < deadline {
            let temporaries = ((try? FileManager.default.contentsOfDirectory(atPath: round.path)) ?? []).filter { $0.hasPrefix(".2.tmp-") }
            if let folder = temporaries.first,
               let size = try? FileManager.default.attributesOfItem(
                   atPath: round.appendingPathComponent(folder).appendingPathComponent("records.jsonl").path)[.size] as? Int,
               size > 0 {
                kill(process.processIdentifier, SIGKILL)
                killed = true
                break
            }
            usleep(2_000)
        }
        if !killed, process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        #expect(killed && process.terminationReason == .uncaughtSignal, "shard 2 was killed mid-run")
        #expect(!FileManager.default.fileExists(atPath: round.appendingPathComponent("2").path),
                "a killed shard publishes nothing")

        let status = try workspace.nqp(["status", "--config", workspace.config.path])
        #expect(status.stdout.contains("running (or killed): 2"), "\(status.stdout)")
        let refused = try workspace.run(["--gather"])
        #expect(refused.status == 2, "\(refused.stderr)")
        #expect(refused.stderr.contains("shard 2: incomplete"), "\(refused.stderr)")
        #expect(refused.stderr.contains("sbatch --parsable --array=2 "), "the command that resubmits only shard 2: \(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: workspace.output().appendingPathComponent("panel.csv").path),
                "nothing is built from a round with a half-written shard")

        // Rerun (what a Slurm requeue does): the leftovers go, and the gather gives the plain run's bytes.
        #expect(try Self.shard(workspace, 2, of: 4).status == 0)
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: round.path)) ?? []).filter { $0.hasPrefix(".") }.isEmpty)
        let gathered = try workspace.run(["--gather"])
        #expect(gathered.status == 0, "\(gathered.stderr)")
        #expect(try workspace.dataFiles() == plain)
    }

    @Test func aPartialGatherListsTheMissingShardAndMismatchedShardsAreRefused() throws {
        let workspace = try Workspace("nqp-shard-partial")
        defer { workspace.remove() }
        for index in [0, 1] { #expect(try Self.shard(workspace, index, of: 3).status == 0) }
        let missing = try workspace.run(["--gather"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("shard 2: missing"), "\(missing.stderr)")
        #expect(missing.stderr.contains("--array=2 "), "\(missing.stderr)")

        let partial = try workspace.run(["--gather", "--allow-partial"])
        #expect(partial.status == 3, "a partial panel is not a complete run: \(partial.stderr)")
        let manifest = try workspace.manifest()
        let shards = try #require(manifest["shards"] as? [String: Any])
        #expect(shards["partial"] as? Bool == true)
        let problems = try #require(shards["not_gathered"] as? [[String: Any]])
        #expect(problems.count == 1 && problems.first?["shard"] as? Int == 2 && problems.first?["kind"] as? String == "missing")
        let leftOut = try #require(shards["reports_left_out"] as? [String])
        #expect(!leftOut.isEmpty)
        #expect(((manifest["warnings"] as? [String]) ?? []).contains { $0.contains("shard 2: missing") })
        let reportsCSV = String(decoding: try Data(contentsOf: workspace.output().appendingPathComponent("reports.csv")), as: UTF8.self)
        for path in leftOut { #expect(!reportsCSV.contains(path), "\(path) is left out of the partial panel") }

        // The next round plans only what is still missing.
        let slurm = try workspace.nqp(["slurm", "--config", workspace.config.path, "--shards", "2"])
        #expect(slurm.status == 0, "\(slurm.stderr)")
        #expect(slurm.stdout.hasPrefix("\(leftOut.count) reports to process"), "\(slurm.stdout)")

        // Shards made under another configuration are refused by name.
        #expect(try Self.shard(workspace, 0, of: 2).status == 0)
        try workspace.setConfig("counting.kwic", "10")
        #expect(try Self.shard(workspace, 1, of: 2).status == 0)
        let mismatched = try workspace.run(["--gather"])
        #expect(mismatched.status == 2, "\(mismatched.stderr)")
        #expect(mismatched.stderr.contains("shard 0: mismatched — made with another configuration"), "\(mismatched.stderr)")
        #expect(!mismatched.stderr.contains("shard 1:"), "\(mismatched.stderr)")
    }

    @Test func slurmWritesTheArrayAndGatherScripts() throws {
        let workspace = try Workspace("nqp-slurm-scripts")
        defer { workspace.remove() }
        let result = try workspace.nqp(["slurm", "--config", workspace.config.path, "--shards", "3",
                                        "--partition", "short", "--time", "01:30:00", "--cpus-per-task", "2",
                                        "--mem", "4G", "--account", "econ", "--extra", "--qos=low --constraint=avx2"])
        #expect(result.status == 0, "\(result.stderr)")
        let folder = workspace.output().appendingPathComponent(".nqp/slurm")
        let extract = try String(contentsOf: folder.appendingPathComponent("extract.sbatch"), encoding: .utf8)
        for line in ["#SBATCH --array=0-2", "#SBATCH --partition=short", "#SBATCH --time=01:30:00",
                     "#SBATCH --cpus-per-task=2", "#SBATCH --mem=4G", "#SBATCH --account=econ", "#SBATCH --qos=low",
                     "#SBATCH --constraint=avx2", "#SBATCH --output=\(folder.path)/logs/extract-%A_%a.log",
                     "--shard \"${SLURM_ARRAY_TASK_ID}/3\" --jobs \"${SLURM_CPUS_PER_TASK:-2}\""] {
            #expect(extract.contains(line + "\n") || extract.contains(line), "extract.sbatch has \(line)")
        }
        let gather = try String(contentsOf: folder.appendingPathComponent("gather.sbatch"), encoding: .utf8)
        #expect(gather.contains("--gather --shards 3"))
        #expect(gather.contains("#SBATCH --kill-on-invalid-dep=yes"))
        #expect(!gather.contains("--array"))
        #expect(result.stdout.contains("sbatch --dependency=afterok:${jid%%;*} "))
        let syntax = try runCommand("/bin/bash", ["-n", folder.appendingPathComponent("extract.sbatch").path])
        #expect(syntax.status == 0, "\(syntax.stderr)")

        // The default count comes from the work: 37 small sample reports → one shard.
        let byDefault = try workspace.nqp(["slurm", "--config", workspace.config.path])
        #expect(byDefault.stdout.hasPrefix("37 reports to process"), "\(byDefault.stdout)")
        #expect(byDefault.stdout.contains("in 1 shards"))

        let badTime = try workspace.nqp(["slurm", "--config", workspace.config.path, "--time", "2h"])
        #expect(badTime.status == 2 && badTime.stderr.contains("--time '2h'"), "\(badTime.stderr)")
        let badShard = try workspace.nqp(["run", "--config", workspace.config.path, "--shard", "4/4"])
        #expect(badShard.status == 2 && badShard.stderr.contains("K runs from 0 to 3"), "\(badShard.stderr)")
    }
}
