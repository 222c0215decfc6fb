import NQPTable

extension PanelKeyColumns {
    /// Positions of the firm and year columns in `table`; a missing one is `missingKeyColumn`.
    func indices(in table: Table) throws(PanelError) -> (firm: Int, year: Int) {
        guard let firm = table.columnIndex(named: self.firm) else { throw .missingKeyColumn(self.firm) }
        guard let year = table.columnIndex(named: self.year) else { throw .missingKeyColumn(self.year) }
        return (firm, year)
    }

    /// The key of every row of `table` (named `tableName` in errors), in row order. A row without a firm or a
    /// fiscal year is an error naming the row — never a made-up key such as year 0.
    public func keys(of table: Table, tableName: String) throws(PanelError) -> [PanelKey] {
        let (firmIndex, yearIndex) = try indices(in: table)
        let firms = table.columns[firmIndex].values.asText()
        let years = table.columns[yearIndex].values.asText()
        var keys: [PanelKey] = []
        keys.reserveCapacity(table.rowCount)
        for row in 0..<table.rowCount {
            guard let firm = firms[row], !FirmCode.trim(firm).isEmpty else {
                throw .missingKey(table: tableName, row: row + 1, column: self.firm)
            }
            guard let year = years[row].flatMap(YearValue.parse) else {
                throw .missingKey(table: tableName, row: row + 1, column: self.year)
            }
            keys.append(PanelKey(firm: firm, year: year))
        }
        return keys
    }
}
