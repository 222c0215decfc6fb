/// The output of `EntropyScorer`: score columns aligned with the input rows, the weights table, and a report of
/// what was dropped, filled or degenerate.
public struct ScoreResult: Equatable, Sendable {
    /// The composite first, then every dimension in configured (pre-order) order. `values[i]` belongs to input row i;
    /// `nil` where the row was not used (incomplete, or in a year that could not be weighted).
    public var columns: [ScoreColumn]
    /// The weights table: per year (ascending) when `by_year`, each year in pre-order (a node's children, then each
    /// child's own children).
    public var weights: [WeightRow]
    public var warnings: [ScoreWarning]
    /// Rows left out because an indicator was still missing after the missing-value policy, in (firm, year) order.
    public var droppedRows: [DroppedRow]
    /// Number of cells filled by interpolation (0 unless `missing: interpolate`).
    public var interpolatedCells: Int
    /// Number of rows that received a score.
    public var scoredRowCount: Int
    /// The options that produced the result (for the manifest).
    public var options: EntropyOptions

    public init(columns: [ScoreColumn], weights: [WeightRow], warnings: [ScoreWarning], droppedRows: [DroppedRow],
                interpolatedCells: Int, scoredRowCount: Int, options: EntropyOptions) {
        self.columns = columns
        self.weights = weights
        self.warnings = warnings
        self.droppedRows = droppedRows
        self.interpolatedCells = interpolatedCells
        self.scoredRowCount = scoredRowCount
        self.options = options
    }

    /// The composite score column's values.
    public var composite: [Double?] { columns.first?.values ?? [] }

    public func column(named name: String) -> ScoreColumn? { columns.first { $0.name == name } }
}

/// One output score column.
public struct ScoreColumn: Equatable, Sendable {
    public var name: String
    public var label: String
    /// Names from the system down to this node; `[system]` for the composite.
    public var path: [String]
    public var values: [Double?]

    public init(name: String, label: String, path: [String], values: [Double?]) {
        self.name = name
        self.label = label
        self.path = path
        self.values = values
    }
}

/// One line of the weights table: the weight of `indicator` (an indicator, or a sub-dimension) inside `dimension`.
/// Within one (dimension, year) the `w` sum to 1.
public struct WeightRow: Codable, Equatable, Sendable {
    /// Depth of the weighted item: 1 = directly under the composite; indicators of a flat system are level 1.
    public var level: Int
    /// The node whose score these weights form (the system name at level 1).
    public var dimension: String
    /// The weighted item: an indicator name, or a sub-dimension name when `isIndicator` is false.
    public var indicator: String
    public var isIndicator: Bool
    public var direction: Direction
    /// The year of the weights when `weighting: by_year`; `nil` when pooled.
    public var year: Int?
    /// Number of rows the weights were computed from.
    public var n: Int
    /// Entropy e; `nil` for a sub-dimension weighted by `sum_of_weights`.
    public var e: Double?
    /// Divergence d = 1 − e; for `sum_of_weights` the sum of d over the indicators below the sub-dimension.
    public var d: Double
    public var w: Double
    /// Product of the weights from the composite down to this item (for the entropy method with `sum_of_weights`
    /// everywhere, the composite is exactly Σ compositeWeight·x′ over indicators).
    public var compositeWeight: Double

    public init(level: Int, dimension: String, indicator: String, isIndicator: Bool, direction: Direction,
                year: Int?, n: Int, e: Double?, d: Double, w: Double, compositeWeight: Double) {
        self.level = level
        self.dimension = dimension
        self.indicator = indicator
        self.isIndicator = isIndicator
        self.direction = direction
        self.year = year
        self.n = n
        self.e = e
        self.d = d
        self.w = w
        self.compositeWeight = compositeWeight
    }

    enum CodingKeys: String, CodingKey {
        case level, dimension, indicator
        case isIndicator = "is_indicator"
        case direction, year, n, e, d, w
        case compositeWeight = "composite_weight"
    }
}

/// A row left out of the weighting because of missing values.
public struct DroppedRow: Equatable, Sendable {
    /// Position in the input.
    public var index: Int
    public var firm: String
    public var year: Int
    /// Indicators still missing (configured order).
    public var missing: [String]

    public init(index: Int, firm: String, year: Int, missing: [String]) {
        self.index = index
        self.firm = firm
        self.year = year
        self.missing = missing
    }
}

/// Something the user should know that did not stop scoring.
public enum ScoreWarning: Equatable, Sendable, CustomStringConvertible {
    /// The item did not vary over the rows of its group (or its base-year min equals its max): weight 0.
    case zeroVariance(dimension: String, item: String, year: Int?)
    /// A year (or the pooled group) could not be weighted; its rows get no score.
    case groupSkipped(year: Int?, rows: Int, reason: String)
    /// Rows dropped for missing values.
    case rowsDropped(count: Int, of: Int)
    /// Non-finite values (NaN, ±infinity) treated as missing.
    case nonFiniteValues(indicator: String, count: Int)
    /// Cells filled by firm-wise linear interpolation.
    case cellsInterpolated(count: Int)
    /// Some firm-years occur more than once (they are scored as separate rows).
    case duplicateFirmYears(count: Int, firm: String, year: Int)

    public var description: String {
        switch self {
        case .zeroVariance(let dimension, let item, let year):
            "`\(item)` in `\(dimension)`\(Self.yearText(year)) does not vary, so it gets weight 0"
        case .groupSkipped(let year, let rows, let reason):
            "\(year.map { "year \($0)" } ?? "the pooled sample") (\(rows) rows) was not scored: \(reason)"
        case .rowsDropped(let count, let total):
            "\(count) of \(total) rows have a missing indicator and were left out of the weighting and scores"
        case .nonFiniteValues(let indicator, let count):
            "`\(indicator)` has \(count) non-finite values (NaN or infinity), treated as missing"
        case .cellsInterpolated(let count):
            "\(count) missing cells were filled by linear interpolation within firm"
        case .duplicateFirmYears(let count, let firm, let year):
            "\(count) firm-years occur more than once (first: \(firm) \(year)); each copy is scored as its own row"
        }
    }

    private static func yearText(_ year: Int?) -> String { year.map { " (year \($0))" } ?? "" }
}
