/// Edits a block-style YAML configuration such as `pipeline.yml` by key path (`counting.negation.enabled`), so a
/// test says which setting it changes instead of quoting a line with its exact spacing and comment. Every line it
/// does not edit stays byte for byte, and an edited value keeps its line's comment in the same column.
///
///     var editor = ConfigEditor(text)
///     try editor.set("counting.kwic", to: "7")
///     try editor.rename("counting.mode", to: "mdoe")
///     try editor.insert("loop_b: {formula: \"x * 2\"}", under: "financials.indicators")
///
/// Keys inside sequence items (`- name: balance`) and inside flow mappings (`{from: 2019}`) have no path: set the
/// whole value of the key that holds them.
public struct ConfigEditor {
    public struct EditError: Error, CustomStringConvertible {
        public var description: String
    }

    /// The edited text.
    public private(set) var text: String

    public init(_ text: String) { self.text = text }

    /// Replaces the value of the scalar or flow-collection key at `path` by `value` (YAML text).
    public mutating func set(_ path: String, to value: String) throws {
        var lines = Self.lines(text)
        let entry = try Self.entry(path, in: lines)
        guard !entry.value.isEmpty else {
            throw EditError(description: "'\(path)' holds a block of nested lines; set one of its keys instead")
        }
        guard Self.isBalanced(entry.value) else {
            throw EditError(description: "the value of '\(path)' continues on the next line; set a one-line key")
        }
        var line = entry.prefix + value
        if !entry.comment.isEmpty {
            let column = entry.prefix.count + entry.value.count + entry.gap.count
            line += line.count < column ? String(repeating: " ", count: column - line.count) : " "
            line += entry.comment
        }
        lines[entry.index] = line
        text = lines.joined(separator: "\n")
    }

    /// Renames the last key of `path` (e.g. to a misspelling, to test how unknown keys are reported).
    public mutating func rename(_ path: String, to name: String) throws {
        var lines = Self.lines(text)
        let entry = try Self.entry(path, in: lines)
        let line = lines[entry.index]
        let indent = line.prefix { $0 == " " }
        lines[entry.index] = String(indent) + name + String(line.dropFirst(indent.count + entry.key.count))
        text = lines.joined(separator: "\n")
    }

    /// Adds `yaml` (one or more lines, indented relative to each other) as the last entries of the mapping at
    /// `path`, indented as its children; with `path` "" it is added at the end of the top level.
    public mutating func insert(_ yaml: String, under path: String) throws {
        var lines = Self.lines(text)
        let trailingNewline = lines.last == ""
        if trailingNewline { lines.removeLast() }
        var position = lines.count
        var indent = 0
        if !path.isEmpty {
            let entry = try Self.entry(path, in: lines)
            guard entry.value.isEmpty else {
                throw EditError(description: "'\(path)' is not a block mapping; cannot add keys under it")
            }
            let parentIndent = lines[entry.index].prefix { $0 == " " }.count
            var childIndent: Int?
            position = entry.index + 1
            // The mapping ends before the first line with content at the parent's indentation or less.
            while position < lines.count {
                let line = lines[position]
                let content = line.drop { $0 == " " }
                if !content.isEmpty && !content.hasPrefix("#") {
                    let lineIndent = line.count - content.count
                    if lineIndent <= parentIndent { break }
                    if childIndent == nil { childIndent = lineIndent }
                }
                position += 1
            }
            indent = childIndent ?? parentIndent + 2
            // Keep trailing blank and comment lines with what follows.
            while position > entry.index + 1, lines[position - 1].allSatisfy({ $0 == " " })
                    || lines[position - 1].drop(while: { $0 == " " }).hasPrefix("#") {
                position -= 1
            }
        }
        let padding = String(repeating: " ", count: indent)
        let added = yaml.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : padding + $0 }
        lines.insert(contentsOf: added, at: position)
        if trailingNewline { lines.append("") }
        text = lines.joined(separator: "\n")
    }

    // MARK: - Reading the lines

    struct Entry {
        var index: Int
        var key: String
        /// The line up to and including the space after the colon.
        var prefix: String
        /// The value text, without the comment and the spaces before it.
        var value: String
        /// The spaces between the value and the comment.
        var gap: String
        /// `# …`, or empty.
        var comment: String
    }

    static func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// The line of the key at `path`; exactly one line must match.
    static func entry(_ path: String, in lines: [String]) throws -> Entry {
        let wanted = path.split(separator: ".").map(String.init)
        var stack: [(indent: Int, key: String?)] = []
        var found: [Entry] = []
        for (index, line) in lines.enumerated() {
            let content = line.drop { $0 == " " }
            if content.isEmpty || content.hasPrefix("#") { continue }
            let indent = line.count - content.count
            while let last = stack.last, last.indent >= indent { stack.removeLast() }
            guard let parsed = parseKey(line, indent: indent, index: index) else {
                stack.append((indent, nil))  // a sequence item or a continuation line: no key of its own
                continue
            }
            stack.append((indent, parsed.key))
            if stack.map(\.key) == wanted.map(Optional.some) { found.append(parsed) }
        }
        guard found.count == 1, let entry = found.first else {
            throw EditError(description: found.isEmpty ? "the configuration has no key '\(path)'"
                                                       : "the key path '\(path)' is ambiguous (\(found.count) lines)")
        }
        return entry
    }

    /// `key: value  # comment` split into its parts; nil for lines that are not `key:` lines.
    static func parseKey(_ line: String, indent: Int, index: Int) -> Entry? {
        let content = line.dropFirst(indent)
        guard let colon = content.firstIndex(of: ":") else { return nil }
        let key = content[..<colon]
        guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }),
              !key.hasPrefix("-") else { return nil }
        let rest = content[content.index(after: colon)...]
        guard rest.isEmpty || rest.first == " " else { return nil }
        let afterSpace = rest.drop { $0 == " " }
        let prefix = String(line.prefix(line.count - afterSpace.count))
        // The comment starts at the first `#` after a space, outside quotes.
        var quote: Character?
        var commentStart = afterSpace.endIndex
        var previous: Character = " "
        for position in afterSpace.indices {
            let character = afterSpace[position]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "#" && previous == " " {
                commentStart = position
                break
            }
            previous = character
        }
        let beforeComment = afterSpace[..<commentStart]
        let value = beforeComment.reversed().drop { $0 == " " }.reversed()
        return Entry(index: index, key: String(key), prefix: prefix, value: String(value),
                     gap: String(repeating: " ", count: beforeComment.count - value.count),
                     comment: String(afterSpace[commentStart...]))
    }

    /// Whether every `[` and `{` in `value` (outside quotes) is closed on the same line.
    static func isBalanced(_ value: String) -> Bool {
        var depth = 0
        var quote: Character?
        for character in value {
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "[" || character == "{" {
                depth += 1
            } else if character == "]" || character == "}" {
                depth -= 1
            }
        }
        return depth == 0
    }
}
