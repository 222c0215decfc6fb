/// One finding of `KeywordDictionary.check(contentsOf:)`: where, how bad, and what.
public struct DictionaryProblem: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
    /// How bad a problem is. `error`: the dictionary cannot be used. `warning`: it can be used, but something is
    /// probably a mistake (a repeated keyword). `note`: worth knowing (a keyword listed in two categories counts in
    /// both; a keyword was changed by NFKC normalisation).
    public enum Severity: String, Sendable, Codable, Comparable {
        case note, warning, error
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
        private var rank: Int { self == .note ? 0 : self == .warning ? 1 : 2 }
    }

    /// What kind of problem it is (stable identifiers, for tests and tools).
    public enum Kind: String, Sendable, Codable {
        case syntax, layout, emptyKeyword, duplicateInCategory, duplicateAcrossCategories, changedByNFKC,
             invalidColumn, duplicateColumn, emptyCategory, controlCharacter
    }

    public var severity: Severity
    public var kind: Kind
    /// The file the problem is in.
    public var file: String
    /// 1-based line, when known (YAML node marks; plain-text line numbers).
    public var line: Int?
    /// The category concerned, when there is one.
    public var category: String?
    public var message: String

    public init(severity: Severity, kind: Kind, file: String, line: Int?, category: String? = nil, message: String) {
        self.severity = severity
        self.kind = kind
        self.file = file
        self.line = line
        self.category = category
        self.message = message
    }

    public var description: String {
        let place = line.map { "\(file):\($0)" } ?? file
        return "\(place): \(severity.rawValue): \(message)"
    }
}
