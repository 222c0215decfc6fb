import NQPTable

/// Joins the text measures and the financial sources on (firm, year).
public enum PanelMerger {
    /// - Returns: the panel (firm text, year number, the text variables, then each source's variables in source
    ///   order; sorted by firm then year; labels, units and sources kept) and the merge report.
    /// - Throws: `duplicateKeys` when any input has a key twice (e.g. after a crosswalk), `variableCollision` when
    ///   two inputs share a variable name.
    public static func merge(text: KeyedTable, financials: [KeyedTable], options: MergeOptions = MergeOptions())
        throws(PanelError) -> (Table, MergeReport) {
        for input in [text] + financials {
            try input.requireUniqueKeys(lines: input.keys.indices.map { $0 + 1 }, lineWord: "row")
        }
        guard options.keyColumns.firm != options.keyColumns.year else {
            throw .sameKeyColumnNames(options.keyColumns.firm)
        }
        var owner: [String: String] = [options.keyColumns.firm: "key", options.keyColumns.year: "key"]
        if let status = options.statusColumn { owner[status] = "merge status" }
        for input in [text] + financials {
            for column in input.columns {
                if let other = owner[column.name] {
                    throw .variableCollision(variable: column.name, sources: [other, input.source])
                }
                owner[column.name] = input.source
            }
        }

        let textKeys = Set(text.keys)
        let sourceKeys = financials.map { Set($0.keys) }
        let financialKeys = sourceKeys.reduce(into: Set<PanelKey>()) { $0.formUnion($1) }
        let matched = textKeys.intersection(financialKeys)
        let textOnly = textKeys.subtracting(financialKeys)
        let financialsOnly = financialKeys.subtracting(textKeys)
        let kept: Set<PanelKey>
        switch options.how {
        case .inner: kept = matched
        case .leftText: kept = textKeys
        case .leftFinancials: kept = financialKeys
        case .outer: kept = textKeys.union(financialKeys)
        }
        let keys = kept.sorted()

        var unmatched: [MergeReport.UnmatchedKey] = []
        func list(_ set: Set<PanelKey>, _ source: String, _ category: String) {
            unmatched += set.sorted().map { .init(source: source, category: category, firm: $0.firm, year: $0.year) }
        }
        list(textOnly, "all", "text_only")
        list(financialsOnly, "all", "financials_only")
        var perSource: [MergeReport.SourceCounts] = []
        for (input, set) in zip(financials, sourceKeys) {
            let lacking = textKeys.subtracting(set), extra = set.subtracting(textKeys)
            perSource.append(.init(source: input.source, rows: input.rowCount,
                                   matched: set.intersection(textKeys).count, textOnly: lacking.count,
                                   sourceOnly: extra.count))
            list(lacking, input.source, "text_only")
            list(extra, input.source, "source_only")
        }

        var columns = [
            Column(name: options.keyColumns.firm, label: "Firm id", values: .text(keys.map(\.firm))),
            Column(name: options.keyColumns.year, label: "Fiscal year", values: .number(keys.map { Double($0.year) })),
        ]
        if let status = options.statusColumn {
            columns.append(Column(name: status, label: "Merge result", values: .text(keys.map { key in
                matched.contains(key) ? "matched" : textKeys.contains(key) ? "text_only" : "financials_only"
            })))
        }
        for input in [text] + financials {
            var rowOf: [PanelKey: Int] = [:]
            for (i, key) in input.keys.enumerated() { rowOf[key] = i }
            let rows = keys.map { rowOf[$0] ?? -1 }
            columns += input.columns.map { $0.selectingRows(rows) }
        }
        let report = MergeReport(how: options.how, textKeys: textKeys.count, financialKeys: financialKeys.count,
                                 matched: matched.count, textOnly: textOnly.count,
                                 financialsOnly: financialsOnly.count, kept: keys.count, perSource: perSource,
                                 unmatched: unmatched)
        return (Table(columns: columns), report)
    }
}
