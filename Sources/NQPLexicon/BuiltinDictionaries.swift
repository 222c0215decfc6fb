import Foundation
import NQPEncoding
import NQPBuiltins

/// The dictionaries compiled into the binary (the files of the repository's `dictionaries/` folder, embedded at
/// build time), addressable by name so `nqp count` and `pipeline.yml` work from any folder.
///
/// Names: the file name without its extension (`digital_transformation.zh`), the file name itself, the
/// dictionary's own `name:` (`digital_transformation_zh`), and a short citation alias for published lists
/// (`wu2021`). A path that exists always wins over a name (see `DictionaryReference`).
public enum BuiltinDictionaries {
    /// Short names for the published lists, after their citation (README, "Shipped dictionaries").
    static let aliases: [String: [String]] = [
        "digital_transformation.zh.yml": ["wu2021"],
    ]

    /// Prefix of a built-in dictionary's path in messages, manifests and `nqp dict list`.
    public static let pathPrefix = "builtin:"

    /// The default dictionary of `counting.dictionaries`: Wu, Hu, Lin & Ren (2021).
    public static let defaultName = "digital_transformation.zh"

    public struct Entry: Sendable, Equatable {
        /// The file name in `dictionaries/`, e.g. `digital_transformation.zh.yml`.
        public let fileName: String
        /// The exact bytes of that file.
        public let bytes: [UInt8]

        /// The primary name: the file name without its extension.
        public var name: String { (fileName as NSString).deletingPathExtension }
        public var aliases: [String] { BuiltinDictionaries.aliases[fileName] ?? [] }
        /// How the dictionary is named in messages and manifests, e.g. `builtin:digital_transformation.zh.yml`.
        public var path: String { BuiltinDictionaries.pathPrefix + fileName }
        public var sha256: String { SHA256.hex(bytes) }

        /// Parses the embedded bytes (the same parser and checks as a file).
        public func load() throws(LexiconError) -> KeywordDictionary {
            try KeywordDictionary.parse(bytes, path: path)
        }

        /// Problems `nqp dict check` reports for this dictionary.
        public func check() -> [DictionaryProblem] { KeywordDictionary.check(bytes, path: path) }
    }

    /// Every built-in dictionary, sorted by file name.
    public static let all: [Entry] = Builtins.dictionaryFiles.map { Entry(fileName: $0.name, bytes: $0.bytes) }

    /// The built-in dictionary called `name` (primary name, file name, alias, `builtin:` path or the
    /// dictionary's own `name:`), or nil.
    public static func entry(named name: String) -> Entry? {
        let bare = name.hasPrefix(pathPrefix) ? String(name.dropFirst(pathPrefix.count)) : name
        if let entry = all.first(where: { $0.name == bare || $0.fileName == bare || $0.aliases.contains(bare) }) {
            return entry
        }
        return all.first { (try? $0.load())?.name == bare }
    }

    /// Every name `entry(named:)` accepts first, for messages: "wu2021, digital_transformation.zh, …".
    public static var namesForMessages: String {
        all.map { ([$0.name] + $0.aliases).joined(separator: " or ") }.joined(separator: ", ")
    }
}

/// What a `--dictionary` value or a `counting.dictionaries` entry refers to: an existing file (a path always
/// wins) or a built-in dictionary by name.
public enum DictionaryReference: Sendable, Equatable {
    case file(URL)
    case builtin(BuiltinDictionaries.Entry)

    /// Resolves `value`; `url` is where it points as a path (relative to the configuration file or the working
    /// directory). Nil when it is neither an existing file nor a built-in name.
    public static func resolve(_ value: String, asPath url: URL) -> DictionaryReference? {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
            return .file(url)
        }
        return BuiltinDictionaries.entry(named: value).map(DictionaryReference.builtin)
    }

    /// The file's path, or the built-in's `builtin:` name, as messages show it.
    public var path: String {
        switch self {
        case .file(let url): url.path
        case .builtin(let entry): entry.path
        }
    }

    /// Loads the dictionary (file or embedded bytes).
    public func load() throws(LexiconError) -> KeywordDictionary {
        switch self {
        case .file(let url): try KeywordDictionary.load(contentsOf: url)
        case .builtin(let entry): try entry.load()
        }
    }

    public func check() -> [DictionaryProblem] {
        switch self {
        case .file(let url): KeywordDictionary.check(contentsOf: url)
        case .builtin(let entry): entry.check()
        }
    }

    /// The message for a value that is neither a file nor a built-in name, with what to do.
    public static func unknownMessage(_ value: String) -> String {
        let fileName = (value as NSString).lastPathComponent
        if value.contains("/"), let entry = BuiltinDictionaries.entry(named: fileName) {
            return "\(value): no such dictionary file; the built-in copy of \(fileName) is named \(entry.name) "
                + "(write that instead of the path, or fix the path)"
        }
        return "\(value): no such dictionary file, and no built-in dictionary has that name; built-in: "
            + "\(BuiltinDictionaries.namesForMessages) (`nqp dict list` shows them)"
    }
}
