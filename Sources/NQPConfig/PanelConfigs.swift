import NQPPanel
import NQPScore

/// `financials:` — the financial inputs, the id crosswalk, the merge, derived indicators and sample screens.
public struct FinancialsConfig: Encodable, Sendable, Equatable {
    /// CSV/TSV/`.dta`/`.xlsx` downloads (CSMAR, Wind, Compustat) and SEC companyfacts JSON files.
    public var sources: [FinancialSource]
    /// Optional id crosswalk applied to every source before the merge.
    public var crosswalk: CrosswalkConfig?
    /// How text measures and financial sources are joined (`how: inner | left_text | left_financials | outer`).
    public var merge: MergeOptions
    /// Derived indicators in configuration order: `name: {formula: "…", label: "…", unit: "…"}`.
    public var indicators: [IndicatorDefinition]
    /// Sample screens (year range, industry, ST flags, B shares, required variables, winsorising).
    public var screens: ScreenOptions

    public init(sources: [FinancialSource] = [], crosswalk: CrosswalkConfig? = nil,
                merge: MergeOptions = MergeOptions(), indicators: [IndicatorDefinition] = [],
                screens: ScreenOptions = ScreenOptions()) {
        self.sources = sources
        self.crosswalk = crosswalk
        self.merge = merge
        self.indicators = indicators
        self.screens = screens
    }

    enum CodingKeys: String, CodingKey { case sources, crosswalk, merge, indicators, screens }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(sources, forKey: .sources)
        try c.encodeIfPresent(crosswalk, forKey: .crosswalk)
        try c.encode(merge, forKey: .merge)
        try c.encode(indicators, forKey: .indicators)
        try c.encode(screens, forKey: .screens)
    }
}

/// A YAML mapping `name: {formula, label, unit}` read in file order (a Swift dictionary would lose the order,
/// and the order is the panel's column order).
struct OrderedIndicators: Decodable {
    var list: [IndicatorDefinition]

    struct Name: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Name.self)
        list = []
        for key in c.allKeys {
            var definition = try c.decode(IndicatorDefinition.self, forKey: key)
            definition.name = key.stringValue
            list.append(definition)
        }
    }
}

/// `scoring:` — entropy options (at this level) and the score systems written to the panel.
public struct ScoringConfig: Encodable, Sendable, Equatable {
    public var systems: [ScoreSystem]
    public var options: EntropyOptions

    public init(systems: [ScoreSystem] = [], options: EntropyOptions = EntropyOptions()) {
        self.systems = systems
        self.options = options
    }

    enum CodingKeys: String, CodingKey { case systems }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(systems, forKey: .systems)
        try options.encode(to: encoder)
    }
}

extension FinancialsConfig: ConfigSchemaDescribed, Decodable {
    public init(from decoder: any Decoder) throws { self = try Self.decoded(from: decoder) }

    public static var schema: ConfigSchema<FinancialsConfig> {
        ConfigSchema(defaults: FinancialsConfig(), [
            .key("sources", \.sources, doc: "list of financial inputs (below)"),
            .optional("crosswalk", \.crosswalk, doc: "id mapping (CIK ↔ gvkey, old ↔ new codes) applied to every source "
                + "(or those in `apply_to`) before the merge"),
            .mapping("merge", \.merge),
            .custom(["indicators"], rows: [
                ConfigReferenceRow(key: "indicators", shown: "`{}`",
                                   doc: "derived indicators, in order: `name: {formula: \"…\", label: \"…\", unit: \"…\"}`"),
            ]) { root, fields in
                if let indicators = try fields.optional(OrderedIndicators.self, "indicators") {
                    root.indicators = indicators.list
                }
            },
            .key("screens", \.screens, doc: "sample screens (below)", shown: "none"),
        ])
    }
}

extension ScoringConfig: ConfigSchemaDescribed, Decodable {
    public init(from decoder: any Decoder) throws { self = try Self.decoded(from: decoder) }

    public static var schema: ConfigSchema<ScoringConfig> {
        ConfigSchema(defaults: ScoringConfig(), [
            .key("systems", \.systems, doc: "score systems, each a tree of dimensions over indicators (below)"),
            // The entropy options share this mapping.
            .inline(\.options),
        ])
    }
}
