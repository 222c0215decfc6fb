import Foundation
import NQPConfig
import NQPPipeline

/// The one place the command line turns an error into its messages on standard error and its exit status (README
/// "Exit codes"): a `DiagnosableError` prints `FILE:LINE: error: WHAT` and `  hint: WHAT TO DO` per problem and
/// ends with its own status; any other error prints `error: WHAT` and ends with 1.
func exitFailure(_ error: any Error) -> ExitStatusError {
    if let error = error as? ExitStatusError { return error }
    printError(errorMessage(error))
    return ExitStatusError(status: (error as? any DiagnosableError)?.exitStatus ?? .failure)
}

/// The message lines of `error`. With `file`, a problem about `path` (the file as nqp opened it: absolute, or an
/// archive member) names it `file`, as the user typed it, so every message names its file once.
func errorMessage(_ error: any Error, file: String? = nil, path: String? = nil) -> String {
    let diagnostics = (error as? any DiagnosableError)?.diagnostics
        ?? [file.map { Diagnostic(parsing: Diagnostic.text(of: error), file: $0, alsoNamed: [path, absolute($0)].compactMap { $0 }) }
            ?? Diagnostic(file: nil, what: Diagnostic.text(of: error))]
    return diagnostics.map { diagnostic in
        var diagnostic = diagnostic
        if let file, let named = diagnostic.file, [file, path, absolute(file)].contains(named) {
            diagnostic.file = file
        }
        return diagnostic.description
    }.joined(separator: "\n")
}

private func absolute(_ path: String) -> String { URL(fileURLWithPath: path).path }

/// Writes a line to standard error (messages never mix with data on standard output).
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
