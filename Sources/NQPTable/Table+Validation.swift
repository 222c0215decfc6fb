extension Table {
    /// Checks that every column has the same number of values as the first one.
    public func validateShape() throws(TableError) {
        let expected = rowCount
        for column in columns where column.count != expected {
            throw .shapeMismatch(column: column.name, expected: expected, actual: column.count)
        }
    }
}

extension Column {
    /// Number of non-missing values.
    public var nonMissingCount: Int {
        switch values {
        case .text(let v): v.reduce(0) { $0 + ($1 == nil ? 0 : 1) }
        case .number(let v): v.reduce(0) { $0 + (($1.map { $0.isFinite } ?? false) ? 1 : 0) }
        }
    }

    /// True for `.number` columns.
    public var isNumeric: Bool {
        if case .number = values { return true }
        return false
    }
}
