import Foundation
import Logging
import NQPConfig

/// Options of `nqp slurm`: the `#SBATCH` settings of the two generated scripts.
public struct SlurmOptions: Sendable {
    /// Array tasks; nil = from the number and size of the reports to process (``SlurmScripts/defaultShards``).
    public var shards: Int?
    public var partition: String?
    public var time: String?
    public var cpusPerTask: Int
    public var mem: String?
    public var account: String?
    /// More `sbatch` options, e.g. `--qos=normal --constraint=avx2`, added to both scripts.
    public var extra: [String]
    /// The nqp binary the tasks run (default: this one). It must be on the shared filesystem.
    public var executable: String

    public init(shards: Int? = nil, partition: String? = nil, time: String? = nil, cpusPerTask: Int = 4,
                mem: String? = nil, account: String? = nil, extra: [String] = [], executable: String) {
        self.shards = shards
        self.partition = partition
        self.time = time
        self.cpusPerTask = cpusPerTask
        self.mem = mem
        self.account = account
        self.extra = extra
        self.executable = executable
    }
}

/// What `nqp slurm` wrote.
public struct SlurmPlan: Sendable {
    public var shards: Int
    public var reports: Int
    public var bytes: Int64
    public var extractScript: URL
    public var gatherScript: URL
    public var logs: URL
    /// Bytes per shard (longest-processing-time assignment).
    public var loads: [Int64]

    /// The commands that submit both jobs, the gather depending on the whole array.
    public var submitCommands: [String] {
        ["jid=$(sbatch --parsable \(SlurmScripts.quoted(extractScript.path)))",
         "sbatch --dependency=afterok:${jid%%;*} \(SlurmScripts.quoted(gatherScript.path))"]
    }
}

/// `nqp slurm`: writes `out/.nqp/slurm/extract.sbatch` (an array job, one task per shard) and `gather.sbatch`
/// (one task, submitted with `--dependency=afterok` on the array). Slurm as it is: no server of ours, only a
/// filesystem every node shares.
public enum SlurmScripts {
    public static let folderName = "slurm"
    public static let extractName = "extract.sbatch"
    public static let gatherName = "gather.sbatch"
    public static let logsName = "logs"

    public static func folder(_ output: URL) -> URL {
        output.appendingPathComponent(StateStore.directoryName).appendingPathComponent(folderName)
    }

    /// Shards for `reports` reports of `bytes` bytes: about 200 reports or 1 GB per task (a few minutes of work
    /// at the measured throughput, README "Running on a cluster"), at least 1, at most one per report and 1,000.
    public static func defaultShards(reports: Int, bytes: Int64) -> Int {
        guard reports > 0 else { return 1 }
        let byCount = (reports + 199) / 200
        let byBytes = Int((bytes + 999_999_999) / 1_000_000_000)
        return min(max(1, max(byCount, byBytes)), min(reports, 1000))
    }

    /// Plans the round, writes both scripts and creates the log folder.
    public static func write(loaded: LoadedConfig, options: SlurmOptions, logger: Logger) throws -> SlurmPlan {
        for value in [options.partition, options.time, options.mem, options.account].compactMap({ $0 }) + options.extra
        where value.contains(where: { $0.isNewline || $0 == "\0" }) {
            throw ShardError.usage("sbatch options cannot contain line breaks: '\(value)'")
        }
        if let time = options.time, !isSlurmTime(time) {
            throw ShardError.usage("--time '\(time)' is not a Slurm time limit; use MM, HH:MM:SS or D-HH:MM:SS (e.g. 02:00:00)")
        }
        guard options.cpusPerTask >= 1 else { throw ShardError.usage("--cpus-per-task must be at least 1") }
        for option in options.extra where !option.hasPrefix("-") {
            throw ShardError.usage("--extra takes sbatch options such as \"--qos=normal\"; '\(option)' is not one")
        }
        let context = try ShardContext(loaded: loaded, logger: logger)
        let output = loaded.outputFolder
        let work = try ShardWork.plan(files: context.scan.files,
                                      stored: try ShardWork.storedRows(outputFolder: output), keys: context.keys,
                                      options: PlanOptions())
        let count = try options.shards.map { n throws(ShardError) in try ShardSpec(index: 0, count: n).count }
            ?? defaultShards(reports: work.entries.count, bytes: work.totalBytes)
        let folder = folder(output)
        let logs = folder.appendingPathComponent(logsName)
        do {
            try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
        } catch {
            throw ShardError.io(path: logs.path, reason: "cannot create: \(error.localizedDescription)")
        }
        let extract = folder.appendingPathComponent(extractName)
        let gather = folder.appendingPathComponent(gatherName)
        try writeScript(extractScript(loaded: loaded, options: options, shards: count, logs: logs), to: extract)
        try writeScript(gatherScript(loaded: loaded, options: options, shards: count, logs: logs), to: gather)
        let items = work.entries.map { ShardAssignment.Item(path: $0.file.path, size: $0.file.size) }
        return SlurmPlan(shards: count, reports: work.entries.count, bytes: work.totalBytes, extractScript: extract,
                         gatherScript: gather, logs: logs, loads: ShardAssignment.loads(items, shards: count))
    }

    static func header(jobName: String, options: SlurmOptions, cpus: Int, log: URL) -> [String] {
        var lines = ["#!/bin/bash", "#SBATCH --job-name=\(jobName)", "#SBATCH --output=\(log.path)",
                     "#SBATCH --cpus-per-task=\(cpus)", "#SBATCH --ntasks=1"]
        if let partition = options.partition { lines.append("#SBATCH --partition=\(partition)") }
        if let time = options.time { lines.append("#SBATCH --time=\(time)") }
        if let mem = options.mem { lines.append("#SBATCH --mem=\(mem)") }
        if let account = options.account { lines.append("#SBATCH --account=\(account)") }
        lines += options.extra.map { "#SBATCH \($0)" }
        return lines
    }

    static func extractScript(loaded: LoadedConfig, options: SlurmOptions, shards: Int, logs: URL) -> String {
        var lines = header(jobName: "nqp-extract", options: options, cpus: options.cpusPerTask,
                           log: logs.appendingPathComponent("extract-%A_%a.log"))
        lines.insert("#SBATCH --array=0-\(shards - 1)", at: 2)
        lines.append("#SBATCH --requeue")
        lines += [
            "# Written by `nqp slurm` (README \"Running on a cluster\"): one task per shard; each writes only",
            "# \(ShardLayout.round(loaded.outputFolder, count: shards).path)/$SLURM_ARRAY_TASK_ID.",
            "# A killed or requeued task can simply run again. Resubmit some shards only: sbatch --array=3,7 this-file",
            "set -u",
            "cd \(quoted(loaded.baseDirectory.path))",
            "\(quoted(options.executable)) run --config \(quoted(loaded.file.path)) --quiet \\",
            "    --shard \"${SLURM_ARRAY_TASK_ID}/\(shards)\" --jobs \"${SLURM_CPUS_PER_TASK:-\(options.cpusPerTask)}\"",
            "status=$?",
            "# Exit 3 = finished with quarantined reports: the shard is complete and the gather reports them (its",
            "# own exit 3); Slurm must count the task as done or the afterok gather would never start.",
            "if [ \"$status\" -eq 3 ]; then exit 0; fi",
            "exit \"$status\"",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    static func gatherScript(loaded: LoadedConfig, options: SlurmOptions, shards: Int, logs: URL) -> String {
        var lines = header(jobName: "nqp-gather", options: options, cpus: options.cpusPerTask,
                           log: logs.appendingPathComponent("gather-%j.log"))
        lines.append("#SBATCH --kill-on-invalid-dep=yes")
        lines += [
            "# Written by `nqp slurm`: submit with --dependency=afterok:<array job id>. Takes in every shard of",
            "# \(ShardLayout.round(loaded.outputFolder, count: shards).path), stores the results in the state store",
            "# and builds the panel exactly as `nqp run` would. Exit 2 names shards that are missing or do not match.",
            "set -u",
            "cd \(quoted(loaded.baseDirectory.path))",
            "exec \(quoted(options.executable)) run --config \(quoted(loaded.file.path)) --quiet --gather --shards \(shards) \\",
            "    --jobs \"${SLURM_CPUS_PER_TASK:-\(options.cpusPerTask)}\" --wait 600",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    static func writeScript(_ text: String, to url: URL) throws(ShardError) {
        do {
            let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
            try Data(text.utf8).write(to: temporary)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: temporary.path)
            try ShardFiles.move(temporary, url)
        } catch let error as ShardError {
            throw error
        } catch {
            throw .io(path: url.path, reason: "cannot write: \(error.localizedDescription)")
        }
    }

    /// Single-quoted for the shell.
    public static func quoted(_ text: String) -> String {
        if !text.isEmpty, text.allSatisfy({ $0.isLetter || $0.isNumber || "/._-+=:,@%".contains($0) }), text.allSatisfy(\.isASCII) {
            return text
        }
        return "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// MM, MM:SS, HH:MM:SS, D-HH, D-HH:MM, D-HH:MM:SS (sbatch --time).
    static func isSlurmTime(_ text: String) -> Bool {
        let dayParts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard dayParts.count <= 2, !text.isEmpty else { return false }
        if dayParts.count == 2, Int(dayParts[0]) == nil { return false }
        let clock = dayParts.last!.split(separator: ":", omittingEmptySubsequences: false)
        guard (1...3).contains(clock.count) else { return false }
        return clock.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
    }

    /// Submits both scripts with `sbatch`; returns the array job's id and the gather job's id.
    public static func submit(_ plan: SlurmPlan, sbatch: String = "sbatch") throws -> (extract: String, gather: String) {
        let extract = try runSbatch(sbatch, ["--parsable", plan.extractScript.path])
        let gather = try runSbatch(sbatch, ["--parsable", "--dependency=afterok:\(extract)", plan.gatherScript.path])
        return (extract, gather)
    }

    static func runSbatch(_ sbatch: String, _ arguments: [String]) throws(ShardError) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [sbatch] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch {
            throw .io(path: sbatch, reason: "cannot start sbatch: \(error.localizedDescription); is Slurm installed on this machine?")
        }
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard process.terminationStatus == 0, let id = text.split(separator: ";").first, Int(id) != nil else {
            throw .io(path: "sbatch \(arguments.joined(separator: " "))",
                      reason: "failed (exit \(process.terminationStatus)): \(String(decoding: errors, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        return String(id)
    }
}
