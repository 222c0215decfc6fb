import Foundation
import NQPEncoding

/// A keyword dictionary: named categories of keywords, with its citation and the rules for matching ASCII letters.
///
/// Loaded from one of three layouts (see dictionaries/README.md): the nqp YAML layout, the cntext YAML layout
/// (`Name, Desc, Refer, Category, Dictionary`) as is, or a plain text file (one keyword per line, `#` comment
/// lines) that becomes one category named after the file. Keywords are NFKC-normalised and trimmed on load;
/// a keyword listed twice in one category is kept once; a keyword listed in several categories belongs to all.
public struct KeywordDictionary: Sendable, Equatable {
    /// The file layout the dictionary was read from.
    public enum Format: String, Sendable, Codable {
        case nqp, cntext, plainText = "plain_text"
    }

    public var name: String
    public var description: String
    /// Full citation of the list's origin ("our own list, drawing on …" for our lists).
    public var source: String
    /// Language code such as `zh` or `en` ("" when unknown).
    public var language: String
    /// When false (the default), ASCII letters match case-insensitively; other letters always match exactly.
    public var caseSensitive: Bool
    /// How the list was verified (free text), when the file says.
    public var verification: String?
    public var format: Format
    /// The path the dictionary was loaded from ("" when built in code).
    public var path: String
    /// SHA-256 (hex) of the file's bytes; for dictionaries built in code, of a canonical rendering.
    public var contentHash: String
    public private(set) var categories: [KeywordCategory]
    /// Distinct keywords in dictionary order (first appearance, categories in file order), with their categories.
    public private(set) var keywords: [Keyword]
    /// Per keyword, the names of its categories: made once, so that the counts of thousands of reports share
    /// these arrays instead of building one per keyword per report (`KeywordCounts.assemble`).
    public private(set) var keywordCategoryNames: [[String]] = []

    /// Builds a dictionary in code (tests, programmatic use). Applies the same normalisation and checks as loading
    /// and throws when a problem of severity `.error` is found.
    public init(name: String, categories: [KeywordCategory], caseSensitive: Bool = false, language: String = "",
                source: String = "", description: String = "", verification: String? = nil) throws(LexiconError) {
        let raw = RawDictionary(
            format: .nqp, name: name, description: description, source: source, language: language,
            caseSensitive: caseSensitive, verification: verification,
            categories: categories.map { category in
                .init(name: category.name, line: nil, column: category.column.isEmpty ? nil : category.column,
                      columnLine: nil, label: category.label,
                      entries: category.keywords.map { .init(text: $0, line: nil) })
            })
        let canonical = ([name, caseSensitive ? "1" : "0"] + categories.flatMap { [$0.name, $0.column] + $0.keywords })
            .joined(separator: "\u{1F}")
        let (dictionary, problems) = Self.assemble(raw, path: "", hash: SHA256.hex(canonical))
        if problems.contains(where: { $0.severity == .error }) {
            throw .invalidDictionary(path: "<\(name)>", problems: problems)
        }
        self = dictionary
    }

    private init(raw: RawDictionary, path: String, hash: String, categories: [KeywordCategory], keywords: [Keyword]) {
        name = raw.name
        description = raw.description
        source = raw.source
        language = raw.language
        caseSensitive = raw.caseSensitive
        verification = raw.verification
        format = raw.format
        self.path = path
        contentHash = hash
        self.categories = categories
        self.keywords = keywords
        keywordCategoryNames = Self.categoryNames(keywords: keywords, categories: categories)
    }

    mutating func setCategories(_ categories: [KeywordCategory]) {
        self.categories = categories
        keywordCategoryNames = Self.categoryNames(keywords: keywords, categories: categories)
    }

    private static func categoryNames(keywords: [Keyword], categories: [KeywordCategory]) -> [[String]] {
        keywords.map { $0.categories.map { categories[$0].name } }
    }

    // MARK: loading

    /// Loads a dictionary file (layout chosen by extension and content). Throws on unreadable files, syntax and
    /// layout errors, and on any problem of severity `.error`; warnings and notes are available from `check`.
    public static func load(contentsOf url: URL) throws(LexiconError) -> KeywordDictionary {
        let (dictionary, problems) = try loadReportingProblems(contentsOf: url)
        if problems.contains(where: { $0.severity == .error }) {
            throw .invalidDictionary(path: url.path, problems: problems)
        }
        return dictionary
    }

    /// Parses dictionary bytes; `path` names the source in messages and decides the layout by its extension.
    public static func parse(_ bytes: [UInt8], path: String) throws(LexiconError) -> KeywordDictionary {
        let (dictionary, problems) = try parseReportingProblems(bytes, path: path)
        if problems.contains(where: { $0.severity == .error }) {
            throw .invalidDictionary(path: path, problems: problems)
        }
        return dictionary
    }

    /// Every problem found in a dictionary file, most severe first within file order: syntax and layout errors,
    /// empty keywords, control characters, invalid or repeated column names (errors); keywords repeated within a
    /// category, empty categories (warnings); keywords listed in several categories, keywords changed by NFKC
    /// normalisation or trimming (notes). An empty result means the file is clean.
    public static func check(contentsOf url: URL) -> [DictionaryProblem] {
        do {
            return try loadReportingProblems(contentsOf: url).problems
        } catch {
            return [problem(for: error, path: url.path)]
        }
    }

    /// `check` for dictionary bytes (a built-in dictionary); `path` names it in the problems.
    public static func check(_ bytes: [UInt8], path: String) -> [DictionaryProblem] {
        do {
            return try parseReportingProblems(bytes, path: path).problems
        } catch {
            return [problem(for: error, path: path)]
        }
    }

    static func loadReportingProblems(contentsOf url: URL)
        throws(LexiconError) -> (dictionary: KeywordDictionary, problems: [DictionaryProblem]) {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .unreadableFile(path: url.path, reason: FileErrorReason.describe(error))
        }
        return try parseReportingProblems([UInt8](data), path: url.path)
    }

    static func parseReportingProblems(_ bytes: [UInt8], path: String)
        throws(LexiconError) -> (dictionary: KeywordDictionary, problems: [DictionaryProblem]) {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        guard let text = String(validating: body, as: UTF8.self) else {
            throw .invalidYAML(path: path, line: nil, reason: "the file is not UTF-8; save it as UTF-8")
        }
        let raw = try DictionaryReader.read(text: text, path: path)
        return assemble(raw, path: path, hash: SHA256.hex(bytes))
    }

    private static func problem(for error: LexiconError, path: String) -> DictionaryProblem {
        switch error {
        case let .invalidYAML(_, line, reason):
            return .init(severity: .error, kind: .syntax, file: path, line: line, message: reason)
        case let .invalidLayout(_, line, reason):
            return .init(severity: .error, kind: .layout, file: path, line: line, message: reason)
        default:
            return .init(severity: .error, kind: .syntax, file: path, line: nil, message: error.description)
        }
    }

    // MARK: normalisation and checks

    /// The matching identity of a keyword: ASCII letters folded unless the dictionary is case-sensitive.
    static func matchKey(_ text: String, caseSensitive: Bool) -> String {
        caseSensitive ? text : String(decoding: text.utf8.map(lowercased), as: UTF8.self)
    }

    static func assemble(_ raw: RawDictionary, path: String,
                         hash: String) -> (dictionary: KeywordDictionary, problems: [DictionaryProblem]) {
        var problems = raw.problems
        var categories: [KeywordCategory] = []
        var keywords: [Keyword] = []
        var keywordIndex: [String: Int] = [:]
        var firstPlace: [String: (category: String, line: Int?)] = [:]
        var columns: Set<String> = []

        // Explicit columns first, so derived ones avoid them.
        let explicitColumns = Set(raw.categories.compactMap(\.column))
        for (position, rawCategory) in raw.categories.enumerated() {
            let categoryName = rawCategory.name
            var column: String
            if let given = rawCategory.column {
                column = given
                if !ColumnName.isValid(given) {
                    problems.append(.init(severity: .error, kind: .invalidColumn, file: path,
                                          line: rawCategory.columnLine, category: categoryName,
                                          message: "column `\(given)` of category `\(categoryName)` is not Stata-safe: "
                                              + "use 1–32 ASCII letters, digits or _, not starting with a digit, "
                                              + "not a reserved word (e.g. `dt_ai`)"))
                }
            } else {
                column = ColumnName.derive(from: categoryName, position: position,
                                           avoiding: columns.union(explicitColumns))
            }
            if columns.contains(column) {
                problems.append(.init(severity: .error, kind: .duplicateColumn, file: path,
                                      line: rawCategory.columnLine ?? rawCategory.line, category: categoryName,
                                      message: "column `\(column)` is used by two categories; give each its own"))
            }
            columns.insert(column)
            if categoryName.isEmpty {
                problems.append(.init(severity: .error, kind: .layout, file: path, line: rawCategory.line,
                                      message: "a category has an empty name"))
            }
            if rawCategory.entries.isEmpty {
                problems.append(.init(severity: .warning, kind: .emptyCategory, file: path, line: rawCategory.line,
                                      category: categoryName,
                                      message: "category `\(categoryName)` has no keywords; it will always count 0"))
            }

            let categoryIndex = categories.count
            var category = KeywordCategory(name: categoryName, column: column,
                                           label: rawCategory.label ?? categoryName, keywords: [])
            var seenInCategory: [String: Int?] = [:]
            for entry in rawCategory.entries {
                let normalized = String(Substring(entry.text.precomposedStringWithCompatibilityMapping)
                    .trimmingWhitespace())
                if normalized.isEmpty {
                    problems.append(.init(severity: .error, kind: .emptyKeyword, file: path, line: entry.line,
                                          category: categoryName,
                                          message: "empty keyword in category `\(categoryName)`; delete the entry"))
                    continue
                }
                if normalized.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                    problems.append(.init(severity: .error, kind: .controlCharacter, file: path, line: entry.line,
                                          category: categoryName,
                                          message: "keyword \(quoted(entry.text)) contains a control character "
                                              + "(tab, line break …); match text never contains one"))
                    continue
                }
                if normalized != entry.text {
                    problems.append(.init(severity: .note, kind: .changedByNFKC, file: path, line: entry.line,
                                          category: categoryName,
                                          message: "keyword \(quoted(entry.text)) is matched as \(quoted(normalized)) "
                                              + "(NFKC normalisation and trimming); write it that way to silence this"))
                }
                let key = matchKey(normalized, caseSensitive: raw.caseSensitive)
                if let earlier = seenInCategory[key] {
                    let at = earlier.map { " (first on line \($0))" } ?? ""
                    problems.append(.init(severity: .warning, kind: .duplicateInCategory, file: path, line: entry.line,
                                          category: categoryName,
                                          message: "keyword \(quoted(normalized)) is listed twice in `\(categoryName)`"
                                              + "\(at); it is counted once"))
                    continue
                }
                seenInCategory[key] = entry.line
                if let existing = keywordIndex[key] {
                    let first = firstPlace[key]
                    let at = first?.line.map { " line \($0)" } ?? ""
                    problems.append(.init(severity: .note, kind: .duplicateAcrossCategories, file: path,
                                          line: entry.line, category: categoryName,
                                          message: "keyword \(quoted(normalized)) is also in `\(first?.category ?? "")`"
                                              + "\(at); each hit counts in both categories (once in the total)"))
                    keywords[existing].categories.append(categoryIndex)
                } else {
                    keywordIndex[key] = keywords.count
                    firstPlace[key] = (categoryName, entry.line)
                    keywords.append(Keyword(text: normalized, categories: [categoryIndex]))
                }
                category.keywords.append(normalized)
            }
            categories.append(category)
        }
        if raw.categories.isEmpty {
            problems.append(.init(severity: .error, kind: .layout, file: path, line: nil,
                                  message: "the dictionary has no categories"))
        }
        let dictionary = KeywordDictionary(raw: raw, path: path, hash: hash, categories: categories,
                                           keywords: keywords)
        return (dictionary, problems.sorted { ($0.line ?? 0, $1.severity) < ($1.line ?? 0, $0.severity) })
    }
}

private func quoted(_ text: String) -> String { "“\(text)”" }
