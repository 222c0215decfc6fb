import Foundation

/// Errors of the batch machinery (state store, run lock, atomic writes, log files).
///
/// Every message says where (a path), what went wrong and what to do. ``exitStatus`` maps each case to the
/// process exit code the CLI should use.
public enum BatchError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Another process holds the run lock. `holder` is what that process wrote into the lock file (nil when it
    /// could not be read, e.g. the holder had just acquired the lock and not written it yet).
    case lockHeld(lockPath: String, holder: LockHolder?)
    /// The lock file could not be opened or locked for a reason other than contention.
    case lockUnavailable(lockPath: String, reason: String)
    /// The state store could not be opened, migrated, read or written.
    case stateStore(path: String, operation: String, reason: String)
    /// The state store was created by a newer nqp with migrations this version does not know.
    case stateStoreTooNew(path: String, unknownMigrations: [String])
    /// An input file could not be examined (stat) or read (hashing).
    case fileUnreadable(path: String, reason: String)
    /// An output file could not be written; the previous version of the file, if any, is intact.
    case writeFailed(path: String, reason: String)
    /// The log file given with `--log-file` could not be opened for appending.
    case logFileUnavailable(path: String, reason: String)

    /// The exit code the CLI uses when a run stops with this error.
    public var exitStatus: ExitStatus {
        switch self {
        case .lockHeld: .lockHeld
        case .logFileUnavailable: .configuration
        case .lockUnavailable, .stateStore, .stateStoreTooNew, .fileUnreadable, .writeFailed: .failure
        }
    }

    /// Where, what and what to do (`DiagnosableError`).
    public var diagnostic: Diagnostic {
        switch self {
        case let .lockHeld(lockPath, holder):
            let who = holder.map { "process \($0.pid) (started \($0.startedAt))" } ?? "another process"
            return Diagnostic(file: lockPath, what: "\(who) is already running nqp on this output folder",
                              hint: "wait for it to finish or rerun with --wait SECONDS (the lock is released "
                                  + "automatically when that process exits — never delete the lock file by hand)")
        case let .lockUnavailable(lockPath, reason):
            return Diagnostic(file: lockPath, what: "cannot take the run lock: \(reason)",
                              hint: "check that the output folder is writable and on a local file system that "
                                  + "supports flock")
        case let .stateStore(path, operation, reason):
            return Diagnostic(file: path, what: "state store \(operation) failed: \(reason)",
                              hint: "the outputs of the last good run are intact — fix the cause (disk space, "
                                  + "permissions) and rerun, or delete the .nqp folder to rebuild the state from "
                                  + "scratch with --force")
        case let .stateStoreTooNew(path, unknownMigrations):
            return Diagnostic(file: path, what: "the state store was written by a newer nqp (unknown schema "
                                  + "versions: \(unknownMigrations.joined(separator: ", ")))",
                              hint: "upgrade nqp or use another output folder")
        case let .fileUnreadable(path, reason):
            return Diagnostic(file: path, what: "cannot read the file: \(reason)",
                              hint: "check that it exists and is readable")
        case let .writeFailed(path, reason):
            return Diagnostic(file: path, what: "cannot write the file: \(reason)",
                              hint: "the previous version is intact — free disk space or fix permissions and rerun")
        case let .logFileUnavailable(path, reason):
            return Diagnostic(file: path, what: "cannot open the log file for appending: \(reason)",
                              hint: "check --log-file")
        }
    }

    public var description: String { diagnostic.oneLine }
}

/// The text of the C `errno` value, e.g. "Permission denied (errno 13)".
func errnoDescription(_ code: Int32) -> String {
    "\(String(cString: strerror(code))) (errno \(code))"
}
