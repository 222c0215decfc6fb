/// What the exporter writes; keys under `output:` in `pipeline.yml` (snake_case), declared in NQPConfig's schema
/// with their defaults from `init`.
public struct PanelExportOptions: Sendable, Equatable, Encodable {
    /// Base name of the data files (`panel` → panel.dta, panel.csv, panel_import.do …).
    public var baseName: String
    /// Sort order recorded in the .dta sortlist (the table must already be in this order); `nil`: the panel's key
    /// columns (`financials.merge.firm_column`, `year_column`), filled in by the run.
    public var sortColumns: [String]?
    /// Store integral numeric columns as byte/int/long in the .dta (false: all double).
    public var compactIntegers: Bool
    /// Prefix text cells that start with = + - @ tab or CR with a single quote in panel.csv.
    public var neutralizeFormulas: Bool
    /// Also write panel.sqlite (table `panel` + table `labels`).
    public var sqlite: Bool

    public init(baseName: String = "panel", sortColumns: [String]? = nil, compactIntegers: Bool = true,
                neutralizeFormulas: Bool = true, sqlite: Bool = false) {
        self.baseName = baseName
        self.sortColumns = sortColumns
        self.compactIntegers = compactIntegers
        self.neutralizeFormulas = neutralizeFormulas
        self.sqlite = sqlite
    }

    enum CodingKeys: String, CodingKey {
        case baseName = "base_name"
        case sortColumns = "sort_columns"
        case compactIntegers = "compact_integers"
        case neutralizeFormulas = "neutralize_formulas"
        case sqlite
    }
}
