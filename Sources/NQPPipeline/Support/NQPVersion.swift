import NQPBuiltins

/// Versions that identify what produced an output. `extractor` and `counter` are part of every report's cache
/// key: bump them when a change alters extracted text or counts, and the next run redoes exactly that work.
public enum NQPVersion {
    static let string = "0.1.0"
    /// The git commit the binary was built from ("unknown" outside a git checkout), embedded at build time.
    static let commit = Builtins.gitCommit
    /// What `nqp --version` prints: the version and the commit.
    public static let withCommit = "\(string) (git commit \(commit))"
    /// Version of the text semantics (visible text, match text, sections, identification).
    static let extractor = "extract-2"
    /// Version of the counting semantics.
    static let counter = "count-2"
}
