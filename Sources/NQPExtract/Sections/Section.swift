/// A located section of a report, in match-text Unicode-scalar offsets of the full report (0-based, end
/// exclusive).
public struct Section: Sendable, Codable, Equatable {
    /// Section name; `"mdna"` for the management discussion and analysis.
    public var name: String
    public var start: Int
    public var end: Int
    /// `end - start`.
    public var chars: Int
    /// The heading as found in the layout text (lines joined by one space), e.g. `第三节 管理层讨论与分析`.
    public var heading: String

    public init(name: String, start: Int, end: Int, heading: String) {
        self.name = name
        self.start = start
        self.end = end
        self.chars = end - start
        self.heading = heading
    }
}

/// Which part of a report the measures are computed on.
public enum Scope: String, Codable, CaseIterable, Sendable {
    /// The whole report.
    case full
    /// The management discussion and analysis only.
    case mdna
}
