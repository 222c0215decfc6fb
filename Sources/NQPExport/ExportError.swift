import NQPTable

/// Failures of the export stage: which output file, what went wrong, what to do.
public enum ExportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The table cannot be written (bad names, shapes, values), with the underlying table error.
    case table(file: String, TableError)
    /// The output folder cannot be created or used.
    case outputFolder(path: String, reason: String)
    /// The optional SQLite file failed.
    case sqlite(path: String, reason: String)

    public var description: String {
        switch self {
        case let .table(file, error): return "cannot write \(file): \(error)"
        case let .outputFolder(path, reason):
            return "output folder \(path): \(reason). Check the path and its permissions."
        case let .sqlite(path, reason): return "cannot write \(path): \(reason)"
        }
    }
}
