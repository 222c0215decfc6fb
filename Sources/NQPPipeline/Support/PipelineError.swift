/// Errors of the pipeline itself (not of one report). Each says what to do.
public enum PipelineError: Error, Sendable, Equatable, CustomStringConvertible {
    case missingInput(path: String)
    case dictionary(path: String, reason: String)
    case unknownEncoding(String)
    case output(path: String, reason: String)
    case input(path: String, reason: String)

    public var description: String {
        switch self {
        case .missingInput(let path):
            "\(path): no such file or folder; check the path (paths in pipeline.yml are relative to the file)"
        case let .dictionary(path, reason):
            // Lexicon errors already start with the path; name it once.
            reason.hasPrefix(path) ? reason : "\(path): \(reason)"
        case .unknownEncoding(let label):
            "unknown encoding '\(label)'; use auto, utf-8, gb18030, big5, utf-16le, utf-16be or an iconv name"
        case let .output(path, reason):
            "\(path): cannot write output: \(reason); check free space and permissions — the previous outputs are intact"
        case let .input(path, reason):
            "\(path): \(reason)"
        }
    }
}
