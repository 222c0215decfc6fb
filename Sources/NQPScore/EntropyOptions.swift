/// All settings of the entropy scorer. Decodable from `pipeline.yml` (snake_case keys, every key optional) and
/// encoded into manifest.json so a run records exactly which variant produced its numbers.
public struct EntropyOptions: Encodable, Equatable, Sendable {
    /// `method`: `entropy` (default) or `entropy_topsis`.
    public var method: ScoringMethod
    /// `weighting`: `pooled` (default) or `by_year`.
    public var weighting: Weighting
    /// `base_year`: take min/max (for `minmax`/`max`) from this year's rows instead of the weighting group (Stata
    /// `ewm …, base`). Default none.
    public var baseYear: Int?
    /// `standardize`: `minmax` (default), `max`, `sum`, `none`.
    public var standardize: Standardization
    /// `shift`: added to standardised values to avoid ln 0. Default 0.0001.
    public var shift: Double
    /// `shift_applies_to`: `standardized` (default) or `none`.
    public var shiftAppliesTo: ShiftTarget
    /// `scale`: every score is multiplied by this (e.g. 100). Default 1.
    public var scale: Double
    /// `aggregation`: default for dimensions with sub-dimensions: `sum_of_weights` (default) or `entropy`.
    public var aggregation: Aggregation
    /// `missing`: `drop_incomplete` (default) or `interpolate`.
    public var missing: MissingPolicy

    public static let defaultShift = 0.0001

    public init(method: ScoringMethod = .entropy, weighting: Weighting = .pooled, baseYear: Int? = nil,
                standardize: Standardization = .minmax, shift: Double = EntropyOptions.defaultShift,
                shiftAppliesTo: ShiftTarget = .standardized, scale: Double = 1,
                aggregation: Aggregation = .sumOfWeights, missing: MissingPolicy = .dropIncomplete) {
        self.method = method
        self.weighting = weighting
        self.baseYear = baseYear
        self.standardize = standardize
        self.shift = shift
        self.shiftAppliesTo = shiftAppliesTo
        self.scale = scale
        self.aggregation = aggregation
        self.missing = missing
    }

    enum CodingKeys: String, CodingKey {
        case method, weighting
        case baseYear = "base_year"
        case standardize, shift
        case shiftAppliesTo = "shift_applies_to"
        case scale, aggregation, missing
    }

    /// The shift actually added to standardised values.
    public var effectiveShift: Double { shiftAppliesTo == .standardized ? shift : 0 }

    /// Checks option values that do not depend on the data.
    public func validate() throws(ScoreError) {
        guard shift.isFinite, shift >= 0 else {
            throw .invalidOption(field: "shift", reason: "must be a finite number ≥ 0, got \(shift)")
        }
        guard scale.isFinite, scale > 0 else {
            throw .invalidOption(field: "scale", reason: "must be a finite number > 0, got \(scale)")
        }
        if baseYear != nil, standardize == .sum || standardize == .none {
            throw .invalidOption(field: "base_year",
                                 reason: "applies only to standardize: minmax or max (it fixes their min/max); "
                                     + "remove base_year or change standardize")
        }
    }
}
