/// Everything that can go wrong in NQPLexicon. Messages say where (file, line), what, and what to do.
public enum LexiconError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The dictionary file could not be read at all.
    case unreadableFile(path: String, reason: String)
    /// The file is not valid YAML (or not UTF-8); `line` is 1-based when known.
    case invalidYAML(path: String, line: Int?, reason: String)
    /// The YAML is well formed but does not have the dictionary layout.
    case invalidLayout(path: String, line: Int?, reason: String)
    /// The dictionary loaded but has problems of severity `.error` (see `KeywordDictionary.check`).
    case invalidDictionary(path: String, problems: [DictionaryProblem])
    /// A counting option is unusable (for example an empty negation word).
    case invalidOption(field: String, reason: String)

    public var description: String {
        switch self {
        case let .unreadableFile(path, reason):
            return "\(path): cannot read the dictionary file (\(reason)); check the path and permissions."
        case let .invalidYAML(path, line, reason):
            return "\(Self.place(path, line)): not valid YAML: \(reason). Fix the syntax (indentation, quotes) there."
        case let .invalidLayout(path, line, reason):
            return "\(Self.place(path, line)): \(reason). See dictionaries/README.md for the dictionary layouts."
        case let .invalidDictionary(path, problems):
            let errors = problems.filter { $0.severity == .error }
            let listed = errors.prefix(5).map { "  \($0)" }.joined(separator: "\n")
            let more = errors.count > 5 ? "\n  … and \(errors.count - 5) more" : ""
            return "\(path): \(errors.count) problem(s) make this dictionary unusable; fix them (`nqp dict check` "
                + "lists every problem):\n\(listed)\(more)"
        case let .invalidOption(field, reason):
            return "counting option `\(field)`: \(reason)"
        }
    }

    static func place(_ path: String, _ line: Int?) -> String {
        if let line { return "\(path):\(line)" }
        return path
    }
}
