/// Which rows one set of weights is computed from.
public enum Weighting: String, Codable, Sendable, CaseIterable {
    /// All firm-years together (panel entropy method with time, Yang & Sun 2015): min/max over all years, N = all rows.
    case pooled
    /// Separately within each year ("年度熵值法"): weights differ by year.
    case byYear = "by_year"
}

/// How raw values become comparable, non-negative standardised values x′ before the shift.
public enum Standardization: String, Codable, Sendable, CaseIterable {
    /// `+`: (x − min)/(max − min); `-`: (max − x)/(max − min).
    case minmax
    /// `+`: x/max; `-`: min/x. Needs non-negative values (`-`: strictly positive).
    case max
    /// x/Σx over the rows of the weighting group. Needs non-negative values; `+` only.
    case sum
    /// Raw values as they are (the textbook p = x/Σx form). Needs non-negative values; `+` only.
    case none
}

/// Where the configured `shift` is added.
public enum ShiftTarget: String, Codable, Sendable, CaseIterable {
    /// To every standardised value x′ (so it enters p and the score): the usual "+0.0001".
    case standardized
    /// Nowhere: the shift size is ignored and 0·ln 0 = 0 handles zeros.
    case none
}

/// How the score of a node is formed from its weighted inputs.
public enum ScoringMethod: String, Codable, Sendable, CaseIterable {
    /// Weighted sum S = Σ w·x′.
    case entropy
    /// TOPSIS closeness C = D⁻/(D⁺ + D⁻) on V = w·x′ (distances to the column max/min of V).
    case entropyTopsis = "entropy_topsis"
}

/// How a dimension that has sub-dimensions weights them.
public enum Aggregation: String, Codable, Sendable, CaseIterable {
    /// Entropy again: the sub-scores are standardised like indicators and weighted by their own entropy.
    case entropy
    /// The weight of a sub-dimension is the sum of the divergences d of all indicators below it, renormalised over
    /// the parent (so the composite equals one entropy weighting over all indicators together).
    case sumOfWeights = "sum_of_weights"
}

/// What happens to rows with a missing indicator value.
public enum MissingPolicy: String, Codable, Sendable, CaseIterable {
    /// Incomplete rows are left out of the weighting and get no score.
    case dropIncomplete = "drop_incomplete"
    /// Interior gaps are filled by linear interpolation over years within each firm; rows still incomplete are dropped.
    case interpolate
}
