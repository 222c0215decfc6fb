import Foundation

/// One shard of a cluster run: shard `index` (0-based) of `count` (README "Running on a cluster").
public struct ShardSpec: Sendable, Hashable, CustomStringConvertible {
    let index: Int
    let count: Int
    /// More shards than this is a typo, not a plan: each shard is one Slurm array task.
    static let maximumCount = 100_000

    public init(index: Int, count: Int) throws(ShardError) {
        guard count >= 1, count <= Self.maximumCount else {
            throw .usage("the shard count must be between 1 and \(Self.maximumCount), got \(count)")
        }
        guard index >= 0, index < count else {
            throw .usage("shard \(index) does not exist in \(count) shards: K runs from 0 to \(count - 1)")
        }
        self.index = index
        self.count = count
    }

    /// Parses `K/N` as written on the command line (`--shard 3/16`).
    public init(parsing text: String) throws(ShardError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
            throw .usage("--shard wants K/N (shard K, 0-based, of N), e.g. --shard 0/4; got '\(text)'")
        }
        try self.init(index: index, count: count)
    }

    public var description: String { "\(index)/\(count)" }
}

/// Errors of the cluster commands. `usage` and `gather` are exit 2 (fix the command or rerun the named shards);
/// `io` is exit 1.
public enum ShardError: Error, Sendable, Equatable, CustomStringConvertible {
    case usage(String)
    case gather(String)
    case io(path: String, reason: String)

    /// Where and what (`DiagnosableError`); the messages carry their own advice.
    public var diagnostic: Diagnostic {
        switch self {
        case .usage(let message), .gather(let message): Diagnostic(file: nil, what: message)
        case let .io(path, reason): Diagnostic(file: path, what: reason)
        }
    }

    public var description: String { diagnostic.oneLine }

    public var exitStatus: ExitStatus {
        switch self {
        case .usage, .gather: .configuration
        case .io: .failure
        }
    }
}
