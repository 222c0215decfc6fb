/// One firm-year as the scorer sees it. A value that is absent, `nil` or not finite is missing.
public struct ScoreRow: Equatable, Sendable {
    public var firm: String
    public var year: Int
    public var values: [String: Double?]

    public init(firm: String, year: Int, values: [String: Double?]) {
        self.firm = firm
        self.year = year
        self.values = values
    }
}

/// Column-oriented input (the shape of a panel table): `firms[i]`, `years[i]` and `columns[name][i]` describe row i.
public struct ScorePanel: Equatable, Sendable {
    public var firms: [String]
    public var years: [Int]
    public var columns: [String: [Double?]]

    public init(firms: [String], years: [Int], columns: [String: [Double?]]) {
        self.firms = firms
        self.years = years
        self.columns = columns
    }

    public init(rows: [ScoreRow], indicators: [String]) {
        firms = rows.map(\.firm)
        years = rows.map(\.year)
        var columns: [String: [Double?]] = [:]
        // A name that no row carries stays absent, so the scorer reports it as not found rather than all-missing.
        for name in indicators where rows.contains(where: { $0.values[name] != nil }) {
            columns[name] = rows.map { $0.values[name] ?? nil }
        }
        self.columns = columns
    }

    public var rowCount: Int { firms.count }
}
