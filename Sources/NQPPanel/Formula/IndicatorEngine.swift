import NQPTable

/// Computes derived indicators on the merged panel: parses every formula, checks names, orders the indicators by
/// their references to each other (cycles are an error), evaluates, and appends one numeric column per indicator
/// (in definition order) with its label, unit and formula as definition.
public enum IndicatorEngine {
    /// `keyColumns` names the panel's firm and year columns (lags and leads look rows up by key).
    public static func compute(_ definitions: [IndicatorDefinition], on table: Table, keyColumns: PanelKeyColumns)
        throws(PanelError) -> (Table, [IndicatorReport]) {
        let (firmIndex, yearIndex) = try keyColumns.indices(in: table)
        let firms = table.columns[firmIndex].values.asText()
        let years = table.columns[yearIndex].values.asText().map { $0.flatMap(YearValue.parse) }
        let index = PanelIndex(firms: firms, years: years)
        if index.rowOf.count < zip(firms, years).filter({ $0 != nil && $1 != nil }).count {
            let keyed = KeyedTable(source: "panel", keys: zip(firms, years).compactMap { f, y in
                f.flatMap { f in y.map { PanelKey(firm: f, year: $0) } }
            })
            try keyed.requireUniqueKeys(lines: keyed.keys.indices.map { $0 + 1 }, lineWord: "row")
        }

        // Parse and check names.
        var parsed: [String: FormulaExpression] = [:]
        var names = Set<String>()
        for d in definitions {
            if d.name.isEmpty || table.columnIndex(named: d.name) != nil || !names.insert(d.name).inserted {
                throw .duplicateIndicator(d.name)
            }
            parsed[d.name] = try FormulaParser(indicator: d.name, formula: d.formula).parse()
        }
        var numeric: [String: [Double?]] = [:]
        var textColumns = Set<String>()
        for column in table.columns {
            if let v = column.values.numbers { numeric[column.name] = v } else { textColumns.insert(column.name) }
        }
        var dependencies: [String: [String]] = [:]
        for d in definitions {
            guard let expression = parsed[d.name] else { continue }
            for (name, column) in expression.variables {
                if names.contains(name) {
                    dependencies[d.name, default: []].append(name)
                } else if textColumns.contains(name) {
                    throw .formulaSyntax(indicator: d.name, formula: d.formula, column: column,
                                         message: "'\(name)' is a text variable; formulas compute on numbers")
                } else if numeric[name] == nil {
                    throw .unknownVariable(indicator: d.name, formula: d.formula, column: column, name: name)
                }
            }
        }
        let order = try evaluationOrder(definitions.map(\.name), dependencies: dependencies)

        var results: [String: [Double?]] = [:]
        var reports: [String: IndicatorReport] = [:]
        for name in order {
            guard let expression = parsed[name], let d = definitions.first(where: { $0.name == name }) else { continue }
            var evaluator = FormulaEvaluator(variables: numeric, index: index, rowCount: table.rowCount)
            let values = evaluator.evaluate(expression).map { v in v.flatMap { $0.isFinite ? $0 : nil } }
            var report = IndicatorReport(name: name, formula: d.formula, rows: values.count, nonMissing: 0,
                                         missingInput: 0, divisionByZero: 0, domainError: 0, overflow: 0)
            for (i, v) in values.enumerated() {
                if v != nil { report.nonMissing += 1; continue }
                switch evaluator.reasons[i] {
                case .divisionByZero: report.divisionByZero += 1
                case .domain: report.domainError += 1
                case .overflow: report.overflow += 1
                case nil: report.missingInput += 1
                }
            }
            numeric[name] = values
            results[name] = values
            reports[name] = report
        }
        var output = table
        for d in definitions {
            output.columns.append(Column(name: d.name, label: d.label, unit: d.unit, definition: d.formula,
                                         values: .number(results[d.name] ?? [])))
        }
        return (output, definitions.compactMap { reports[$0.name] })
    }

    /// Depth-first topological order that keeps definition order where dependencies allow.
    static func evaluationOrder(_ names: [String], dependencies: [String: [String]]) throws(PanelError)
        -> [String] {
        enum Mark { case visiting, done }
        var marks: [String: Mark] = [:]
        var order: [String] = []
        var stack: [String] = []
        func visit(_ name: String) throws(PanelError) {
            switch marks[name] {
            case .done: return
            case .visiting:
                let start = stack.firstIndex(of: name) ?? 0
                throw .indicatorCycle(Array(stack[start...]) + [name])
            case nil: break
            }
            marks[name] = .visiting
            stack.append(name)
            for dependency in dependencies[name] ?? [] { try visit(dependency) }
            stack.removeLast()
            marks[name] = .done
            order.append(name)
        }
        for name in names { try visit(name) }
        return order
    }
}
