import NQPTable

/// Winsorising with Stata `_pctile` percentiles (`Percentile.stata`), pooled or within each year, like
/// `winsor2 x, cut(1 99) [by(year)] replace`. Missing values stay missing and do not count in n.
public enum Winsorizer {
    public static func apply(_ options: WinsorizeOptions, to table: inout Table, yearIndex: Int,
                             report: inout ScreenReport) throws(PanelError) {
        guard options.lower >= 0, options.upper <= 100, options.lower < options.upper else {
            throw .invalidScreen(screen: "winsorize", reason: "need 0 ≤ lower < upper ≤ 100, got "
                + "\(options.lower) and \(options.upper)")
        }
        let years = table.columns[yearIndex].values.asText().map { $0.flatMap(YearValue.parse) }
        for variable in options.variables {
            guard let index = table.columnIndex(named: variable) else {
                throw .invalidScreen(screen: "winsorize", reason: "no variable '\(variable)' in the panel")
            }
            guard var values = table.columns[index].values.numbers else {
                throw .invalidScreen(screen: "winsorize", reason: "'\(variable)' is text, not numeric")
            }
            var groups: [Int?: [Int]] = [:]
            for i in values.indices where values[i] != nil {
                groups[options.by == .year ? years[i] : nil, default: []].append(i)
            }
            let orderedGroups = groups.keys.sorted { ($0 ?? Int.min) < ($1 ?? Int.min) }
            for group in orderedGroups {
                let rows = groups[group] ?? []
                let sorted = rows.compactMap { values[$0] }.sorted()
                guard let lo = Percentile.stata(sorted: sorted, p: options.lower),
                      let hi = Percentile.stata(sorted: sorted, p: options.upper) else { continue }
                var cut = ScreenReport.Cut(variable: variable, year: group, n: sorted.count,
                                           lowerPercentile: options.lower, upperPercentile: options.upper,
                                           lower: lo, upper: hi, clippedLow: 0, clippedHigh: 0)
                for i in rows {
                    guard let v = values[i] else { continue }
                    if v < lo { values[i] = lo; cut.clippedLow += 1 } else if v > hi { values[i] = hi; cut.clippedHigh += 1 }
                }
                report.cuts.append(cut)
            }
            if let suffix = options.suffix {
                var column = table.columns[index]
                column.name = variable + suffix
                column.label = String("\(column.label) (winsorised)".prefix(80))
                column.values = .number(values)
                if let existing = table.columnIndex(named: column.name) {
                    table.columns[existing] = column
                } else {
                    table.columns.append(column)
                }
            } else {
                table.columns[index].values = .number(values)
            }
        }
    }
}
