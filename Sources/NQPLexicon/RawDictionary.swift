import Yams

/// A dictionary file as written, before normalisation and checks; keeps line numbers for problem reports.
struct RawDictionary {
    struct Entry {
        var text: String
        var line: Int?
    }

    struct Category {
        var name: String
        var line: Int?
        var column: String?
        var columnLine: Int?
        var label: String?
        var entries: [Entry]
    }

    var format: KeywordDictionary.Format
    var name: String
    var description: String
    var source: String
    var language: String
    var caseSensitive: Bool
    var verification: String?
    var categories: [Category]
    /// Non-fatal layout findings made while reading (unknown keys, Category list mismatch …).
    var problems: [DictionaryProblem] = []
}

/// Reads the three accepted layouts into a `RawDictionary`. Fatal layout errors throw.
enum DictionaryReader {
    static func read(text: String, path: String) throws(LexiconError) -> RawDictionary {
        let fileName = lastPathComponent(path)
        let lower = fileName.lowercased()
        if lower.hasSuffix(".txt") || lower.hasSuffix(".dic") || lower.hasSuffix(".lst") {
            return readPlainText(text: text, path: path)
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw .invalidYAML(path: path, line: yamlErrorLine(error), reason: "\(error)")
        }
        guard let root, let mapping = root.mapping else {
            throw .invalidLayout(path: path, line: root?.mark?.line,
                                 reason: "the top level must be a mapping with `name` and `categories` "
                                     + "(or cntext's `Name` and `Dictionary`)")
        }
        if mapping["Dictionary"] != nil { return try readCntext(mapping, path: path) }
        return try readNQP(mapping, path: path)
    }

    // MARK: nqp layout

    private static let nqpKeys: Set<String> = [
        "name", "description", "source", "language", "case_sensitive", "categories", "verification",
    ]

    private static func readNQP(_ mapping: Node.Mapping, path: String) throws(LexiconError) -> RawDictionary {
        var problems: [DictionaryProblem] = []
        for (key, _) in mapping {
            let keyText = key.scalar?.string ?? ""
            if !nqpKeys.contains(keyText) {
                problems.append(.init(severity: .warning, kind: .layout, file: path, line: key.mark?.line,
                                      message: "unknown key `\(keyText)` ignored (known: "
                                          + nqpKeys.sorted().joined(separator: ", ") + ")"))
            }
        }
        guard let name = try string(mapping["name"], "name", path), !name.isEmpty else {
            throw .invalidLayout(path: path, line: mapping["name"]?.mark?.line ?? 1,
                                 reason: "`name` is missing or empty; give the dictionary a short name")
        }
        let source = try string(mapping["source"], "source", path) ?? ""
        if source.isEmpty {
            problems.append(.init(severity: .warning, kind: .layout, file: path, line: mapping["name"]?.mark?.line,
                                  message: "no `source`: cite where the keyword list comes from"))
        }
        var caseSensitive = false
        if let node = mapping["case_sensitive"] {
            guard let flag = bool(node) else {
                throw .invalidLayout(path: path, line: node.mark?.line,
                                     reason: "`case_sensitive` must be true or false")
            }
            caseSensitive = flag
        }
        guard let categoriesNode = mapping["categories"] else {
            throw .invalidLayout(path: path, line: nil, reason: "`categories` is missing")
        }
        guard let categoryMap = categoriesNode.mapping else {
            throw .invalidLayout(path: path, line: categoriesNode.mark?.line,
                                 reason: "`categories` must map category names to keyword lists")
        }
        var categories: [RawDictionary.Category] = []
        for (key, value) in categoryMap {
            let categoryName = key.scalar?.string ?? ""
            var category = RawDictionary.Category(name: categoryName, line: key.mark?.line, column: nil,
                                                  columnLine: nil, label: nil, entries: [])
            if let list = value.sequence {
                category.entries = try entries(list, category: categoryName, path: path)
            } else if let detail = value.mapping {
                for (detailKey, _) in detail {
                    let text = detailKey.scalar?.string ?? ""
                    if !["column", "label", "keywords"].contains(text) {
                        problems.append(.init(severity: .warning, kind: .layout, file: path,
                                              line: detailKey.mark?.line, category: categoryName,
                                              message: "unknown key `\(text)` in category `\(categoryName)` ignored "
                                                  + "(known: column, label, keywords)"))
                    }
                }
                category.column = try string(detail["column"], "column", path)
                category.columnLine = detail["column"]?.mark?.line
                category.label = try string(detail["label"], "label", path)
                guard let list = detail["keywords"]?.sequence else {
                    throw .invalidLayout(path: path, line: value.mark?.line,
                                         reason: "category `\(categoryName)` needs `keywords:` with a list")
                }
                category.entries = try entries(list, category: categoryName, path: path)
            } else if value.scalar.map({ isNull($0) }) == true {
                category.entries = []
            } else {
                throw .invalidLayout(path: path, line: value.mark?.line,
                                     reason: "category `\(categoryName)` must be a list of keywords or a mapping "
                                         + "with `column`, `label`, `keywords`")
            }
            categories.append(category)
        }
        return RawDictionary(format: .nqp, name: name,
                             description: try string(mapping["description"], "description", path) ?? "",
                             source: source, language: try string(mapping["language"], "language", path) ?? "",
                             caseSensitive: caseSensitive,
                             verification: try string(mapping["verification"], "verification", path),
                             categories: categories, problems: problems)
    }

    // MARK: cntext layout

    private static func readCntext(_ mapping: Node.Mapping, path: String) throws(LexiconError) -> RawDictionary {
        var problems: [DictionaryProblem] = []
        guard let dictionary = mapping["Dictionary"]?.mapping else {
            throw .invalidLayout(path: path, line: mapping["Dictionary"]?.mark?.line,
                                 reason: "cntext `Dictionary` must map category names to keyword lists")
        }
        var categories: [RawDictionary.Category] = []
        for (key, value) in dictionary {
            let categoryName = key.scalar?.string ?? ""
            guard let list = value.sequence else {
                throw .invalidLayout(path: path, line: value.mark?.line,
                                     reason: "cntext category `\(categoryName)` must be a list of keywords")
            }
            categories.append(.init(name: categoryName, line: key.mark?.line, column: nil, columnLine: nil,
                                    label: nil, entries: try entries(list, category: categoryName, path: path)))
        }
        if let listed = mapping["Category"]?.sequence {
            let names = listed.compactMap { $0.scalar?.string }
            if Set(names) != Set(categories.map(\.name)) {
                problems.append(.init(severity: .warning, kind: .layout, file: path,
                                      line: mapping["Category"]?.mark?.line,
                                      message: "cntext `Category` lists \(names) but `Dictionary` has "
                                          + "\(categories.map(\.name)); the `Dictionary` keys are used"))
            }
        }
        let fileName = lastPathComponent(path)
        let language = fileName.hasPrefix("zh_") ? "zh" : fileName.hasPrefix("en_") ? "en" : ""
        let name = try string(mapping["Name"], "Name", path) ?? stem(fileName)
        return RawDictionary(format: .cntext, name: name.isEmpty ? stem(fileName) : name,
                             description: try string(mapping["Desc"], "Desc", path) ?? "",
                             source: try string(mapping["Refer"], "Refer", path) ?? "",
                             language: language, caseSensitive: false, verification: nil,
                             categories: categories, problems: problems)
    }

    // MARK: plain text

    /// One keyword per line; `#` starts a comment line (a `#` after a keyword is kept, since `C#` is a word);
    /// blank lines are skipped; one category named after the file.
    private static func readPlainText(text: String, path: String) -> RawDictionary {
        let name = stem(lastPathComponent(path))
        var entries: [RawDictionary.Entry] = []
        var lineNumber = 0
        // Split on scalars: "\r\n" is one Character, so a Character split would not see the "\n".
        for line in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var content = Substring(line)
            if content.unicodeScalars.last == "\r" { content = Substring(content.unicodeScalars.dropLast()) }
            let trimmed = content.trimmingWhitespace()
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            entries.append(.init(text: String(content), line: lineNumber))
        }
        return RawDictionary(format: .plainText, name: name, description: "", source: "", language: "",
                             caseSensitive: false, verification: nil,
                             categories: [.init(name: name, line: 1, column: nil, columnLine: nil, label: nil,
                                                entries: entries)])
    }

    // MARK: helpers

    private static func entries(_ list: Node.Sequence, category: String,
                                path: String) throws(LexiconError) -> [RawDictionary.Entry] {
        var out: [RawDictionary.Entry] = []
        for item in list {
            guard let scalar = item.scalar else {
                throw .invalidLayout(path: path, line: item.mark?.line,
                                     reason: "in category `\(category)`, each keyword must be a plain string")
            }
            out.append(.init(text: isNull(scalar) ? "" : scalar.string, line: item.mark?.line))
        }
        return out
    }

    private static func string(_ node: Node?, _ field: String, _ path: String) throws(LexiconError) -> String? {
        guard let node else { return nil }
        guard let scalar = node.scalar else {
            throw .invalidLayout(path: path, line: node.mark?.line, reason: "`\(field)` must be a single string")
        }
        return isNull(scalar) ? nil : scalar.string
    }

    /// A plain `~`, `null` or empty value (quoted strings are never null).
    private static func isNull(_ scalar: Node.Scalar) -> Bool {
        scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    private static func bool(_ node: Node) -> Bool? {
        switch node.scalar?.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }

    static func stem(_ fileName: String) -> String {
        var name = Substring(fileName)
        for suffix in [".txt", ".dic", ".lst", ".yaml", ".yml"] where name.lowercased().hasSuffix(suffix) {
            name = name.dropLast(suffix.count)
            break
        }
        return String(name)
    }

    static func yamlErrorLine(_ error: any Error) -> Int? {
        guard let yamlError = error as? YamlError else { return nil }
        switch yamlError {
        case let .scanner(_, _, mark, _), let .parser(_, _, mark, _), let .composer(_, _, mark, _):
            return mark.line
        case let .duplicatedKeysInMapping(_, context):
            return context.mark.line
        default:
            return nil
        }
    }
}

/// Last path component, without Foundation's URL machinery (paths here may be "archive.zip/member").
func lastPathComponent(_ path: String) -> String {
    path.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? path
}

extension Substring {
    func trimmingWhitespace() -> Substring {
        var slice = self
        while let first = slice.first, first.isWhitespace { slice = slice.dropFirst() }
        while let last = slice.last, last.isWhitespace { slice = slice.dropLast() }
        return slice
    }
}
