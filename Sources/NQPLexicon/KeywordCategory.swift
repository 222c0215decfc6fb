/// One category of a dictionary: its name as written in the file, its short output column, and its keywords.
public struct KeywordCategory: Sendable, Equatable, Hashable, Codable {
    /// The category name exactly as in the dictionary file (e.g. `人工智能技术`, `Artificial_Intelligence`).
    public var name: String
    /// Short, Stata-safe output column (≤ 32 characters, `[A-Za-z_][A-Za-z0-9_]*`), e.g. `dt_ai`. Set in the
    /// dictionary, or derived from `name` by `ColumnName.derive` when the file gives none.
    public internal(set) var column: String
    /// Human-readable label for codebooks (defaults to `name`).
    public var label: String
    /// The keywords, NFKC-normalised, each once, in file order.
    public internal(set) var keywords: [String]

    /// A category for building dictionaries in code; `column` nil = derive from `name`.
    public init(name: String, column: String? = nil, label: String? = nil, keywords: [String]) {
        self.name = name
        self.column = column ?? ""
        self.label = label ?? name
        self.keywords = keywords
    }
}

/// One distinct keyword of a dictionary and the categories that list it.
public struct Keyword: Sendable, Equatable, Hashable, Codable {
    /// The keyword (NFKC-normalised; the first spelling when case-insensitive duplicates were merged).
    public var text: String
    /// Indices into `KeywordDictionary.categories`, ascending.
    public var categories: [Int]
}
