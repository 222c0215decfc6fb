import Foundation
import NQPEncoding
import NQPLexicon

/// `nqp dict list`, `nqp dict show` and `nqp dict check`: the built-in dictionaries, plus the files of a folder
/// when one is given.
public enum DictionaryCatalog {
    static let extensions: Set<String> = ["yml", "yaml", "txt"]

    /// One listed dictionary: where it comes from, its exact bytes and what they parse to.
    public struct Item: Sendable {
        /// The name to pass to `--dictionary` or `counting.dictionaries` (the file name without extension for a
        /// folder's files, which are addressed by path).
        public var name: String
        public var aliases: [String]
        /// `builtin:FILE` or the file's path.
        public var origin: String
        public var bytes: [UInt8]
        public var dictionary: KeywordDictionary

        public var sha256: String { dictionary.contentHash }
    }

    /// The built-in dictionaries, then every dictionary file in `folder` (not recursive, sorted by file name). A
    /// file that fails to load is an error naming it.
    public static func list(folder: URL? = nil) throws -> [Item] {
        var items: [Item] = []
        for entry in BuiltinDictionaries.all {
            items.append(Item(name: entry.name, aliases: entry.aliases, origin: entry.path, bytes: entry.bytes,
                              dictionary: try entry.load()))
        }
        guard let folder else { return items }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        } catch {
            throw PipelineError.input(path: folder.path, reason: "cannot list the folder (\(FileErrorReason.describe(error)))")
        }
        for name in names where extensions.contains((name as NSString).pathExtension.lowercased()) {
            let url = folder.appendingPathComponent(name)
            items.append(Item(name: (name as NSString).deletingPathExtension, aliases: [], origin: url.path,
                              bytes: try readBytes(url), dictionary: try KeywordDictionary.load(contentsOf: url)))
        }
        return items
    }

    /// A dictionary by file path (an existing file wins), by name in `folder`, or by built-in name.
    public static func find(_ nameOrPath: String, folder: URL? = nil) throws -> Item {
        let url = URL(fileURLWithPath: nameOrPath)
        if case .file(let file)? = DictionaryReference.resolve(nameOrPath, asPath: url) {
            return Item(name: (file.lastPathComponent as NSString).deletingPathExtension, aliases: [],
                        origin: file.path, bytes: try readBytes(file),
                        dictionary: try KeywordDictionary.load(contentsOf: file))
        }
        if let folder {
            let all = try list(folder: folder)
            if let match = all.first(where: { !$0.origin.hasPrefix(BuiltinDictionaries.pathPrefix)
                && ($0.name == nameOrPath || $0.dictionary.name == nameOrPath) }) {
                return match
            }
        }
        if let entry = BuiltinDictionaries.entry(named: nameOrPath) {
            return Item(name: entry.name, aliases: entry.aliases, origin: entry.path, bytes: entry.bytes,
                        dictionary: try entry.load())
        }
        throw PipelineError.dictionary(path: nameOrPath, reason: DictionaryReference.unknownMessage(nameOrPath))
    }

    /// Problems of a dictionary file or built-in dictionary (`nqp dict check`).
    public static func check(_ nameOrPath: String) throws -> [DictionaryProblem] {
        guard let reference = DictionaryReference.resolve(nameOrPath, asPath: URL(fileURLWithPath: nameOrPath)) else {
            throw PipelineError.dictionary(path: nameOrPath, reason: DictionaryReference.unknownMessage(nameOrPath))
        }
        return reference.check()
    }

    /// The `nqp dict list` table: tab-separated, one row per dictionary, with a header.
    public static func table(_ items: [Item]) -> String {
        var lines = ["name\taliases\tcategories\tkeywords\tlanguage\tbytes\tsha256\tfile\tsource"]
        for item in items {
            let source = item.dictionary.source.split(whereSeparator: \.isNewline).joined(separator: " ")
            lines.append([item.name, item.aliases.joined(separator: ","), String(item.dictionary.categories.count),
                          String(item.dictionary.keywords.count), item.dictionary.language, String(item.bytes.count),
                          item.sha256, item.origin, source.replacingOccurrences(of: "\t", with: " ")]
                .joined(separator: "\t"))
        }
        return lines.joined(separator: "\n")
    }

    /// Human-readable description: metadata, then each category with its column and keywords.
    public static func render(_ dictionary: KeywordDictionary) -> String {
        var lines = [
            "name: \(dictionary.name)",
            "file: \(dictionary.path)",
            "sha256: \(dictionary.contentHash)",
            "language: \(dictionary.language)",
            "case_sensitive: \(dictionary.caseSensitive)",
            "description: \(dictionary.description)",
            "source: \(dictionary.source)",
        ]
        if let verification = dictionary.verification { lines.append("verification: \(verification)") }
        lines.append("categories: \(dictionary.categories.count), keywords: \(dictionary.keywords.count)")
        for category in dictionary.categories {
            lines.append("")
            lines.append("[\(category.name)] column \(category.column), \(category.keywords.count) keywords")
            lines.append("  " + category.keywords.joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }

    static func readBytes(_ url: URL) throws -> [UInt8] {
        do {
            return [UInt8](try Data(contentsOf: url))
        } catch {
            throw PipelineError.input(path: url.path, reason: "cannot read the dictionary file (\(FileErrorReason.describe(error)))")
        }
    }
}
