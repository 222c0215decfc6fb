import Foundation
import NQPEncoding
import Logging
import NQPLexicon

/// What `nqp run --shard K/N` did.
public struct ShardRunSummary: Sendable {
    var shard: ShardSpec
    /// Reports this shard processed, and in the whole round.
    var reports: Int
    var roundReports: Int
    var bytes: Int64
    var quarantined: Int
    var folder: URL
    var seconds: Double
    public var exitStatus: ExitStatus

    public var rendered: String {
        let rate = seconds > 0 ? String(format: ", %.1f MB/s", Double(bytes) / 1_000_000 / seconds) : ""
        return "shard \(shard): \(reports) of \(roundReports) reports to process (\(bytes) bytes) in "
            + String(format: "%.1f s", seconds) + rate + "; \(quarantined) quarantined; results in \(folder.path)"
    }
}

extension Pipeline {
    /// `nqp run --shard K/N`: extracts and counts this shard's reports and publishes them as
    /// `out/.nqp/shards/N/K/` — never touching the main state store (only read, to plan) or the panel. Killed at
    /// any moment and rerun, it gives the same results: nothing is visible under `K/` until the rename.
    public func runShard(_ shard: ShardSpec, options: RunOptions) throws -> ShardRunSummary {
        let started = Date()
        let context = try ShardContext(loaded: loaded, logger: logger)
        let output = loaded.outputFolder
        let work = try ShardWork.plan(files: context.scan.files,
                                      stored: try ShardWork.storedRows(outputFolder: output), keys: context.keys,
                                      options: PlanOptions(retryFailed: options.retryFailed, force: options.force))
        let mine = work.entries(of: shard)
        logger.info("shard \(shard): \(mine.count) of \(work.entries.count) reports to process (\(work.presentCount) present)",
                    metadata: ["stage": "plan"])

        let round = ShardLayout.round(output, count: shard.count)
        let temporary = round.appendingPathComponent(
            ShardLayout.temporaryPrefix(shard.index) + "\(ShardLayout.hostName)-\(getpid())")
        let fileManager = FileManager.default
        do {
            try fileManager.createDirectory(at: round, withIntermediateDirectories: true)
            try? fileManager.removeItem(at: temporary)
            try fileManager.createDirectory(at: temporary, withIntermediateDirectories: false)
        } catch {
            throw ShardError.io(path: temporary.path, reason: "cannot create the shard folder: \(error.localizedDescription)")
        }
        let recordsURL = temporary.appendingPathComponent(ShardLayout.recordsName)
        guard fileManager.createFile(atPath: recordsURL.path, contents: nil),
              let handle = try? FileHandle(forWritingTo: recordsURL) else {
            throw ShardError.io(path: recordsURL.path, reason: "cannot create the records file")
        }
        // Each report's line is written as soon as it is made (bounded memory); order does not matter, the
        // gather commits by path.
        let sink = BatchLocked((handle: handle, error: String?.none))
        let processor = context.processor, keys = context.keys, logger = logger
        let progress = ProgressReporter.forTerminal(totalReports: mine.count, totalBytes: 0, quiet: options.quiet,
                                                    sink: options.progressSink ?? .standardError())
        progress.begin(stage: "extract+count")
        progress.setTotals(reports: mine.count, bytes: mine.reduce(0) { $0 + $1.file.size })
        let quarantined = ParallelMap.map(mine, jobs: workerCount(options), cost: { $0.file.size }) { entry -> Int in
            let outcome: ReportOutcome
            var failures = 0
            do {
                let sha = try ContentHash.sha256Hex(ofFileAt: entry.location.path)
                let processed = ReportStage.identified(processor.process(fileAt: entry.location,
                                                                         displayPath: entry.file.path,
                                                                         knownSHA256: sha))
                outcome = ReportStage.record(processed, entry: RunPlan.Entry(
                    file: entry.file, category: .new, sha256: sha, resultKey: keys.key(forContentSHA256: sha),
                    needsProcessing: true, statChanged: true))
                for failure in processed.failures {
                    logger.warning("quarantined: \(failure.reason)",
                                   metadata: ["stage": "\(failure.stage)", "file": "\(failure.file)"])
                }
                failures = processed.failures.count
            } catch {
                // As a plain run: a file that cannot be read to hash it is quarantined at stage "read".
                outcome = .failed(file: entry.file, sha256: "", resultKey: "", stage: .read, reason: Diagnostic.text(of: error))
                logger.warning("quarantined: \(Diagnostic.text(of: error))", metadata: ["stage": "read", "file": "\(entry.file.path)"])
                failures = 1
            }
            var line = (try? JSONEncoder().encode(ShardRecord(outcome, at: Date()))) ?? Data()
            line.append(UInt8(ascii: "\n"))
            sink.withLock { state in
                guard state.error == nil else { return }
                do { try state.handle.write(contentsOf: line) } catch { state.error = Diagnostic.text(of: error) }
            }
            progress.advance(reports: 1, bytes: entry.file.size)
            return failures
        }
        progress.finish()
        let writeError = sink.withLock { state -> String? in
            if state.error == nil {
                do { try state.handle.synchronize() } catch { state.error = Diagnostic.text(of: error) }
            }
            try? state.handle.close()
            return state.error
        }
        if let writeError { throw ShardError.io(path: recordsURL.path, reason: "cannot write: \(writeError)") }

        guard let records = try? Data(contentsOf: recordsURL) else {
            throw ShardError.io(path: recordsURL.path, reason: "cannot read back the records file")
        }
        let quarantinedCount = quarantined.reduce(0, +)
        let bytes = mine.reduce(Int64(0)) { $0 + $1.file.size }
        let marker = ShardMarker(shard: shard.index, shards: shard.count, fingerprints: context.fingerprints,
                                 workFingerprint: work.fingerprint, workReports: work.entries.count,
                                 reports: mine.map(\.file.path), bytes: bytes, quarantined: quarantinedCount,
                                 recordsSHA256: SHA256.hex(Array(records)), host: ShardLayout.hostName,
                                 startedAt: BatchTimestamp.string(from: started),
                                 finishedAt: BatchTimestamp.string(from: Date()))
        let markerURL = temporary.appendingPathComponent(ShardLayout.markerName)
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            try encoder.encode(marker).write(to: markerURL)
        } catch {
            throw ShardError.io(path: markerURL.path, reason: "cannot write the completion marker: \(error.localizedDescription)")
        }
        ShardFiles.sync(markerURL)
        ShardFiles.sync(temporary)
        try Self.publishShard(temporary, as: ShardLayout.folder(output, shard), round: round, index: shard.index)
        return ShardRunSummary(shard: shard, reports: mine.count, roundReports: work.entries.count, bytes: bytes,
                               quarantined: quarantinedCount, folder: ShardLayout.folder(output, shard),
                               seconds: Date().timeIntervalSince(started),
                               exitStatus: ExitStatus.completedRun(quarantinedReports: quarantinedCount))
    }

    /// Renames the finished temporary folder to `K/`. A rerun (Slurm requeue) replaces an earlier `K/`: the old
    /// one is first renamed aside, so a gather sees the old whole shard, no shard (missing: exit 2), or the new
    /// whole shard — never a mix. Then removes what killed attempts of this shard left.
    static func publishShard(_ temporary: URL, as final: URL, round: URL, index: Int) throws(ShardError) {
        let fileManager = FileManager.default
        var aside: URL?
        if fileManager.fileExists(atPath: final.path) {
            let old = round.appendingPathComponent(".\(index).old-\(ShardLayout.hostName)-\(getpid())")
            try? fileManager.removeItem(at: old)
            try ShardFiles.move(final, old)
            aside = old
        }
        try ShardFiles.move(temporary, final)
        ShardFiles.sync(round)
        if let aside { try? fileManager.removeItem(at: aside) }
        for leftover in ShardLayout.temporaries(in: round, index: index) { try? fileManager.removeItem(at: leftover) }
        let oldPrefix = ".\(index).old-"
        for name in (try? fileManager.contentsOfDirectory(atPath: round.path)) ?? [] where name.hasPrefix(oldPrefix) {
            try? fileManager.removeItem(at: round.appendingPathComponent(name))
        }
    }
}
