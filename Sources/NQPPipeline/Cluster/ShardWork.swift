import Foundation
import NQPEncoding
import GRDB
import NQPConfig
import NQPLexicon

/// The reports a cluster round processes and how they are split: every array task, `nqp slurm` and the gather
/// compute it the same way from the same inputs, so they agree without talking to each other.
///
/// Planned by `stat(2)` against the main state store, which is only read (the gather is its one writer): a report
/// whose size and modification time match its stored row, whose stored result key is still current and that
/// succeeded is done; everything else (new, changed, touched, reconfigured, quarantined with `--retry-failed` or
/// unreadable) is work. Nothing is hashed here: on a 60,000-report universe every task would otherwise read
/// every new file; a shard hashes only its own reports.
struct ShardWork {
    struct Entry: Sendable, Hashable {
        var file: FileStat
        var location: URL
    }

    /// The reports to process, sorted by path (UTF-8 byte order).
    var entries: [Entry]
    /// SHA-256 over every entry's path, size and modification time: two plans agree iff their fingerprints do.
    var fingerprint: String
    /// The result keys of this configuration.
    var keys: ResultKeys
    /// Reports present (processed or not).
    var presentCount: Int

    var totalBytes: Int64 { entries.reduce(0) { $0 + $1.file.size } }

    /// The shard of every entry for `count` shards.
    func assignment(shards count: Int) -> [Int] {
        ShardAssignment.assign(entries.map { ShardAssignment.Item(path: $0.file.path, size: $0.file.size) },
                               shards: count)
    }

    /// The entries of one shard, in path order.
    func entries(of shard: ShardSpec) -> [Entry] {
        zip(entries, assignment(shards: shard.count)).filter { $0.1 == shard.index }.map(\.0)
    }

    /// Plans against the stored rows (see ``storedRows(outputFolder:)``).
    static func plan(files: [DiscoveredFile], stored: [String: StateStore.StoredState], keys: ResultKeys,
                     options: PlanOptions) throws(PipelineError) -> ShardWork {
        var entries: [Entry] = []
        var seen = Set<String>()
        for file in files where seen.insert(file.displayPath).inserted {
            let stat: FileStat
            do {
                stat = try FileStat(location: file.url.path, path: file.displayPath)
            } catch {
                throw .input(path: file.displayPath, reason: Diagnostic.text(of: error))
            }
            if !options.force, let old = stored[stat.path], !old.sha256.isEmpty, old.size == stat.size,
               old.modificationTimeNanoseconds == stat.modificationTimeNanoseconds {
                if old.isFailed ? !options.retryFailed : old.resultKey == keys.key(forContentSHA256: old.sha256) {
                    continue  // done: unchanged, or quarantined and not retried
                }
            }
            entries.append(Entry(file: stat, location: file.url))
        }
        entries.sort { $0.file.path.utf8.lexicographicallyPrecedes($1.file.path.utf8) }
        var text = "nqp shard work 1\n"
        for entry in entries {
            text += "\(entry.file.path.utf8.count):\(entry.file.path) \(entry.file.size) \(entry.file.modificationTimeNanoseconds)\n"
        }
        return ShardWork(entries: entries, fingerprint: SHA256.hex(text), keys: keys, presentCount: seen.count)
    }

    /// The rows of the main state store as planning needs them, read without writing anything (no migration, no
    /// journal): many array tasks read it at once over a shared filesystem, only the gather writes it. Empty when
    /// there is no store yet.
    static func storedRows(outputFolder: URL) throws(PipelineError) -> [String: StateStore.StoredState] {
        let path = outputFolder.appendingPathComponent(StateStore.directoryName)
            .appendingPathComponent(StateStore.fileName).path
        guard FileManager.default.fileExists(atPath: path) else { return [:] }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(30)
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            return try queue.read { db in
                var rows: [String: StateStore.StoredState] = [:]
                let cursor = try Row.fetchCursor(
                    db, sql: "SELECT path, size, mtime_ns, sha256, result_key, status FROM reports")
                while let row = try cursor.next() {
                    rows[row[0]] = StateStore.StoredState(
                        size: row[1], modificationTimeNanoseconds: row[2], sha256: row[3], resultKey: row[4],
                        isFailed: (row[5] as String) == ReportStatus.failed.rawValue)
                }
                return rows
            }
        } catch {
            throw .input(path: path, reason: "cannot read the state store: \(Diagnostic.text(of: error))")
        }
    }
}

/// Everything a cluster command needs from the configuration, built once.
struct ShardContext {
    let loaded: LoadedConfig
    let processor: ReportProcessor
    let dictionaries: [KeywordDictionary]
    let scan: ReportDiscovery.Scan
    let keys: ResultKeys

    init(loaded: LoadedConfig, logger: Logger?) throws {
        self.loaded = loaded
        let factory = try StageFactory(readingManifestOf: loaded)
        dictionaries = try factory.dictionaries()
        processor = try factory.processor()
        let config = loaded.config
        scan = try ReportDiscovery.scan(config.reports.paths, relativeTo: loaded.baseDirectory,
                                        include: config.reports.include, exclude: config.reports.exclude)
        // The same result keys as ReportStage: the state store must not be able to tell a gathered result from
        // one made by a plain run.
        keys = ReportStage.keys(loaded: loaded, processor: processor, dictionaries: dictionaries)
    }

    /// What must agree between every shard and the gather (the configuration, its dictionaries and options, the
    /// nqp build).
    var fingerprints: ShardFingerprints {
        ShardFingerprints(nqpVersion: NQPVersion.string, executable: UpToDate.executableStamp,
                          configSHA256: SHA256.hex(loaded.text), cache: keys.fingerprint,
                          dictionaries: dictionaries.map { "\($0.name)=\($0.contentHash)" })
    }
}

import Logging
