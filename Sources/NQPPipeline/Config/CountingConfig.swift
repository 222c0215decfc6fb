import Foundation
import NQPExtract
import NQPLexicon

/// `counting:` — dictionaries, the text scope and every counting choice (recorded in the manifest).
public struct CountingConfig: Codable, Sendable, Equatable {
    /// Dictionary files (our YAML, cntext YAML or plain text), relative to the configuration file, or names of
    /// built-in dictionaries (`nqp dict list`); an existing file wins over a name.
    public var dictionaries: [String]
    /// `full` (the whole report, Wu et al. 2021) or `mdna` (the MD&A section only).
    public var scope: Scope
    /// Characters of context either side of each hit written to `kwic.csv`; 0 = no `kwic.csv`.
    public var kwic: Int
    /// Output column names set here instead of in the dictionary: dictionary name → category → column.
    public var columns: [String: [String: String]]
    /// Chapters whose hits are excluded (reported as excluded, not counted), found by name like the MD&A — e.g.
    /// `[董事、监事、高级管理人员和员工情况]` for executive biographies (Wu et al. 2021). Empty = none.
    public var excludedChapters: [String]
    /// Mode, negation, exclusion and strip list, at the same level of `counting:`.
    public var options: CountingOptions

    public init(dictionaries: [String] = [BuiltinDictionaries.defaultName], scope: Scope = .full,
                kwic: Int = 0, columns: [String: [String: String]] = [:], excludedChapters: [String] = [],
                options: CountingOptions = CountingOptions()) {
        self.dictionaries = dictionaries
        self.scope = scope
        self.kwic = kwic
        self.columns = columns
        self.excludedChapters = excludedChapters
        self.options = options
    }

    enum CodingKeys: String, CodingKey {
        case dictionaries, scope, kwic, columns
        case excludedChapters = "excluded_chapters"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = CountingConfig()
        dictionaries = try c.decodeIfPresent([String].self, forKey: .dictionaries) ?? d.dictionaries
        scope = try c.decodeIfPresent(Scope.self, forKey: .scope) ?? d.scope
        kwic = try c.decodeIfPresent(Int.self, forKey: .kwic) ?? d.kwic
        columns = try c.decodeIfPresent([String: [String: String]].self, forKey: .columns) ?? [:]
        excludedChapters = try c.decodeIfPresent([String].self, forKey: .excludedChapters) ?? []
        // The counting options share this mapping (mode:, negation:, exclusion:, strip:).
        options = try CountingOptions(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(dictionaries, forKey: .dictionaries)
        try c.encode(scope, forKey: .scope)
        try c.encode(kwic, forKey: .kwic)
        try c.encode(columns, forKey: .columns)
        try c.encode(excludedChapters, forKey: .excludedChapters)
        try options.encode(to: encoder)
    }
}
