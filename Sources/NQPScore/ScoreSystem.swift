/// A named composite score: either a flat list of indicators or a tree of dimensions whose leaves hold
/// indicators. The composite goes to `column` (default: `name`), every dimension to its own column.
public struct ScoreSystem: Codable, Equatable, Sendable {
    public var name: String
    /// Output column of the composite; `nil` means `name`.
    public var column: String?
    public var label: String?
    /// How the top-level dimensions are combined; `nil` means `EntropyOptions.aggregation`.
    public var aggregation: Aggregation?
    /// Indicators of a flat system (leave `dimensions` empty).
    public var indicators: [Indicator]
    /// Dimensions of a hierarchical system (leave `indicators` empty).
    public var dimensions: [ScoreDimension]

    public init(name: String, column: String? = nil, label: String? = nil, aggregation: Aggregation? = nil,
                indicators: [Indicator] = [], dimensions: [ScoreDimension] = []) {
        self.name = name
        self.column = column
        self.label = label
        self.aggregation = aggregation
        self.indicators = indicators
        self.dimensions = dimensions
    }

    enum CodingKeys: String, CodingKey { case name, column, label, aggregation, indicators, dimensions }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        column = try c.decodeIfPresent(String.self, forKey: .column)
        label = try c.decodeIfPresent(String.self, forKey: .label)
        aggregation = try c.decodeIfPresent(Aggregation.self, forKey: .aggregation)
        indicators = try c.decodeIfPresent([Indicator].self, forKey: .indicators) ?? []
        dimensions = try c.decodeIfPresent([ScoreDimension].self, forKey: .dimensions) ?? []
    }

    /// Output column of the composite.
    public var compositeColumn: String { column ?? name }

    /// Every indicator in configured (depth-first) order.
    public var allIndicators: [Indicator] {
        indicators + dimensions.flatMap(\.allIndicators)
    }
}

/// A dimension (or sub-dimension) of a score system: holds either indicators or sub-dimensions.
public struct ScoreDimension: Codable, Equatable, Sendable {
    public var name: String
    /// Output column; `nil` means `<composite column>_<name>`.
    public var column: String?
    public var label: String?
    /// How sub-dimensions are combined; `nil` means `EntropyOptions.aggregation`. Ignored for indicator leaves.
    public var aggregation: Aggregation?
    public var indicators: [Indicator]
    public var dimensions: [ScoreDimension]

    public init(name: String, column: String? = nil, label: String? = nil, aggregation: Aggregation? = nil,
                indicators: [Indicator] = [], dimensions: [ScoreDimension] = []) {
        self.name = name
        self.column = column
        self.label = label
        self.aggregation = aggregation
        self.indicators = indicators
        self.dimensions = dimensions
    }

    enum CodingKeys: String, CodingKey { case name, column, label, aggregation, indicators, dimensions }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        column = try c.decodeIfPresent(String.self, forKey: .column)
        label = try c.decodeIfPresent(String.self, forKey: .label)
        aggregation = try c.decodeIfPresent(Aggregation.self, forKey: .aggregation)
        indicators = try c.decodeIfPresent([Indicator].self, forKey: .indicators) ?? []
        dimensions = try c.decodeIfPresent([ScoreDimension].self, forKey: .dimensions) ?? []
    }

    /// Every indicator below this dimension in configured order.
    public var allIndicators: [Indicator] {
        indicators + dimensions.flatMap(\.allIndicators)
    }
}
