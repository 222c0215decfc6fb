import Foundation

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
    /// The submission document the offsets refer to when it is not the report itself (`EX-13` for an MD&A taken
    /// from the annual-report exhibit); nil = the report's own match text.
    public var document: String?
    /// How a 10-K section was found (`heading`, `heading_next_line`, `annual_report_exhibit`,
    /// `annual_report_pages`); nil for Chinese chapters.
    public var foundBy: TenKItemDetection?

    public init(name: String, start: Int, end: Int, heading: String) {
        self.name = name
        self.start = start
        self.end = end
        self.chars = end - start
        self.heading = heading
    }
}

/// Which part of a report the measures are computed on: `full` (the whole report), `mdna` (the management
/// discussion and analysis: a Chinese MD&A chapter, 10-K Item 7, or its text in the annual report when Item 7 is
/// incorporated by reference), `item:1A` (one 10-K item, README "10-K items") or `document:EX-13` (a document of
/// an EDGAR submission by its type, README "SEC filings").
public struct Scope: RawRepresentable, Codable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public enum Kind: Equatable, Sendable {
        case full, mdna
        case item(String)
        case document(String)
    }

    public var kind: Kind {
        if rawValue == "full" { return .full }
        if rawValue == "mdna" { return .mdna }
        if rawValue.hasPrefix("item:") { return .item(String(rawValue.dropFirst(5))) }
        return .document(String(rawValue.dropFirst(9)))
    }

    /// `full`, `mdna`, `item:<number><letter>` (`item:7`, `item:1A`; `Item 7A` and `item:7a` are accepted and
    /// written `item:7A`), `document:<type>` (`document:EX-13`); nil otherwise.
    public init?(rawValue: String) {
        let raw = rawValue.trimmingCharacters(in: .whitespaces)
        let lower = raw.lowercased()
        if lower == "full" || lower == "mdna" { self.rawValue = lower; return }
        if lower.hasPrefix("item:") || lower.hasPrefix("item ") {
            let id = raw.dropFirst(5).trimmingCharacters(in: .whitespaces).uppercased()
            let digits = id.prefix { $0.isASCII && $0.isNumber }
            let rest = id.dropFirst(digits.count)
            guard (1...2).contains(digits.count), let number = Int(digits), rest.count <= 1,
                  rest.allSatisfy({ $0 >= "A" && $0 <= "Z" }) else { return nil }
            self.rawValue = "item:\(number)\(rest)"
            return
        }
        if lower.hasPrefix("document:") {
            let type = raw.dropFirst(9).trimmingCharacters(in: .whitespaces).uppercased()
            guard !type.isEmpty else { return nil }
            self.rawValue = "document:" + type
            return
        }
        return nil
    }

    private init(unchecked: String) { rawValue = unchecked }

    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        guard let scope = Scope(rawValue: raw) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                debugDescription: "'\(raw)' is not a scope; use \(Scope.help)"))
        }
        self = scope
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public static let full = Scope(unchecked: "full")
    public static let mdna = Scope(unchecked: "mdna")
    public static func item(_ id: String) -> Scope? { Scope(rawValue: "item:" + id) }
    public static func document(_ type: String) -> Scope? { Scope(rawValue: "document:" + type) }

    public var description: String { rawValue }

    /// What `--scope` and `counting.scope` accept.
    public static let help = "full, mdna, item:N (10-K item, e.g. item:1A, item:7) or document:TYPE (e.g. document:EX-13)"
}
