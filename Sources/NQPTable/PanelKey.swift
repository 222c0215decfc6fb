/// The key of a firm-year panel: a firm id (always text, e.g. "000001", a CIK or a gvkey) and a fiscal year.
/// Ordered by firm then year — the order of every panel table. Every stage (merge, indicators, screens, scores,
/// export) identifies a row by this value; the names of the key columns are an output setting (`PanelKeyColumns`).
public struct PanelKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var firm: String
    public var year: Int

    public init(firm: String, year: Int) {
        self.firm = firm
        self.year = year
    }

    public static func < (lhs: PanelKey, rhs: PanelKey) -> Bool {
        lhs.firm != rhs.firm ? lhs.firm < rhs.firm : lhs.year < rhs.year
    }

    public var description: String { "\(firm) \(year)" }
}

/// The names of the two key columns of a panel table (`financials.merge.firm_column` / `year_column` in
/// pipeline.yml, README "Merge"). Only the written tables use these names; a stage that reads a panel table asks
/// for its keys through the same value, so a renamed key column reaches every stage.
public struct PanelKeyColumns: Equatable, Sendable {
    public var firm: String
    public var year: String

    public init(firm: String, year: String) {
        self.firm = firm
        self.year = year
    }

    /// `firm` and `year`: the names of the text-measure tables and the default of the panel.
    public static let standard = PanelKeyColumns(firm: "firm", year: "year")

    /// Firm column, then year column: the panel's sort order.
    public var names: [String] { [firm, year] }
}
