/// The process exit codes of `nqp`, one meaning each, so cron and shell scripts can branch on them.
///
/// The order of precedence when several apply is the caller's: a held lock or a configuration error stops a run
/// before any work, a failure aborts it, and `quarantined` is only reported for a run that otherwise completed.
public enum ExitStatus: Int32, Sendable, Equatable, CaseIterable, Codable, CustomStringConvertible {
    /// Every input was processed and every output written.
    case success = 0
    /// The run failed (I/O error, disk full, corrupt state store, a bug); the last good outputs are untouched.
    case failure = 1
    /// The configuration or the command line is invalid; nothing was read or written.
    case configuration = 2
    /// The run completed and wrote its outputs, but some inputs were quarantined (listed in `errors.csv`).
    case quarantined = 3
    /// Another `nqp` process holds the lock on the output folder (see ``RunLock``); nothing was done.
    case lockHeld = 4

    /// The status of a run that completed: `quarantined` when any report is quarantined, else `success`.
    public static func completedRun(quarantinedReports: Int) -> ExitStatus {
        quarantinedReports > 0 ? .quarantined : .success
    }

    public var description: String {
        switch self {
        case .success: "success"
        case .failure: "failure"
        case .configuration: "configuration error"
        case .quarantined: "completed with quarantined inputs"
        case .lockHeld: "lock held by another run"
        }
    }
}
