import NQPTable

/// Entropy-weighted scores for one score system.
///
/// Rows are processed in (firm, year) order whatever the input order, and every sum runs in a fixed order
/// (rows in that order, indicators in configured order), so results are bit-reproducible.
public struct EntropyScorer: Sendable {
    public var system: ScoreSystem
    public var options: EntropyOptions

    public init(system: ScoreSystem, options: EntropyOptions = EntropyOptions()) {
        self.system = system
        self.options = options
    }

    /// Checks the options and the system without data.
    public func validate() throws(ScoreError) {
        try options.validate()
        try checkDirections(try ScoreTree(system, defaultAggregation: options.aggregation))
    }

    /// Scores row-oriented input. An indicator that no row carries is reported as not found.
    public func score(_ rows: [ScoreRow]) throws(ScoreError) -> ScoreResult {
        try score(ScorePanel(rows: rows, indicators: system.allIndicators.map(\.name)))
    }

    /// Scores column-oriented input; score columns come back aligned with the input rows.
    public func score(_ panel: ScorePanel) throws(ScoreError) -> ScoreResult {
        try options.validate()
        let tree = try ScoreTree(system, defaultAggregation: options.aggregation)
        try checkDirections(tree)
        let count = panel.rowCount
        let firms = panel.keys.map(\.firm), years = panel.keys.map(\.year)
        var warnings: [ScoreWarning] = []
        var matrix = try indicatorMatrix(panel, tree: tree, warnings: &warnings)

        let order = (0..<count).sorted { a, b in
            panel.keys[a] != panel.keys[b] ? panel.keys[a] < panel.keys[b] : a < b
        }
        let duplicates = zip(order, order.dropFirst()).filter { panel.keys[$0.0] == panel.keys[$0.1] }
        var interpolated = 0
        if let first = duplicates.first?.0 {
            if options.missing == .interpolate {
                throw .duplicateFirmYear(firm: firms[first], year: years[first])
            }
            warnings.append(.duplicateFirmYears(count: duplicates.count, firm: firms[first],
                                                year: years[first]))
        }
        if options.missing == .interpolate {
            interpolated = PanelInterpolation.fillInteriorGaps(&matrix, firms: firms, years: years,
                                                                order: order)
            if interpolated > 0 { warnings.append(.cellsInterpolated(count: interpolated)) }
        }

        var used: [Int] = []
        var dropped: [DroppedRow] = []
        used.reserveCapacity(count)
        for row in order {
            if matrix.allSatisfy({ !$0[row].isNaN }) {
                used.append(row)
            } else {
                let missing = tree.indicators.indices.filter { matrix[$0][row].isNaN }.map { tree.indicators[$0].name }
                dropped.append(DroppedRow(index: row, firm: firms[row], year: years[row], missing: missing))
            }
        }
        if !dropped.isEmpty { warnings.append(.rowsDropped(count: dropped.count, of: count)) }
        guard !used.isEmpty else {
            throw .noUsableRows(reason: "none of the \(count) rows has all \(tree.indicators.count) indicators. "
                + "Check the indicator columns for missing values, or use missing: interpolate")
        }
        if let base = options.baseYear, !used.contains(where: { years[$0] == base }) {
            throw .invalidOption(field: "base_year", reason: "no complete row has year \(base); choose a year "
                + "present in the data")
        }

        let groups = weightingGroups(used, years: years)
        var outcomes: [Int: GroupOutcome] = [:]
        var reference: [ReferenceKey: Extrema] = [:]
        var reasons: [String] = []
        for g in processingOrder(groups) {
            let (year, rows) = groups[g]
            guard rows.count >= 2 else {
                let reason = "fewer than 2 complete rows; entropy needs N ≥ 2 (k = 1/ln N)"
                outcomes[g] = GroupOutcome(warnings: [.groupSkipped(year: year, rows: rows.count, reason: reason)])
                reasons.append(reason)
                continue
            }
            let columns = matrix.map { column in rows.map { column[$0] } }
            let basePositions = options.baseYear.map { base in rows.indices.filter { years[rows[$0]] == base } }
            var evaluator = GroupEvaluator(tree: tree, options: options, year: year, rows: rows, firms: firms,
                                           years: years, columns: columns, basePositions: basePositions)
            if try evaluator.run(reference: &reference) {
                outcomes[g] = GroupOutcome(scores: evaluator.scores, weights: evaluator.weightRowsInPreOrder(),
                                           warnings: evaluator.warnings)
            } else {
                let reason = evaluator.failure ?? "cannot be weighted"
                outcomes[g] = GroupOutcome(warnings: evaluator.warnings
                    + [.groupSkipped(year: year, rows: rows.count, reason: reason)])
                reasons.append(reason)
            }
        }

        var columnValues = [[Double?]](repeating: [Double?](repeating: nil, count: count), count: tree.nodes.count)
        var weights: [WeightRow] = []
        var scored = 0
        for g in groups.indices {
            guard let outcome = outcomes[g] else { continue }
            warnings += outcome.warnings
            guard let scores = outcome.scores else { continue }
            weights += outcome.weights
            scored += groups[g].rows.count
            for node in tree.nodes.indices {
                for (k, row) in groups[g].rows.enumerated() {
                    columnValues[node][row] = scores[node][k] * options.scale
                }
            }
        }
        guard scored > 0 else {
            throw .noUsableRows(reason: reasons.first ?? "no group could be weighted")
        }
        let columns = tree.nodes.indices.map { i in
            ScoreColumn(name: tree.nodes[i].column, label: tree.nodes[i].label, path: tree.nodes[i].path,
                        values: columnValues[i])
        }
        return ScoreResult(columns: columns, weights: weights, warnings: warnings, droppedRows: dropped,
                           interpolatedCells: interpolated, scoredRowCount: scored, options: options)
    }

    /// `sum` and `none` have no reversed form, so a `-` indicator would silently count as `+`.
    private func checkDirections(_ tree: ScoreTree) throws(ScoreError) {
        guard options.standardize == .sum || options.standardize == .none,
              let negative = tree.indicators.first(where: { $0.direction == .negative }) else { return }
        throw .invalidOption(field: "standardize",
                             reason: "`\(options.standardize.rawValue)` cannot reverse the negative indicator "
                                 + "`\(negative.name)`; use minmax or max, or mark it + after transforming it")
    }

    /// Indicator values as NaN-for-missing columns in configured order.
    private func indicatorMatrix(_ panel: ScorePanel, tree: ScoreTree,
                                 warnings: inout [ScoreWarning]) throws(ScoreError) -> [[Double]] {
        var matrix: [[Double]] = []
        matrix.reserveCapacity(tree.indicators.count)
        for indicator in tree.indicators {
            guard let column = panel.columns[indicator.name] else {
                throw .indicatorNotFound(indicator: indicator.name, available: panel.columns.keys.sorted())
            }
            guard column.count == panel.rowCount else {
                throw .inconsistentData(reason: "column `\(indicator.name)` has \(column.count) values for "
                    + "\(panel.rowCount) rows")
            }
            var nonFinite = 0
            var values = [Double](repeating: .nan, count: column.count)
            var observed = false
            for (i, value) in column.enumerated() {
                guard let value else { continue }
                if value.isFinite { values[i] = value; observed = true } else { nonFinite += 1 }
            }
            if nonFinite > 0 { warnings.append(.nonFiniteValues(indicator: indicator.name, count: nonFinite)) }
            guard observed else { throw .allMissing(indicator: indicator.name) }
            matrix.append(values)
        }
        return matrix
    }

    /// The pooled sample, or one group per year in ascending year order; rows keep their (firm, year) order.
    private func weightingGroups(_ used: [Int], years: [Int]) -> [(year: Int?, rows: [Int])] {
        switch options.weighting {
        case .pooled:
            return [(nil, used)]
        case .byYear:
            var byYear: [Int: [Int]] = [:]
            for row in used { byYear[years[row], default: []].append(row) }
            return byYear.keys.sorted().map { ($0, byYear[$0] ?? []) }
        }
    }

    /// Group indices with the base year first, so later years can reuse its min/max.
    private func processingOrder(_ groups: [(year: Int?, rows: [Int])]) -> [Int] {
        let all = Array(groups.indices)
        guard let base = options.baseYear, let first = all.firstIndex(where: { groups[$0].year == base }) else {
            return all
        }
        return [all[first]] + all.filter { $0 != all[first] }
    }
}

/// What one weighting group produced: scores per node over the group rows, or only warnings when skipped.
private struct GroupOutcome {
    var scores: [[Double]]? = nil
    var weights: [WeightRow] = []
    var warnings: [ScoreWarning] = []
}
