import Foundation
import NQPLexicon

/// `nqp dict list` and `nqp dict show`: the dictionaries in a folder.
public enum DictionaryCatalog {
    static let extensions: Set<String> = ["yml", "yaml", "txt"]

    /// Every dictionary file in `folder` (not recursive), sorted by file name. A file that fails to load is an
    /// error naming it.
    public static func list(folder: URL) throws -> [KeywordDictionary] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        } catch {
            throw PipelineError.input(path: folder.path, reason: "cannot list the folder: \(error.localizedDescription)")
        }
        var dictionaries: [KeywordDictionary] = []
        for name in names where extensions.contains((name as NSString).pathExtension.lowercased()) {
            if name.lowercased() == "readme.md" { continue }
            dictionaries.append(try KeywordDictionary.load(contentsOf: folder.appendingPathComponent(name)))
        }
        return dictionaries
    }

    /// A dictionary by name (from `folder`) or by file path.
    public static func find(_ nameOrPath: String, folder: URL) throws -> KeywordDictionary {
        if FileManager.default.fileExists(atPath: nameOrPath) {
            return try KeywordDictionary.load(contentsOf: URL(fileURLWithPath: nameOrPath))
        }
        let all = try list(folder: folder)
        if let match = all.first(where: { $0.name == nameOrPath || ($0.path as NSString).lastPathComponent == nameOrPath }) {
            return match
        }
        let known = all.map(\.name).joined(separator: ", ")
        throw PipelineError.input(path: nameOrPath, reason: "no such dictionary in \(folder.path); known: \(known)")
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
}
