/// Files compiled into the binary at build time by the EmbedBuiltins plugin: the shipped dictionaries (their
/// source is `dictionaries/` in the repository) and the git commit the binary was built from. Embedding the bytes
/// in code, rather than a resource bundle beside the executable, keeps one relocatable file that works from any
/// folder and on machines that never saw the repository.
public enum Builtins {
    /// One embedded file: its name in `dictionaries/` and its exact bytes.
    public struct File: Sendable, Equatable {
        public let name: String
        public let bytes: [UInt8]
    }

    /// The dictionary files, sorted by file name.
    public static let dictionaryFiles: [File] = generatedDictionaryFiles.map {
        File(name: $0.name, bytes: Array($0.text.utf8))
    }

    /// The full git commit hash the binary was built from, or "unknown" (built outside a git checkout).
    public static let gitCommit: String = generatedGitCommit
}
