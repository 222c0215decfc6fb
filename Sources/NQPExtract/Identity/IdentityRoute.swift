/// A rule that can name a report's firm or year (README "Firm and year"), in the order they are tried. The raw
/// values are the words of `reports.csv`'s `identified_by` column.
public enum IdentitySource: String, Codable, Sendable, CaseIterable {
    /// The pipeline's manifest CSV (`reports.manifest`).
    case manifest
    /// An EDGAR submission's SEC header (CIK, period of report).
    case secHeader = "sec_header"
    /// The configured file-name patterns (and a cninfo title's year).
    case filename
    /// The CIK in an EDGAR downloader's file name.
    case edgarFilename = "edgar_filename"
    /// Inline XBRL `dei:` facts.
    case xbrl
    /// The fiscal-year end printed on a 10-K cover.
    case cover
    /// The first pages' text: the last resort.
    case text
}

/// How a report's firm and year were decided: the one source that gave both, or the firm's source then the
/// year's; no source when neither was found. Written `filename`, `filename+xbrl` or `none` (`identified_by`), also
/// in JSON (the standard library's `Codable` for a `String`-backed `RawRepresentable`).
public struct IdentityRoute: RawRepresentable, Codable, Hashable, Sendable, CustomStringConvertible,
                             ExpressibleByArrayLiteral {
    /// Distinct sources, the firm's first.
    public var sources: [IdentitySource]

    public init(_ sources: [IdentitySource]) {
        var unique: [IdentitySource] = []
        for source in sources where !unique.contains(source) { unique.append(source) }
        self.sources = unique
    }

    public init(arrayLiteral sources: IdentitySource...) { self.init(sources) }

    /// Neither firm nor year was found.
    public static let unidentified = IdentityRoute([])

    /// True when the manifest named the report: a researcher's explicit choice, which wins over every rule.
    public var isFromManifest: Bool { sources.first == .manifest }

    public var rawValue: String {
        sources.isEmpty ? "none" : sources.map(\.rawValue).joined(separator: "+")
    }

    public init?(rawValue: String) {
        if rawValue == "none" { self.init([]); return }
        var sources: [IdentitySource] = []
        for part in rawValue.split(separator: "+", omittingEmptySubsequences: false) {
            guard let source = IdentitySource(rawValue: String(part)) else { return nil }
            sources.append(source)
        }
        self.init(sources)
    }

    public var description: String { rawValue }
}
