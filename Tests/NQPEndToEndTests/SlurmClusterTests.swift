import Foundation
import NQPTestSupport
import Testing

/// `nqp slurm --submit` on a real one-node Slurm cluster (README "Running on a cluster"), started by
/// `.ci/one-node-slurm.sh` from Debian's slurm-wlm and munge (installed by `.ci/run`): the array job and the
/// gather give the bytes of a plain run; an array task cancelled mid-run is never gathered, the gather's exit-2
/// message resubmits only it, and the result is again the plain run's. Every wait is bounded; the daemons are
/// stopped by their pid files whatever happens.
@Suite("Slurm cluster", .serialized)
struct SlurmClusterTests {
    static let sbin = ["/usr/sbin", "/usr/bin", "/sbin", "/bin"]
    static func installed(_ name: String) -> Bool {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init) + sbin
        return folders.contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(name)") }
    }
    static let available = getuid() == 0 && ["munged", "slurmctld", "slurmd", "sbatch", "squeue", "scancel", "scontrol"]
        .allSatisfy(installed)

    /// A started cluster; `stop()` must run (defer).
    struct Cluster {
        let folder: URL
        let environment: [String: String]

        static func start() throws -> Cluster {
            // Short: the munge socket path must fit a Unix socket name (108 bytes).
            let folder = URL(fileURLWithPath: "/tmp/nqp-slurm-\(UUID().uuidString.prefix(8))")
            var environment = ProcessInfo.processInfo.environment
            environment["PATH"] = (environment["PATH"].map { $0 + ":" } ?? "") + sbin.joined(separator: ":")
            let script = TestPaths.repositoryRoot.appendingPathComponent(".ci/one-node-slurm.sh").path
            let started = try runCommand("/bin/bash", [script, "start", folder.path], environment: environment)
            let cluster = Cluster(folder: folder, environment: environment.merging(
                ["SLURM_CONF": folder.appendingPathComponent("slurm.conf").path]) { $1 })
            guard started.status == 0 else {
                cluster.stop()
                throw ClusterError("the one-node cluster did not start: \(started.stderr)")
            }
            return cluster
        }

        func stop() {
            let script = TestPaths.repositoryRoot.appendingPathComponent(".ci/one-node-slurm.sh").path
            _ = try? runCommand("/bin/bash", [script, "stop", folder.path], environment: environment)
            try? FileManager.default.removeItem(at: folder)
        }

        func run(_ executable: String, _ arguments: [String], in directory: URL? = nil) throws -> CommandResult {
            try runCommand("/usr/bin/env", [executable] + arguments, currentDirectory: directory, environment: environment)
        }

        /// `JobState` of every task of `jobs` (array tasks one each).
        func states(_ jobs: [String]) throws -> [String] {
            var states: [String] = []
            for job in jobs {
                let shown = try run("scontrol", ["show", "job", "-o", job])
                for line in shown.stdout.split(separator: "\n") {
                    if let range = line.range(of: "JobState=") {
                        states.append(String(line[range.upperBound...].prefix { !$0.isWhitespace }))
                    }
                }
            }
            return states
        }

        /// Waits until no task of `jobs` is pending or running; false after `timeout` seconds.
        func waitUntilFinished(_ jobs: [String], timeout: TimeInterval) throws -> Bool {
            let deadline = Date().addingTimeInterval(timeout)
            let active: Set<String> = ["PENDING", "RUNNING", "CONFIGURING", "COMPLETING", "REQUEUED", "SUSPENDED",
                                       "RESIZING", "REQUEUE_HOLD", "REQUEUE_FED"]
            while Date() < deadline {
                let states = try states(jobs)
                if !states.isEmpty, !states.contains(where: active.contains) { return true }
                usleep(250_000)
            }
            return false
        }
    }

    struct ClusterError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// `submitted array job 12 (4 tasks) and gather job 13` → ["12", "13"].
    static func jobIDs(_ output: String) -> [String] {
        guard let line = output.split(separator: "\n").first(where: { $0.hasPrefix("submitted array job ") }) else { return [] }
        return line.split(separator: " ").filter { Int($0) != nil }.map(String.init)
    }

    @Test(.enabled(if: available, "needs root and Debian's slurm-wlm and munge (.ci/run installs them)"),
          .timeLimit(.minutes(15)))
    func arrayJobAndGatherGiveThePlainRunsBytesAndACancelledTaskIsResubmittedAlone() throws {
        let cluster = try Cluster.start()
        defer { cluster.stop() }
        let workspace = try Workspace("nqp-slurm")
        defer { workspace.remove() }
        try GenerationTests.addReports(workspace, count: 400)  // ~100 reports per task: time to cancel one mid-run
        let plain = try ShardRunTests.plainRun(workspace)
        let nqp = NQPBinary.url.path

        // 1. The whole round on Slurm.
        let submitted = try cluster.run(nqp, ["slurm", "--config", workspace.config.path, "--shards", "4",
                                              "--cpus-per-task", "1", "--submit"])
        #expect(submitted.status == 0, "\(submitted.stderr)")
        let jobs = Self.jobIDs(submitted.stdout)
        try #require(jobs.count == 2, "\(submitted.stdout)")
        #expect(try cluster.waitUntilFinished(jobs, timeout: 300), "the jobs finish within 5 minutes")
        #expect(try cluster.states(jobs) == Array(repeating: "COMPLETED", count: 5), "4 array tasks and the gather")
        #expect(try workspace.dataFiles() == plain, "array job + gather = one plain run, byte for byte")
        let logs = workspace.output().appendingPathComponent(".nqp/slurm/logs")
        let logNames = try FileManager.default.contentsOfDirectory(atPath: logs.path)
        #expect(logNames.filter { $0.hasPrefix("extract-\(jobs[0])_") }.count == 4)
        #expect(logNames.contains("gather-\(jobs[1]).log"))

        // 2. A fresh round with task 2 cancelled mid-run.
        try FileManager.default.removeItem(at: workspace.output())
        let again = try cluster.run(nqp, ["slurm", "--config", workspace.config.path, "--shards", "4",
                                          "--cpus-per-task", "1", "--submit"])
        let second = Self.jobIDs(again.stdout)
        try #require(second.count == 2, "\(again.stdout) \(again.stderr)")
        let round = workspace.output().appendingPathComponent(".nqp/shards/4")
        let deadline = Date().addingTimeInterval(300)
        var cancelled = false
        while Date() < deadline, !cancelled {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: round.path)) ?? []
            if let folder = names.first(where: { $0.hasPrefix(".2.tmp-") }),
               let size = try? FileManager.default.attributesOfItem(
                   atPath: round.appendingPathComponent(folder).appendingPathComponent("records.jsonl").path)[.size] as? Int,
               size > 0 {
                #expect(try cluster.run("scancel", ["\(second[0])_2"]).status == 0)
                cancelled = true
            } else if names.contains("2") {
                break  // finished before we could cancel it
            }
            usleep(10_000)
        }
        try #require(cancelled, "array task 2 was cancelled while running")
        #expect(try cluster.waitUntilFinished(second, timeout: 300))
        let states = try cluster.states(second)
        #expect(states.filter { $0 == "CANCELLED" }.count == 2, "task 2 and, its dependency never satisfied, the gather: \(states)")
        #expect(!FileManager.default.fileExists(atPath: round.appendingPathComponent("2").path))
        #expect(!FileManager.default.fileExists(atPath: workspace.output().appendingPathComponent("panel.csv").path))

        // The gather names shard 2 and prints the commands that resubmit only it: run them as printed.
        let refused = try cluster.run(nqp, ["run", "--config", workspace.config.path, "--quiet", "--gather"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("shard 2: incomplete"), "\(refused.stderr)")
        let lines = refused.stderr.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let resubmit = lines.filter { $0.hasPrefix("jid=$(sbatch") || $0.hasPrefix("sbatch --dependency") }
        try #require(resubmit.count == 2, "\(refused.stderr)")
        #expect(resubmit[0].contains("--array=2 "))
        let rerun = try cluster.run("bash", ["-c", "set -e; " + resubmit.joined(separator: "; ") + "; echo \"$jid\""])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        // "Submitted batch job 14" (the gather) and the array's id echoed from $jid ("13" or "13;cluster").
        let third = rerun.stdout.split(whereSeparator: \.isNewline).compactMap { line in
            line.split(whereSeparator: { $0 == " " || $0 == ";" }).compactMap { Int($0) }.last.map(String.init)
        }
        try #require(third.count == 2, "gather id and array id: \(rerun.stdout)")
        #expect(try cluster.waitUntilFinished(third, timeout: 300))
        #expect(try cluster.states(third) == ["COMPLETED", "COMPLETED"], "one array task and the gather")
        #expect(try workspace.dataFiles() == plain, "after resubmitting only shard 2: the plain run's bytes")
    }
}
