import Foundation
import NQPExtract
import NQPLexicon

/// `counting:` — dictionaries, the text scope and every counting choice (recorded in the manifest).
public struct CountingConfig: Encodable, Sendable, Equatable {
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

extension CountingConfig: ConfigSchemaDescribed, Decodable {
    public init(from decoder: any Decoder) throws { self = try Self.decoded(from: decoder) }

    public static var schema: ConfigSchema<CountingConfig> {
        ConfigSchema(defaults: CountingConfig(), [
            .key("dictionaries", \.dictionaries,
                 doc: "built-in dictionary names (`nqp dict list`; the default's alias is `wu2021`) or dictionary files "
                     + "(nqp YAML, cntext YAML or plain text); a file that exists wins over a name"),
            .key("scope", \.scope, doc: "`full` (the whole report), `mdna`, a 10-K item `item:1A`, `item:7` … or an "
                + "EDGAR document `document:EX-13`"),
            // The counting options share this mapping (mode:, negation:, exclusion:, strip:).
            .inline(\.options),
            .key("excluded_chapters", \.excludedChapters,
                 doc: "chapters whose hits are reported as excluded, found by name like the MD&A, e.g. "
                     + "`[公司治理, 董事、监事、高级管理人员和员工情况]` for executive biographies"),
            .key("kwic", \.kwic, doc: "characters of context per hit in `kwic.csv`; `0` = no `kwic.csv`",
                 validate: { $0 >= 0 ? nil : "kwic must be 0 (off) or a number of characters" }),
            .key("columns", \.columns, doc: "`{dictionary name: {category: column}}` to rename output columns"),
        ])
    }
}
