import NQPTable

/// Which firm-years the merged panel keeps.
/// - `inner`: keys in the text measures AND in at least one financial source.
/// - `left_text` (default): every key of the text measures (financial variables missing where absent).
/// - `left_financials`: every key found in at least one financial source.
/// - `outer`: every key of any input.
/// The financial side is the UNION of the sources: a key present in the text and only in the balance sheet is
/// "matched", with the income-statement variables missing; the per-source counts show which source lacks it.
public enum MergeHow: String, Codable, Sendable, CaseIterable {
    case inner
    case leftText = "left_text"
    case leftFinancials = "left_financials"
    case outer
}

/// `merge:` in pipeline.yml (its keys are declared in NQPConfig's schema, with their defaults from `init`).
public struct MergeOptions: Encodable, Equatable, Sendable {
    public var how: MergeHow
    /// Names of the key columns of the panel (`firm_column`, default `firm`; `year_column`, default `year`): every
    /// later stage and every panel file uses them (README "Merge").
    public var keyColumns: PanelKeyColumns
    /// When set, a text column with each row's category (`matched`, `text_only`, `financials_only`), like `_merge`.
    public var statusColumn: String?

    public init(how: MergeHow = .leftText, keyColumns: PanelKeyColumns = .standard, statusColumn: String? = nil) {
        self.how = how
        self.keyColumns = keyColumns
        self.statusColumn = statusColumn
    }

    enum CodingKeys: String, CodingKey {
        case how
        case firmColumn = "firm_column"
        case yearColumn = "year_column"
        case statusColumn = "status_column"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(how, forKey: .how)
        try c.encode(keyColumns.firm, forKey: .firmColumn)
        try c.encode(keyColumns.year, forKey: .yearColumn)
        try c.encodeIfPresent(statusColumn, forKey: .statusColumn)
    }
}
