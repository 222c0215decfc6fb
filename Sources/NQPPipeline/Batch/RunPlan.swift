/// What an incremental run will do with each input file, computed by ``StateStore/plan(current:options:resultKeyFor:hash:)``
/// without reading any report whose size and modification time are unchanged.
struct RunPlan: Sendable, Equatable {
    /// Why a present file is (or is not) processed.
    enum Category: String, Sendable, Codable, Equatable, CaseIterable {
        /// The path was never seen.
        case new
        /// The content hash differs from the stored one (a quarantined file that changed is also `changed`).
        case changed
        /// Same content, but the result key differs: a dictionary, option or extractor version changed.
        case reconfigured
        /// Same content and same result key, last processed successfully: reuse the stored result.
        case unchanged
        /// Quarantined, content unchanged, retried because of `retryFailed` or `force`.
        case retry
        /// Quarantined, content unchanged, skipped: stays in `errors.csv`.
        case quarantined
        /// The file could not be read to hash it; the caller quarantines it (stage "read").
        case unreadable
    }

    /// One present input file.
    struct Entry: Sendable, Equatable {
        var file: FileStat
        var category: Category
        /// Content hash: the stored one when size and mtime were unchanged, else freshly computed; empty when
        /// the file is unreadable.
        var sha256: String
        /// The result key for this content under the current configuration (empty when unreadable).
        var resultKey: String
        /// True when the caller must run the stages on this file.
        var needsProcessing: Bool
        /// True when size or mtime differ from the stored row (so the store refreshes them, see ``StateStore/apply(_:at:)``).
        var statChanged: Bool
        /// Why the file is unreadable (category `unreadable`).
        var unreadableReason: String?

        init(file: FileStat, category: Category, sha256: String, resultKey: String, needsProcessing: Bool,
                    statChanged: Bool, unreadableReason: String? = nil) {
            self.file = file
            self.category = category
            self.sha256 = sha256
            self.resultKey = resultKey
            self.needsProcessing = needsProcessing
            self.statChanged = statChanged
            self.unreadableReason = unreadableReason
        }
    }

    /// Every present file, sorted by path (UTF-8 byte order, as SQLite sorts).
    var entries: [Entry]
    /// Paths in the store that are no longer present, sorted; their rows leave the panel.
    var removed: [String]
    /// How many files were read to hash them (0 on a no-change rerun).
    var hashedFiles: Int
    /// How many bytes were hashed.
    var hashedBytes: Int64
    /// Whether everything is redone (`--force`).
    var isForced: Bool

    init(entries: [Entry], removed: [String], hashedFiles: Int, hashedBytes: Int64, isForced: Bool) {
        self.entries = entries
        self.removed = removed
        self.hashedFiles = hashedFiles
        self.hashedBytes = hashedBytes
        self.isForced = isForced
    }

    /// Entries of one category, in path order.
    func entries(_ category: Category) -> [Entry] { entries.filter { $0.category == category } }

    var new: [Entry] { entries(.new) }
    var changed: [Entry] { entries(.changed) }
    var reconfigured: [Entry] { entries(.reconfigured) }
    var unchanged: [Entry] { entries(.unchanged) }
    var retry: [Entry] { entries(.retry) }
    var quarantined: [Entry] { entries(.quarantined) }
    var unreadable: [Entry] { entries(.unreadable) }

    /// The files to run through the stages, in path order.
    var toProcess: [Entry] { entries.filter(\.needsProcessing) }

    /// Number of present files per category plus `removed`, for `nqp status` and the run summary.
    var counts: Counts {
        var counts = Counts()
        for entry in entries {
            switch entry.category {
            case .new: counts.new += 1
            case .changed: counts.changed += 1
            case .reconfigured: counts.reconfigured += 1
            case .unchanged: counts.unchanged += 1
            case .retry: counts.retry += 1
            case .quarantined: counts.quarantined += 1
            case .unreadable: counts.unreadable += 1
            }
        }
        counts.removed = removed.count
        counts.toProcess = entries.reduce(0) { $0 + ($1.needsProcessing ? 1 : 0) }
        return counts
    }

    /// Category sizes of a plan.
    struct Counts: Sendable, Equatable, Codable {
        var new = 0, changed = 0, reconfigured = 0, unchanged = 0, retry = 0, quarantined = 0
        var unreadable = 0, removed = 0, toProcess = 0
        init() {}

        enum CodingKeys: String, CodingKey {
            case new, changed, reconfigured, unchanged, retry, quarantined, unreadable, removed
            case toProcess = "to_process"
        }
    }
}

/// Options of ``StateStore/plan(current:options:resultKeyFor:hash:)``.
struct PlanOptions: Sendable, Equatable {
    /// Retry quarantined files whose content did not change (`--retry-failed`).
    var retryFailed: Bool
    /// Redo everything and re-hash every file instead of trusting size + mtime (`--force`).
    var force: Bool
    /// Files hashed in parallel (`--jobs`).
    var hashingJobs: Int

    init(retryFailed: Bool = false, force: Bool = false, hashingJobs: Int = 1) {
        self.retryFailed = retryFailed
        self.force = force
        self.hashingJobs = max(1, hashingJobs)
    }
}
