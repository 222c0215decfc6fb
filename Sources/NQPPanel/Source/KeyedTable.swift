import NQPTable

/// Variables of one input keyed by (firm, year): one row per key, in the order of `keys`.
/// Column values are aligned with `keys`; names are panel variable names (after renames).
public struct KeyedTable: Sendable, Equatable {
    /// The input's name (a financial source's `name`, or `text` for the text measures).
    public var source: String
    public var keys: [PanelKey]
    public var columns: [Column]

    public init(source: String, keys: [PanelKey] = [], columns: [Column] = []) {
        self.source = source
        self.keys = keys
        self.columns = columns
    }

    public var rowCount: Int { keys.count }
    public func column(named name: String) -> Column? { columns.first { $0.name == name } }

    /// Builds a keyed table from a `Table` with a text (or numeric) firm column and a numeric (or text) year column,
    /// e.g. the text measures. Rows whose firm or year is missing are returned separately (never dropped silently).
    /// Duplicate keys are an error listing them.
    public static func from(_ table: Table, source: String, keyColumns: PanelKeyColumns, firmWidth: Int? = nil)
        throws(PanelError) -> (table: KeyedTable, rowsWithoutKey: [Int]) {
        let (firmIndex, yearIndex) = try keyColumns.indices(in: table)
        let firms = table.columns[firmIndex].values.asText()
        let years = table.columns[yearIndex].values.asText()
        var keys: [PanelKey] = [], keptRows: [Int] = [], withoutKey: [Int] = []
        for row in 0..<table.rowCount {
            if let rawFirm = firms[row], let firm = FirmCode.normalize(rawFirm, width: firmWidth),
               let rawYear = years[row], let year = YearValue.parse(rawYear) {
                keys.append(PanelKey(firm: firm, year: year))
                keptRows.append(row)
            } else {
                withoutKey.append(row)
            }
        }
        let columns = table.columns.enumerated()
            .filter { $0.offset != firmIndex && $0.offset != yearIndex }
            .map { $0.element.selectingRows(keptRows) }
        var keyed = KeyedTable(source: source, keys: keys, columns: columns)
        try keyed.requireUniqueKeys(lines: keptRows.map { $0 + 1 }, lineWord: "row")
        keyed.sortByKey()
        return (keyed, withoutKey)
    }

    /// Throws `duplicateKeys` listing up to 20 duplicated keys with their lines.
    func requireUniqueKeys(lines: [Int], lineWord: String) throws(PanelError) {
        var seen: [PanelKey: [Int]] = [:]
        for (i, key) in keys.enumerated() { seen[key, default: []].append(lines[i]) }
        let dups = seen.filter { $0.value.count > 1 }.sorted { $0.key < $1.key }
        guard !dups.isEmpty else { return }
        let examples = dups.prefix(20).map { key, lines in
            "\(key.firm) \(key.year) (\(lineWord)s \(lines.map(String.init).joined(separator: ", ")))"
        }
        throw .duplicateKeys(source: source, count: dups.count, examples: Array(examples))
    }

    /// Sorts rows by firm then year (stable, so equal keys keep file order).
    public mutating func sortByKey() {
        let order = keys.indices.sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }
        if order == Array(keys.indices) { return }
        keys = order.map { keys[$0] }
        columns = columns.map { $0.selectingRows(order) }
    }
}

extension Column {
    /// The column restricted to (and reordered by) `rows`; an index of -1 gives a missing value.
    func selectingRows(_ rows: [Int]) -> Column {
        var copy = self
        switch values {
        case .text(let v): copy.values = .text(rows.map { $0 >= 0 ? v[$0] : nil })
        case .number(let v): copy.values = .number(rows.map { $0 >= 0 ? v[$0] : nil })
        }
        return copy
    }
}

extension ColumnValues {
    /// Values as text: numbers print integrally when integral (2019, not 2019.0).
    func asText() -> [String?] {
        switch self {
        case .text(let v): return v
        case .number(let v): return v.map { $0.map(NumberText.format) }
        }
    }

    var numbers: [Double?]? {
        if case .number(let v) = self { return v }
        return nil
    }
}
