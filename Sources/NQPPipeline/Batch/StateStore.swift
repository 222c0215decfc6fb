import Foundation
import GRDB

/// The incremental state of one output folder: a SQLite database (WAL mode) at `<output>/.nqp/state.sqlite` that
/// remembers, for every input file, its size, mtime, content hash, result key, status and result.
///
/// Every write method runs in a single transaction, so a run killed at any moment leaves the store as it was
/// before or after that call, never in between. Listings are sorted by path (SQLite's BINARY collation, i.e.
/// UTF-8 byte order).
final class StateStore: Sendable {
    /// `.nqp`, the folder inside the output folder that holds the state store and the run lock.
    static let directoryName = ".nqp"
    /// `state.sqlite`.
    static let fileName = "state.sqlite"

    /// The database file.
    let path: String
    private let pool: DatabasePool

    /// Opens (creating if needed) the store of `outputDirectory`, creating `.nqp/` and migrating the schema.
    convenience init(outputDirectory: URL) throws(BatchError) {
        let directory = outputDirectory.appendingPathComponent(Self.directoryName, isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw .stateStore(path: directory.path, operation: "create folder", reason: "\(error)")
        }
        try self.init(databasePath: directory.appendingPathComponent(Self.fileName).path)
    }

    /// Opens (creating if needed) the store at `databasePath` and migrates the schema.
    init(databasePath: String) throws(BatchError) {
        path = databasePath
        var configuration = Configuration()
        configuration.label = "nqp.state"
        // The run lock keeps other nqp writers out; the timeout only covers readers such as `nqp status`.
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            // WAL + NORMAL: a commit survives the process being killed (kill -9) and never corrupts the store; a
            // power loss may drop the last few commits, which only means redoing those reports. FULL would fsync
            // on every per-report commit of a first run.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        do {
            pool = try DatabasePool(path: databasePath, configuration: configuration)  // WAL mode
        } catch {
            throw .stateStore(path: databasePath, operation: "open", reason: "\(error)")
        }
        let migrator = StateStoreSchema.migrator
        do {
            let unknown = try pool.read { db in
                try migrator.appliedIdentifiers(db).subtracting(migrator.migrations)
            }
            if !unknown.isEmpty { throw BatchError.stateStoreTooNew(path: databasePath, unknownMigrations: unknown.sorted()) }
            try migrator.migrate(pool)
        } catch let error as BatchError {
            throw error
        } catch {
            throw .stateStore(path: databasePath, operation: "migrate", reason: "\(error)")
        }
    }

    /// Closes the database; later calls throw.
    func close() throws(BatchError) {
        do { try pool.close() } catch { throw .stateStore(path: path, operation: "close", reason: "\(error)") }
    }

    // MARK: Reading

    /// The row of one path, with its result.
    func report(atPath reportPath: String) throws(BatchError) -> ReportRecord? {
        try read("look-up") { db in try ReportRecord.fetchOne(db, key: reportPath) }
    }

    /// Every row sorted by path. Without results the `result` of each record is nil (cheaper for listings).
    func reports(includingResults: Bool = true) throws(BatchError) -> [ReportRecord] {
        try read("listing") { db in
            try ReportRecord.fetchAll(db, sql: Self.selectSQL(includingResults: includingResults) + " ORDER BY path")
        }
    }

    /// Rows of one status sorted by path (e.g. the quarantined ones for `errors.csv`, without results).
    func reports(withStatus status: ReportStatus, includingResults: Bool = false) throws(BatchError)
        -> [ReportRecord] {
        try read("listing") { db in
            try ReportRecord.fetchAll(
                db, sql: Self.selectSQL(includingResults: includingResults) + " WHERE status = ? ORDER BY path",
                arguments: [status.rawValue])
        }
    }

    /// Number of rows of one status.
    func count(withStatus status: ReportStatus) throws(BatchError) -> Int {
        try read("count") { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM reports WHERE status = ?", arguments: [status.rawValue]) ?? 0
        }
    }

    private static func selectSQL(includingResults: Bool) -> String {
        "SELECT path, size, mtime_ns, sha256, result_key, status, firm, year, stage, reason, first_seen, "
            + "last_seen, \(includingResults ? "result" : "NULL AS result"), updated_at FROM reports"
    }

    // MARK: Writing (one transaction per call)

    /// Records the outcomes of processed reports in one transaction: inserts new paths and updates known ones,
    /// keeping their `first_seen`. A failed outcome clears the stored result (the report leaves the panel).
    /// If any row fails (e.g. a malformed hash) nothing is written.
    func commit(_ outcomes: [ReportOutcome], at now: Date) throws(BatchError) {
        guard !outcomes.isEmpty else { return }
        let stamp = BatchTimestamp.string(from: now)
        try write("commit") { db in
            let statement = try db.cachedStatement(sql: """
                INSERT INTO reports (path, size, mtime_ns, sha256, result_key, status, firm, year, stage, reason,
                                     first_seen, last_seen, result, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(path) DO UPDATE SET
                    size = excluded.size, mtime_ns = excluded.mtime_ns, sha256 = excluded.sha256,
                    result_key = excluded.result_key, status = excluded.status, firm = excluded.firm,
                    year = excluded.year, stage = excluded.stage, reason = excluded.reason,
                    last_seen = excluded.last_seen, result = excluded.result, updated_at = excluded.updated_at
                """)
            for outcome in outcomes {
                let isOK = outcome.status == .ok
                try statement.execute(arguments: [
                    outcome.file.path, outcome.file.size, outcome.file.modificationTimeNanoseconds,
                    outcome.sha256, outcome.resultKey, outcome.status.rawValue, outcome.firm, outcome.year,
                    isOK ? nil : outcome.stage?.rawValue, isOK ? nil : outcome.reason, stamp, stamp,
                    isOK ? outcome.result : nil, stamp,
                ])
            }
        }
    }

    /// Deletes the rows of `paths` (files no longer present) in one transaction.
    func removeReports(atPaths paths: [String]) throws(BatchError) {
        guard !paths.isEmpty else { return }
        try write("delete") { db in
            let statement = try db.cachedStatement(sql: "DELETE FROM reports WHERE path = ?")
            for reportPath in paths { try statement.execute(arguments: [reportPath]) }
        }
    }

    /// Deletes every row whose path is not in `presentPaths`; returns the deleted paths, sorted.
    @discardableResult
    func removeReports(notIn presentPaths: Set<String>) throws(BatchError) -> [String] {
        let gone = try read("listing") { db in try String.fetchAll(db, sql: "SELECT path FROM reports ORDER BY path") }
            .filter { !presentPaths.contains($0) }
        try removeReports(atPaths: gone)
        return gone
    }

    /// Applies the bookkeeping of a plan in one transaction, before or after processing: deletes the rows of
    /// removed files and stores the new size + mtime of files whose content turned out unchanged (touched,
    /// copied), so the next run trusts their stat again instead of re-hashing them. Idempotent.
    func apply(_ plan: RunPlan, at now: Date) throws(BatchError) {
        let refreshed = plan.entries.filter {
            $0.statChanged && ($0.category == .unchanged || $0.category == .quarantined)
                && !$0.sha256.isEmpty
        }
        guard !refreshed.isEmpty || !plan.removed.isEmpty else { return }
        let stamp = BatchTimestamp.string(from: now)
        try write("update") { db in
            let delete = try db.cachedStatement(sql: "DELETE FROM reports WHERE path = ?")
            for reportPath in plan.removed { try delete.execute(arguments: [reportPath]) }
            let update = try db.cachedStatement(
                sql: "UPDATE reports SET size = ?, mtime_ns = ?, updated_at = ? WHERE path = ? AND sha256 = ?")
            for entry in refreshed {
                try update.execute(arguments: [entry.file.size, entry.file.modificationTimeNanoseconds, stamp,
                                               entry.file.path, entry.sha256])
            }
        }
    }

    // MARK: Planning

    /// Classifies the present files against the store (see ``RunPlan/Category``).
    ///
    /// One query reads every stored row (without results). A file whose size and mtime equal the stored ones
    /// keeps its stored hash without being read; every other file is hashed with `hash` (by default SHA-256 of
    /// the file at ``FileStat/location``), `options.hashingJobs` at a time. `resultKeyFor` maps a content hash
    /// to the result key under the current configuration (see ``ResultKeys/key(forContentSHA256:)``).
    /// Duplicate paths in `current` are ignored after the first.
    ///
    /// A quarantined file is retried only when its content changed (category `changed`) or with
    /// `retryFailed`/`force` (category `retry`); a configuration change alone does not retry it.
    func plan(current: [FileStat], options: PlanOptions = PlanOptions(),
                     resultKeyFor: (String) -> String,
                     hash: @escaping @Sendable (FileStat) throws -> String = { try ContentHash.sha256Hex(ofFileAt: $0.location) })
        throws(BatchError) -> RunPlan {
        let stored = try read("planning") { db in
            var rows: [String: StoredState] = [:]
            let cursor = try Row.fetchCursor(
                db, sql: "SELECT path, size, mtime_ns, sha256, result_key, status FROM reports")
            while let row = try cursor.next() {
                let state = StoredState(size: row[1], modificationTimeNanoseconds: row[2], sha256: row[3],
                                        resultKey: row[4], isFailed: (row[5] as String) == ReportStatus.failed.rawValue)
                rows[row[0]] = state
            }
            return rows
        }
        return Self.plan(current: current, stored: stored, options: options, resultKeyFor: resultKeyFor, hash: hash)
    }

    /// What planning needs of a stored row.
    struct StoredState {
        var size: Int64
        var modificationTimeNanoseconds: Int64
        var sha256: String
        var resultKey: String
        var isFailed: Bool
    }

    static func plan(current: [FileStat], stored: [String: StoredState], options: PlanOptions,
                     resultKeyFor: (String) -> String, hash: @escaping @Sendable (FileStat) throws -> String) -> RunPlan {
        var seen = Set<String>()
        let files = current.filter { seen.insert($0.path).inserted }
            .sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }

        // Trust the stored hash when size and mtime are unchanged; hash everything else.
        var hashes = [String?](repeating: nil, count: files.count)
        var toHash: [Int] = []
        for (index, file) in files.enumerated() {
            if !options.force, let old = stored[file.path], !old.sha256.isEmpty, old.size == file.size,
               old.modificationTimeNanoseconds == file.modificationTimeNanoseconds {
                hashes[index] = old.sha256
            } else {
                toHash.append(index)
            }
        }
        let computed = hashConcurrently(toHash.map { files[$0] }, jobs: options.hashingJobs, hash: hash)
        var failures: [Int: String] = [:]  // index → reason
        var hashedBytes: Int64 = 0
        for (position, index) in toHash.enumerated() {
            switch computed[position] {
            case .success(let sha): hashes[index] = sha; hashedBytes += files[index].size
            case .failure(let failure): failures[index] = failure.description
            }
        }

        var entries: [RunPlan.Entry] = []
        entries.reserveCapacity(files.count)
        for (index, file) in files.enumerated() {
            let old = stored[file.path]
            let statChanged = old.map {
                $0.size != file.size || $0.modificationTimeNanoseconds != file.modificationTimeNanoseconds
            } ?? true
            guard let sha = hashes[index] else {
                // Already quarantined as unreadable and still unreadable: nothing new to record.
                let known = old.map { $0.isFailed && $0.sha256.isEmpty } ?? false
                entries.append(RunPlan.Entry(file: file, category: known ? .quarantined : .unreadable, sha256: "",
                                             resultKey: "", needsProcessing: false, statChanged: statChanged,
                                             unreadableReason: failures[index]))
                continue
            }
            let key = resultKeyFor(sha)
            let category: RunPlan.Category
            let process: Bool
            if let old {
                if old.sha256 != sha {
                    (category, process) = (.changed, true)
                } else if old.isFailed {
                    (category, process) = options.retryFailed || options.force ? (.retry, true) : (.quarantined, false)
                } else if old.resultKey != key {
                    (category, process) = (.reconfigured, true)
                } else {
                    (category, process) = (.unchanged, options.force)
                }
            } else {
                (category, process) = (.new, true)
            }
            entries.append(RunPlan.Entry(file: file, category: category, sha256: sha, resultKey: key,
                                         needsProcessing: process, statChanged: statChanged))
        }
        let removed = stored.keys.filter { !seen.contains($0) }
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return RunPlan(entries: entries, removed: removed, hashedFiles: toHash.count - failures.count,
                       hashedBytes: hashedBytes, isForced: options.force)
    }

    /// Hashes `files` with `jobs` workers; each result is the hash or the reason the file could not be read.
    private static func hashConcurrently(_ files: [FileStat], jobs: Int,
                                         hash: @escaping @Sendable (FileStat) throws -> String) -> [Result<String, HashFailure>] {
        let results = BatchLocked([Result<String, HashFailure>](repeating: .failure(HashFailure("not hashed")),
                                                               count: files.count))
        @Sendable func one(_ index: Int) {
            let result: Result<String, HashFailure>
            do { result = .success(try hash(files[index])) } catch { result = .failure(HashFailure("\(error)")) }
            results.withLock { $0[index] = result }
        }
        let workers = min(jobs, files.count)
        if workers <= 1 {
            for index in files.indices { one(index) }
        } else {
            // Stripe the files over the workers so at most `jobs` files are read at once.
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                for index in stride(from: worker, to: files.count, by: workers) { one(index) }
            }
        }
        return results.withLock { $0 }
    }

    // MARK: Plumbing

    private func read<T>(_ operation: String, _ body: (Database) throws -> T) throws(BatchError) -> T {
        do { return try pool.read(body) } catch {
            throw .stateStore(path: path, operation: operation, reason: "\(error)")
        }
    }

    private func write(_ operation: String, _ body: (Database) throws -> Void) throws(BatchError) {
        do { try pool.write(body) } catch {
            throw .stateStore(path: path, operation: operation, reason: "\(error)")
        }
    }
}

/// Why a file could not be hashed (a message, so results stay `Sendable` and comparable).
struct HashFailure: Error, Sendable, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
