import NQPTable
@testable import NQPPanel

/// A RawSheet from simple comma-separated lines (no quoting), line numbers from 1.
func sheet(_ text: String, path: String = "test.csv", dates: NumericDateEpoch = .none) -> RawSheet {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }
    return RawSheet(path: path, rows: lines.enumerated().map { i, line in
        RawRow(fields: line.split(separator: ",", omittingEmptySubsequences: false).map(String.init), line: i + 1)
    }, numericDates: dates)
}

func numbers(_ table: KeyedTable, _ name: String) -> [Double?] { table.column(named: name)?.values.numbers ?? [] }
func numbers(_ table: Table, _ name: String) -> [Double?] {
    if case .number(let v)? = table.column(named: name)?.values { return v }
    return []
}
func texts(_ table: Table, _ name: String) -> [String?] {
    if case .text(let v)? = table.column(named: name)?.values { return v }
    return []
}

/// A small panel table with firm/year keys and numeric variables.
func panel(firms: [String], years: [Int], _ variables: [(String, [Double?])]) -> Table {
    Table(columns: [Column(name: "firm", values: .text(firms)),
                    Column(name: "year", values: .number(years.map(Double.init)))]
        + variables.map { Column(name: $0.0, values: .number($0.1)) })
}
