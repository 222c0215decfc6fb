/// One problem found in a configuration file, printed as `file:line:column: message` plus a hint.
///
/// `nqp validate` prints every problem it finds, not just the first, so the decoder collects them instead of
/// stopping (see `ConfigDecoder`).
public struct ConfigProblem: Sendable, Equatable, CustomStringConvertible, Codable {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var message: String
    public var hint: String?

    public init(file: String, line: Int? = nil, column: Int? = nil, message: String, hint: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.hint = hint
    }

    public var location: String {
        switch (line, column) {
        case let (line?, column?): "\(file):\(line):\(column)"
        case let (line?, nil): "\(file):\(line)"
        default: file
        }
    }

    public var description: String {
        var text = "\(location): error: \(message)"
        if let hint { text += "\n  hint: \(hint)" }
        return text
    }
}

/// The configuration could not be used; every problem found is listed. Exit code 2.
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    public var problems: [ConfigProblem]
    public init(problems: [ConfigProblem]) { self.problems = problems }
    public init(_ problem: ConfigProblem) { self.problems = [problem] }

    public var description: String {
        problems.map(\.description).joined(separator: "\n")
    }
}

/// Suggests the closest known name for a misspelt one ("did you mean …?"), by edit distance.
enum Suggestion {
    static func closest(to name: String, among candidates: some Sequence<String>) -> String? {
        let source = Array(name.lowercased().unicodeScalars)
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(source, Array(candidate.lowercased().unicodeScalars))
            if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        // Only suggest plausible typos: at most a third of the name's length, and never for tiny names.
        guard let best, best.distance <= max(1, source.count / 3) else { return nil }
        return best.name
    }

    /// Optimal-string-alignment distance: insertions, deletions, substitutions and transpositions of neighbours
    /// each cost 1, so the common typo `mdoe` is one step from `mode`.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
