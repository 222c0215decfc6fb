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

/// `merge:` in pipeline.yml.
public struct MergeOptions: Codable, Equatable, Sendable {
    public var how: MergeHow
    /// Names of the key columns of the output table.
    public var firmColumn: String
    public var yearColumn: String
    /// When set, a text column with each row's category (`matched`, `text_only`, `financials_only`), like `_merge`.
    public var statusColumn: String?

    public init(how: MergeHow = .leftText, firmColumn: String = "firm", yearColumn: String = "year",
                statusColumn: String? = nil) {
        self.how = how
        self.firmColumn = firmColumn
        self.yearColumn = yearColumn
        self.statusColumn = statusColumn
    }

    enum CodingKeys: String, CodingKey {
        case how
        case firmColumn = "firm_column"
        case yearColumn = "year_column"
        case statusColumn = "status_column"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        how = try c.decodeIfPresent(MergeHow.self, forKey: .how) ?? .leftText
        firmColumn = try c.decodeIfPresent(String.self, forKey: .firmColumn) ?? "firm"
        yearColumn = try c.decodeIfPresent(String.self, forKey: .yearColumn) ?? "year"
        statusColumn = try c.decodeIfPresent(String.self, forKey: .statusColumn)
    }
}
