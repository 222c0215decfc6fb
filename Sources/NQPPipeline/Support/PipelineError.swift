/// Errors of the pipeline itself (not of one report). Each says what to do.
public enum PipelineError: Error, Sendable, Equatable, CustomStringConvertible {
    case missingInput(path: String)
    case dictionary(path: String, reason: String)
    case unknownEncoding(String)
    case output(path: String, reason: String)
    case input(path: String, reason: String)
    /// `nqp report` found no `manifest.json`: there is no run to report on yet.
    case noPreviousRun(manifest: String, config: String)

    /// Where, what and what to do (`DiagnosableError`).
    public var diagnostic: Diagnostic {
        switch self {
        case .missingInput(let path):
            Diagnostic(file: path, what: "no such file or folder",
                       hint: "check the path (paths in pipeline.yml are relative to the file)")
        case let .dictionary(path, reason):
            // Lexicon errors already start with the path (and line); name it once.
            Diagnostic(parsing: reason, file: path)
        case .unknownEncoding(let label):
            Diagnostic(file: nil, what: "unknown encoding '\(label)'",
                       hint: "use auto, utf-8, gb18030, big5, utf-16le, utf-16be or an iconv name")
        case let .output(path, reason):
            Diagnostic(file: path, what: "cannot write output: \(reason)",
                       hint: "check free space and permissions — the previous outputs are intact")
        case let .input(path, reason):
            Diagnostic(parsing: reason, file: path)
        case let .noPreviousRun(manifest, config):
            Diagnostic(file: manifest, what: "no manifest.json in the output folder",
                       hint: "run `nqp run --config \(config)` first")
        }
    }

    public var description: String { diagnostic.oneLine }
}
