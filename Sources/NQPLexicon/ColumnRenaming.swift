extension KeywordDictionary {
    /// A copy with some categories' output columns replaced (category name → column), for column names set in
    /// `pipeline.yml` rather than in the dictionary. Throws when a name is unknown, a column is not Stata-safe, or
    /// two categories would share a column.
    public func renamingColumns(_ columns: [String: String]) throws(LexiconError) -> KeywordDictionary {
        var copy = self
        var problems: [DictionaryProblem] = []
        let file = path.isEmpty ? "<\(name)>" : path
        for categoryName in columns.keys.sorted() where !categories.contains(where: { $0.name == categoryName }) {
            problems.append(.init(severity: .error, kind: .layout, file: file, line: nil, category: categoryName,
                                  message: "no category `\(categoryName)` to rename; categories are "
                                      + categories.map(\.name).joined(separator: ", ")))
        }
        var renamed = copy.categories
        for index in renamed.indices {
            guard let column = columns[renamed[index].name] else { continue }
            if !ColumnName.isValid(column) {
                problems.append(.init(severity: .error, kind: .invalidColumn, file: file, line: nil,
                                      category: renamed[index].name,
                                      message: "column `\(column)` is not Stata-safe (1–32 ASCII letters, digits, _)"))
            }
            renamed[index].column = column
        }
        if Set(renamed.map(\.column)).count != renamed.count {
            problems.append(.init(severity: .error, kind: .duplicateColumn, file: file, line: nil,
                                  message: "two categories would share a column: "
                                      + renamed.map(\.column).joined(separator: ", ")))
        }
        if !problems.isEmpty { throw .invalidDictionary(path: file, problems: problems) }
        copy.setCategories(renamed)
        return copy
    }
}
