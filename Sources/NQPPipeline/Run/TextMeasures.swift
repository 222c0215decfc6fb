import Foundation
import NQPLexicon
import NQPPanel
import NQPTable

/// Firm-year text measures from the chosen report of each firm-year: per-category counts, the total, the
/// Wu et al. (2021) index ln(1 + total), and the frequency per 10,000 characters of the counted scope.
///
/// Column names come from the dictionary (`column:` of each category); the dictionary-level prefix of the
/// totals (`dt_total`, `dt_index`, `dt_per10k`) is the prefix the category columns share before their first
/// underscore (`dt_ai`, `dt_cloud` → `dt`), else the dictionary name.
struct TextMeasures: Sendable {
    var table: Table

    init(results: [ReportResult], dictionaries: [KeywordDictionary], scopeName: String,
                displayPath: (String) -> String = { $0 }) {
        let rows = results.compactMap { result -> (PanelKey, ReportResult)? in
            guard let firm = result.firm, let year = result.year else { return nil }
            return (PanelKey(firm: firm, year: year), result)
        }.sorted { $0.0 < $1.0 }

        var columns: [Column] = [
            Column(name: PanelKeyColumns.standard.firm, label: "Firm identifier (stock code / CIK)", values: .text(rows.map { $0.0.firm })),
            Column(name: PanelKeyColumns.standard.year, label: "Fiscal year", values: .number(rows.map { Double($0.0.year) })),
        ]
        for (index, dictionary) in dictionaries.enumerated() {
            let prefix = Self.prefix(of: dictionary)
            let source = "\(dictionary.name) (\(displayPath(dictionary.path))); scope: \(scopeName)"
            func counts(_ pick: (KeywordCounts) -> Int) -> [Double?] {
                rows.map { row in row.1.counts.indices.contains(index) ? Double(pick(row.1.counts[index])) : nil }
            }
            for category in dictionary.categories {
                columns.append(Column(
                    name: category.column,
                    label: Self.label("\(category.label.isEmpty ? category.name : category.label) mentions"),
                    unit: "count",
                    definition: "Keyword hits of category '\(category.name)' of dictionary '\(dictionary.name)' in the \(scopeName) text (negated and excluded hits not counted)",
                    sources: [source],
                    values: .number(counts { $0.category(named: category.name)?.count ?? 0 })))
            }
            let totals = counts { $0.total }
            columns.append(Column(name: "\(prefix)_total", label: Self.label("\(dictionary.name): total mentions"),
                                  unit: "count", definition: "Sum of counted hits over all keywords (each hit once)",
                                  sources: [source], values: .number(totals)))
            columns.append(Column(name: "\(prefix)_index", label: Self.label("\(dictionary.name): ln(1 + total)"),
                                  definition: "ln(1 + \(prefix)_total), the index of Wu et al. (2021)",
                                  sources: [source], values: .number(totals.map { $0.map { Foundation.log1p($0) } })))
            let per10k: [Double?] = zip(totals, rows).map { total, row in
                guard let total, let chars = row.1.scopeChars, chars > 0 else { return nil }
                return total * 10_000 / Double(chars)
            }
            columns.append(Column(name: "\(prefix)_per10k", label: Self.label("\(dictionary.name): mentions per 10,000 characters"),
                                  unit: "per 10,000 characters",
                                  definition: "\(prefix)_total / characters of the counted scope × 10,000",
                                  sources: [source], values: .number(per10k)))
        }
        columns.append(Column(name: "text_chars", label: "Characters of the counted text scope", unit: "characters",
                              definition: "Unicode characters of the \(scopeName) match text (after normalisation)",
                              values: .number(rows.map { $0.1.scopeChars.map(Double.init) })))
        table = Table(columns: columns)
    }

    static func prefix(of dictionary: KeywordDictionary) -> String {
        let heads = Set(dictionary.categories.map { $0.column.split(separator: "_").first.map(String.init) ?? $0.column })
        if heads.count == 1, let head = heads.first, !head.isEmpty, dictionary.categories.allSatisfy({ $0.column.contains("_") }) {
            return head
        }
        return ColumnName.derive(from: dictionary.name, position: 0, avoiding: [])
    }

    /// Stata labels hold 80 characters; keep ours short at the source.
    static func label(_ text: String) -> String {
        text.count <= 80 ? text : String(text.prefix(80))
    }
}
