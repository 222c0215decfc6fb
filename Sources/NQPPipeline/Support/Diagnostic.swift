import Foundation
import NQPConfig
import NQPEncoding
import NQPExtract
import NQPLexicon
import NQPScore
import NQPTable

/// One message for the user (README "Exit codes"): where (file, line, column), what is wrong, what to do. Printed
/// as `FILE:LINE:COLUMN: error: WHAT` and, on the next line, `  hint: WHAT TO DO`.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    public var file: String?
    public var line: Int?
    public var column: Int?
    public var what: String
    public var hint: String?

    public init(file: String?, line: Int? = nil, column: Int? = nil, what: String, hint: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.what = what
        self.hint = hint
    }

    /// `FILE:LINE:COLUMN`, as far as known; nil without a file.
    public var location: String? {
        guard let file else { return nil }
        return [file, line.map(String.init), line == nil ? nil : column.map(String.init)]
            .compactMap { $0 }.joined(separator: ":")
    }

    public var description: String {
        var text = (location.map { $0 + ": " } ?? "") + "error: " + what
        if let hint { text += "\n  hint: " + hint }
        return text
    }

    /// One line for logs and `errors.csv`: `FILE: WHAT; HINT`.
    public var oneLine: String {
        (location.map { $0 + ": " } ?? "") + what + (hint.map { "; " + $0 } ?? "")
    }

    /// Any error as one line, for a reason column, a log line or a message that wraps it: a `DiagnosableError`'s
    /// diagnostics (`FILE:LINE: WHAT; HINT`), any other error in `FileErrorReason`'s plain words — not
    /// `"\(error)"`, which prints Foundation's error dumps and Swift enum cases.
    public static func text(of error: any Error) -> String {
        if let diagnosable = error as? any DiagnosableError {
            return diagnosable.diagnostics.map(\.oneLine).joined(separator: "; ")
        }
        return FileErrorReason.describe(error)
    }
}

/// An error that knows its messages and the exit status a command ends with. The command line prints every error
/// through one formatter (`nqp`'s `exitFailure`), so each adopter only says what happened.
public protocol DiagnosableError: Error {
    /// One message per problem (a configuration can have several).
    var diagnostics: [Diagnostic] { get }
    var exitStatus: ExitStatus { get }
}

extension ConfigError: DiagnosableError {
    public var diagnostics: [Diagnostic] {
        problems.map {
            Diagnostic(file: $0.file, line: $0.line, column: $0.column, what: $0.message, hint: $0.hint)
        }
    }

    public var exitStatus: ExitStatus { .configuration }
}

extension PipelineError: DiagnosableError {
    public var diagnostics: [Diagnostic] { [diagnostic] }

    /// Configuration-like problems found at run time (a dictionary, an encoding) keep exit 1, as before typed
    /// errors; only a missing previous run is a usage error (`nqp report` before any `nqp run`).
    public var exitStatus: ExitStatus {
        if case .noPreviousRun = self { return .configuration }
        return .failure
    }
}

extension BatchError: DiagnosableError {
    public var diagnostics: [Diagnostic] { [diagnostic] }
}

extension ShardError: DiagnosableError {
    public var diagnostics: [Diagnostic] { [diagnostic] }
}

/// A report that cannot be read, from `nqp extract`: the file and what is wrong with it.
extension ExtractError: DiagnosableError {
    public var diagnostics: [Diagnostic] {
        [Diagnostic(parsing: description, file: path)]
    }

    public var exitStatus: ExitStatus { .failure }
}

/// A dictionary that cannot be used, from `nqp dict` and `--dictionary`.
extension LexiconError: DiagnosableError {
    public var diagnostics: [Diagnostic] {
        switch self {
        case let .unreadableFile(path, _), let .invalidDictionary(path, _), let .invalidYAML(path, _, _),
             let .invalidLayout(path, _, _):
            [Diagnostic(parsing: description, file: path)]
        case .invalidOption:
            [Diagnostic(file: nil, what: description)]
        }
    }

    public var exitStatus: ExitStatus { .failure }
}

/// A table file that cannot be read or written (`nqp score`): the file and, for a CSV, the line.
extension TableError: DiagnosableError {
    public var diagnostics: [Diagnostic] {
        switch self {
        case let .io(path, _, _), let .malformedCSV(path, _, _), let .malformedDTA(path, _, _),
             let .unsupportedDTAVersion(path, _), let .malformedXLSX(path, _), let .sheetNotFound(path, _, _):
            [Diagnostic(parsing: description, file: path)]
        case .invalidOption, .shapeMismatch, .invalidName, .unrepresentableValue:
            [Diagnostic(file: nil, what: description)]
        }
    }

    public var exitStatus: ExitStatus { .failure }
}

/// A panel that cannot be scored (`nqp score`); the message names the indicator, firm and year.
extension ScoreError: DiagnosableError {
    public var diagnostics: [Diagnostic] { [Diagnostic(file: nil, what: description)] }
    public var exitStatus: ExitStatus { .failure }
}

/// `nqp init`: an existing file is a usage error (exit 2), a failed write a failure.
extension ProjectStarter.Failure: DiagnosableError {
    public var diagnostics: [Diagnostic] {
        switch self {
        case .exists(let path):
            [Diagnostic(file: path, what: "already exists; nqp init never overwrites a file",
                        hint: "move it away, or run nqp init in an empty folder")]
        case let .cannotWrite(path, reason):
            [Diagnostic(file: path, what: "cannot write the starter file (\(reason))",
                        hint: "check the folder's permissions and free space")]
        }
    }

    public var exitStatus: ExitStatus {
        if case .exists = self { return .configuration }
        return .failure
    }
}

/// A report `nqp count` could not read or identify: the file, the stage and why.
extension ReportFailure: DiagnosableError {
    public var diagnostics: [Diagnostic] {
        var diagnostic = Diagnostic(parsing: reason, file: file, alsoNamed: [URL(fileURLWithPath: file).path])
        diagnostic.what = "[\(stage)] " + diagnostic.what
        return [diagnostic]
    }

    public var exitStatus: ExitStatus { .quarantined }
}

extension Diagnostic {
    /// The message `text` about `file`, whose own text may already start with `FILE: ` or `FILE:LINE: ` (as the
    /// stages' error texts do, for logs); the file is then named once and the line kept.
    /// `alsoNamed`: other spellings of the file's path the text may start with (absolute, as opened).
    public init(parsing text: String, file: String, alsoNamed: [String] = []) {
        var rest = Substring(text)
        var line: Int?
        if let prefix = ([file] + alsoNamed).first(where: { rest.hasPrefix($0 + ":") }) {
            let afterFile = rest.dropFirst(prefix.count + 1)
            let digits = afterFile.prefix { $0.isASCII && $0.isNumber }
            if !digits.isEmpty, afterFile.dropFirst(digits.count).hasPrefix(": ") {
                line = Int(digits)
                rest = afterFile.dropFirst(digits.count + 2)
            } else if afterFile.hasPrefix(" ") {
                rest = afterFile.dropFirst()
            }
        }
        self.init(file: file, line: line, what: String(rest))
    }
}
