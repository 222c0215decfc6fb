/// Versions that identify what produced an output. `extractor` and `counter` are part of every report's cache
/// key: bump them when a change alters extracted text or counts, and the next run redoes exactly that work.
public enum NQPVersion {
    public static let string = "0.1.0"
    /// Version of the text semantics (visible text, match text, sections, identification).
    public static let extractor = "extract-2"
    /// Version of the counting semantics.
    public static let counter = "count-2"
}
