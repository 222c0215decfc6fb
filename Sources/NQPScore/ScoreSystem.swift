/// A named composite score: either a flat list of indicators or a tree of dimensions whose leaves hold
/// indicators. The composite goes to `column` (default: `name`), every dimension to its own column.
///
/// A dimension has exactly the fields of a system (a dimension is the composite of its own sub-tree), so both
/// are this one type; `ScoreDimension` names it where a node below the top is meant.
public struct ScoreSystem: Encodable, Equatable, Sendable {
    public var name: String
    /// Output column; `nil` means `name` for the system and `<composite column>_<name>` for a dimension.
    public var column: String?
    public var label: String?
    /// How the dimensions (or sub-dimensions) are combined; `nil` means `EntropyOptions.aggregation`. Ignored for
    /// a node that holds indicators.
    public var aggregation: Aggregation?
    /// Indicators of a flat system or of a leaf dimension (leave `dimensions` empty).
    public var indicators: [Indicator]
    /// Dimensions of a hierarchical system or sub-dimensions of a dimension (leave `indicators` empty).
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

    /// Output column of the composite (of a system; a dimension's default column is set by `ScoreTree`).
    public var compositeColumn: String { column ?? name }

    /// Every indicator below this node in configured (depth-first) order.
    public var allIndicators: [Indicator] {
        indicators + dimensions.flatMap(\.allIndicators)
    }
}

/// A dimension (or sub-dimension) of a score system: holds either indicators or sub-dimensions.
public typealias ScoreDimension = ScoreSystem
