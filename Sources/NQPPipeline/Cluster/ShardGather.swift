import Foundation
import Logging
import NQPConfig

/// Options of `nqp run --gather`.
public struct GatherOptions: Sendable {
    /// Build from the shards that are there (warnings; the missing ones in the manifest) instead of exit 2.
    var allowPartial: Bool
    /// Which round (`out/.nqp/shards/N`); nil = the only one, or the one planned over the current work.
    var shards: Int?
    /// As given to the shards (`--force`, `--retry-failed`): they change what the round had to process.
    var force: Bool
    var retryFailed: Bool

    public init(allowPartial: Bool = false, shards: Int? = nil, force: Bool = false, retryFailed: Bool = false) {
        self.allowPartial = allowPartial
        self.shards = shards
        self.force = force
        self.retryFailed = retryFailed
    }
}

/// The shards of a gather, as recorded in `manifest.json` (`shards`).
struct GatherRecord: Encodable {
    var shards: Int
    var gathered: [Int]
    var problems: [ShardProblem]
    var reportsGathered: Int
    /// Reports of the problem shards, left out of this panel (a partial gather).
    var reportsLeftOut: [String]
    var partial: Bool

    enum CodingKeys: String, CodingKey {
        case shards, gathered, problems = "not_gathered", reportsGathered = "reports_gathered"
        case reportsLeftOut = "reports_left_out", partial
    }
}

/// Why a shard cannot be gathered.
struct ShardProblem: Encodable, Sendable, CustomStringConvertible {
    enum Kind: String, Encodable, Sendable {
        /// No results and no temporary folder: never ran, or its node died before creating anything.
        case missing
        /// A temporary folder but no finished shard: still running, or killed.
        case incomplete
        /// Finished, but made with another configuration, dictionaries, nqp build or work list.
        case mismatched
        /// Finished, but its files are damaged.
        case failed
    }

    var shard: Int
    var kind: Kind
    var reason: String

    public var description: String { "shard \(shard): \(kind.rawValue) — \(reason)" }
}

/// What a gather hands back to the run that builds the panel.
struct GatherPreparation {
    /// Reports of shards not gathered: left out of this run as if absent.
    var withheld: Set<String> = []
    var warnings: [String] = []
    var record: GatherRecord?
    /// The round folder, removed once the panel is published (its results are in the main store then).
    var round: URL?

    func removeRound() {
        if let round { try? FileManager.default.removeItem(at: round) }
    }
}

/// `nqp run --gather`: checks every shard of a round and commits their results to the main state store; the run
/// then plans as usual, finds those reports unchanged and builds the panel exactly as a plain run would.
enum ShardGather {
    /// Called by `Pipeline.run` holding the output folder's lock, with the main store open.
    static func prepare(loaded: LoadedConfig, store: StateStore, options: GatherOptions,
                        logger: Logger) throws -> GatherPreparation {
        let context = try ShardContext(loaded: loaded, logger: nil)
        var stored: [String: StateStore.StoredState] = [:]
        for row in try store.reports(includingResults: false) {
            stored[row.path] = StateStore.StoredState(size: row.size, modificationTimeNanoseconds: row.modificationTimeNanoseconds,
                                                      sha256: row.sha256, resultKey: row.resultKey,
                                                      isFailed: row.status == .failed)
        }
        let work = try ShardWork.plan(files: context.scan.files, stored: stored, keys: context.keys,
                                      options: PlanOptions(retryFailed: options.retryFailed, force: options.force))
        let output = loaded.outputFolder
        guard !work.entries.isEmpty else {
            logger.info("gather: nothing to process in this round; building the panel from the state store",
                        metadata: ["stage": "gather"])
            // Rounds planned over this same (empty) work hold nothing to take in: removed with the publish.
            let empty = ShardLayout.rounds(output).filter { count in
                options.shards.map { $0 == count } ?? true
            }.filter { count in roundMarkers(output: output, count: count).allSatisfy { $0.workFingerprint == work.fingerprint } }
            return GatherPreparation(round: empty.count == 1 ? ShardLayout.round(output, count: empty[0]) : nil)
        }
        let count = try roundCount(output: output, requested: options.shards, work: work)
        let round = ShardLayout.round(output, count: count)
        let assignment = work.assignment(shards: count)
        var expected = [[String]](repeating: [], count: count)
        for (entry, shard) in zip(work.entries, assignment) { expected[shard].append(entry.file.path) }
        let fingerprints = context.fingerprints

        var problems: [ShardProblem] = []
        var finished: [(Int, FinishedShard)] = []
        for index in 0..<count {
            let folder = round.appendingPathComponent(String(index))
            guard FileManager.default.fileExists(atPath: folder.appendingPathComponent(ShardLayout.markerName).path) else {
                let running = !ShardLayout.temporaries(in: round, index: index).isEmpty
                problems.append(running
                    ? ShardProblem(shard: index, kind: .incomplete, reason: "started but not finished (still running, or killed)")
                    : ShardProblem(shard: index, kind: .missing, reason: "no results in \(folder.path)"))
                continue
            }
            let shard: FinishedShard
            do {
                shard = try FinishedShard.read(folder)
            } catch {
                problems.append(ShardProblem(shard: index, kind: .failed, reason: error.description))
                continue
            }
            let differences = fingerprints.differences(from: shard.marker.fingerprints)
            if !differences.isEmpty {
                problems.append(ShardProblem(shard: index, kind: .mismatched,
                                             reason: "made with " + differences.joined(separator: "; ")))
            } else if shard.marker.workFingerprint != work.fingerprint || shard.marker.shards != count
                        || shard.marker.shard != index {
                problems.append(ShardProblem(shard: index, kind: .mismatched,
                                             reason: "planned over another set of reports to process (reports were added, changed or removed since, or --force/--retry-failed differ)"))
            } else if shard.marker.reports != expected[index] || Set(shard.records.map(\.path)) != Set(expected[index])
                        || shard.records.count != expected[index].count {
                problems.append(ShardProblem(shard: index, kind: .failed,
                                             reason: "its records do not cover exactly its \(expected[index].count) reports"))
            } else {
                finished.append((index, shard))
            }
        }

        if !problems.isEmpty && !options.allowPartial {
            throw ShardError.gather(problemMessage(problems, count: count, round: round, loaded: loaded))
        }
        // Commit each record with the time it was processed, as a plain run would have.
        var reportsGathered = 0
        for (_, shard) in finished {
            let groups = Dictionary(grouping: shard.records) { BatchTimestamp.string(from: Date(timeIntervalSince1970: $0.processedAt)) }
            for stamp in groups.keys.sorted() {
                let records = groups[stamp] ?? []
                try store.commit(records.map(\.outcome),
                                 at: Date(timeIntervalSince1970: records[0].processedAt))
            }
            reportsGathered += shard.records.count
        }
        var preparation = GatherPreparation(round: round)
        for problem in problems {
            preparation.withheld.formUnion(expected[problem.shard])
            preparation.warnings.append("partial gather: \(problem) — its \(expected[problem.shard].count) reports are left out of this panel")
        }
        preparation.record = GatherRecord(shards: count, gathered: finished.map(\.0), problems: problems,
                                          reportsGathered: reportsGathered,
                                          reportsLeftOut: preparation.withheld.sorted {
                                              $0.utf8.lexicographicallyPrecedes($1.utf8) },
                                          partial: !problems.isEmpty)
        for warning in preparation.warnings { logger.warning("\(warning)", metadata: ["stage": "gather"]) }
        logger.info("gather: \(finished.count) of \(count) shards, \(reportsGathered) reports committed to the state store",
                    metadata: ["stage": "gather"])
        return preparation
    }

    /// The round to gather: the requested one, the only one, or the only one with a shard planned over `work`.
    static func roundCount(output: URL, requested: Int?, work: ShardWork) throws(ShardError) -> Int {
        if let requested {
            guard requested >= 1 else { throw .usage("--shards must be at least 1") }
            return requested
        }
        let rounds = ShardLayout.rounds(output)
        switch rounds.count {
        case 0:
            throw .gather("no shard results under \(ShardLayout.shards(output).path): run `nqp run --shard K/N` for every K from 0 to N-1 (or `nqp slurm --submit`), then gather; \(work.entries.count) reports are waiting to be processed")
        case 1:
            return rounds[0]
        default:
            let current = rounds.filter { count in
                roundMarkers(output: output, count: count).contains { $0.workFingerprint == work.fingerprint }
            }
            if current.count == 1 { return current[0] }
            throw .usage("several shard rounds under \(ShardLayout.shards(output).path) (N = \(rounds.map(String.init).joined(separator: ", "))); say which with --shards N")
        }
    }

    /// The completion markers present in a round.
    static func roundMarkers(output: URL, count: Int) -> [ShardMarker] {
        (0..<count).compactMap { index in
            let url = ShardLayout.round(output, count: count).appendingPathComponent(String(index))
                .appendingPathComponent(ShardLayout.markerName)
            return (try? Data(contentsOf: url)).flatMap { try? JSONDecoder().decode(ShardMarker.self, from: $0) }
        }
    }

    /// Exit-2 message: what is wrong with which shard and the commands that redo only those.
    static func problemMessage(_ problems: [ShardProblem], count: Int, round: URL, loaded: LoadedConfig) -> String {
        let list = problems.map { String($0.shard) }.joined(separator: ",")
        var lines = ["\(problems.count) of \(count) shards cannot be gathered (\(round.path)); nothing was written:"]
        lines += problems.map { "  \($0)" }
        let scripts = SlurmScripts.folder(loaded.outputFolder)
        let extract = scripts.appendingPathComponent(SlurmScripts.extractName).path
        let gather = scripts.appendingPathComponent(SlurmScripts.gatherName).path
        lines.append("Resubmit only these shards, then gather again:")
        lines.append("  jid=$(sbatch --parsable --array=\(list) \(SlurmScripts.quoted(extract)))")
        lines.append("  sbatch --dependency=afterok:${jid%%;*} \(SlurmScripts.quoted(gather))")
        lines.append("Without Slurm: " + problems.map {
            "nqp run --config \(SlurmScripts.quoted(loaded.file.path)) --shard \($0.shard)/\(count)"
        }.joined(separator: "; ") + "; then nqp run --config \(SlurmScripts.quoted(loaded.file.path)) --gather")
        lines.append("Or build the panel from the shards that are there: nqp run --gather --allow-partial")
        return lines.joined(separator: "\n")
    }
}
