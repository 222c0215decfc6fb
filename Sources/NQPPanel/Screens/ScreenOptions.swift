/// `screens:` in pipeline.yml. Every screen is optional; they run in this fixed order and each reports
/// "N firm-years dropped by <screen>": year range → industry → ST/*ST/PT flags → B shares → required variables →
/// winsorising (which changes values, drops nothing).
public struct ScreenOptions: Encodable, Equatable, Sendable {
    public var yearRange: YearRange?
    public var industry: IndustryScreen?
    public var specialTreatment: FlagScreen?
    public var bShares: BShareScreen?
    /// Drop firm-years where any of these variables is missing.
    public var requireVariables: [String]
    public var winsorize: WinsorizeOptions?

    public init(yearRange: YearRange? = nil, industry: IndustryScreen? = nil, specialTreatment: FlagScreen? = nil,
                bShares: BShareScreen? = nil, requireVariables: [String] = [], winsorize: WinsorizeOptions? = nil) {
        self.yearRange = yearRange
        self.industry = industry
        self.specialTreatment = specialTreatment
        self.bShares = bShares
        self.requireVariables = requireVariables
        self.winsorize = winsorize
    }

    enum CodingKeys: String, CodingKey {
        case yearRange = "year_range"
        case industry
        case specialTreatment = "special_treatment"
        case bShares = "b_shares"
        case requireVariables = "require_variables"
        case winsorize
    }
}

/// Keep fiscal years `from`…`to` (inclusive; either bound optional).
public struct YearRange: Encodable, Equatable, Sendable {
    public var from: Int?
    public var to: Int?

    public init(from: Int? = nil, to: Int? = nil) {
        self.from = from
        self.to = to
    }

    enum CodingKeys: String, CodingKey { case from, to }
}

/// Industry screen on a CSRC-2012 code column (`IndustryCode`, `Indcd`): `keep` and/or `drop` lists of patterns —
/// a section letter (`J` = every J code), a division (`C27`), or a range within one section (`C13-C43`, compared
/// as letter + two-digit number, so `C13-C43` is manufacturing). With `keep`, rows without a code are dropped.
public struct IndustryScreen: Encodable, Equatable, Sendable {
    public var column: String
    public var keep: [String]
    public var drop: [String]

    public init(column: String, keep: [String] = [], drop: [String] = []) {
        self.column = column
        self.keep = keep
        self.drop = drop
    }

    enum CodingKeys: String, CodingKey { case column, keep, drop }
}

/// Drops firm-years whose flag column holds one of `values` (case-insensitive, trimmed): `exact` compares the
/// whole value (a status column: `ST`, `*ST`, `PT`, or `1` for a 0/1 flag); `prefix` matches values that start with
/// one (a short-name column: `*ST康得`).
public struct FlagScreen: Encodable, Equatable, Sendable {
    public enum Match: String, Codable, Sendable { case exact, prefix }

    public var column: String
    public var values: [String]
    public var match: Match

    public static let defaultValues = ["ST", "*ST", "PT", "S*ST", "SST"]

    public init(column: String, values: [String] = FlagScreen.defaultValues, match: Match = .exact) {
        self.column = column
        self.values = values
        self.match = match
    }

    enum CodingKeys: String, CodingKey { case column, values, match }
}

/// Drops B shares by the firm code's prefix. Default `200` (Shenzhen B) and `900` (Shanghai B); the one-digit
/// prefixes `2`/`9` some scripts use would also drop Beijing Stock Exchange codes starting 920.
public struct BShareScreen: Encodable, Equatable, Sendable {
    public var prefixes: [String]

    public static let defaultPrefixes = ["200", "900"]

    public init(prefixes: [String] = BShareScreen.defaultPrefixes) { self.prefixes = prefixes }

    enum CodingKeys: String, CodingKey { case prefixes }
}

/// Winsorising: values below the `lower` percentile are set to it, above the `upper` percentile likewise.
/// Percentiles follow Stata's `_pctile` (used by `winsor2`), see `Percentile.stata`.
public struct WinsorizeOptions: Encodable, Equatable, Sendable {
    public enum Grouping: String, Codable, Sendable { case pooled, year }

    public var variables: [String]
    public var lower: Double
    public var upper: Double
    public var by: Grouping
    /// nil = replace the variables (winsor2 `replace`); else write `<variable><suffix>` (winsor2 `suffix(_w)`).
    public var suffix: String?

    public init(variables: [String], lower: Double = 1, upper: Double = 99, by: Grouping = .pooled,
                suffix: String? = nil) {
        self.variables = variables
        self.lower = lower
        self.upper = upper
        self.by = by
        self.suffix = suffix
    }

    enum CodingKeys: String, CodingKey { case variables, lower, upper, by, suffix }
}
