import NQPTable

/// One firm-year as the scorer sees it. A value that is absent, `nil` or not finite is missing.
public struct ScoreRow: Equatable, Sendable {
    public var key: PanelKey
    public var values: [String: Double?]

    public init(key: PanelKey, values: [String: Double?]) {
        self.key = key
        self.values = values
    }

    public init(firm: String, year: Int, values: [String: Double?]) {
        self.init(key: PanelKey(firm: firm, year: year), values: values)
    }
}

/// Column-oriented input (the shape of a panel table): `keys[i]` and `columns[name][i]` describe row i.
public struct ScorePanel: Equatable, Sendable {
    public var keys: [PanelKey]
    public var columns: [String: [Double?]]

    public init(keys: [PanelKey], columns: [String: [Double?]]) {
        self.keys = keys
        self.columns = columns
    }

    public init(rows: [ScoreRow], indicators: [String]) {
        keys = rows.map(\.key)
        var columns: [String: [Double?]] = [:]
        // A name that no row carries stays absent, so the scorer reports it as not found rather than all-missing.
        for name in indicators where rows.contains(where: { $0.values[name] != nil }) {
            columns[name] = rows.map { $0.values[name] ?? nil }
        }
        self.columns = columns
    }

    public var rowCount: Int { keys.count }
}
