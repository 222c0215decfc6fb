import NQPTable

/// Stata-`_merge`-style accounting of the join, overall and per financial source.
///
/// `merge_report.csv` (from `summaryTable`) is tidy, one count per row: `source,category,count`.
/// - source `all`: `text` (keys in the text measures), `financials` (keys in any source), `matched`,
///   `text_only`, `financials_only`, `kept` (rows in the panel under `how`), `dropped`.
/// - one block per source: `rows`, `matched` (also in the text), `text_only` (text keys this source lacks),
///   `source_only` (this source's keys absent from the text).
/// `merge_unmatched.csv` (from `unmatchedTable`) lists every unmatched key: `source,category,firm,year`, with
/// source `all` for `text_only` / `financials_only` and each source's `text_only` / `source_only`.
public struct MergeReport: Sendable, Equatable, Codable {
    public struct SourceCounts: Sendable, Equatable, Codable {
        public var source: String
        public var rows: Int
        public var matched: Int
        public var textOnly: Int
        public var sourceOnly: Int
    }

    public struct UnmatchedKey: Sendable, Equatable, Codable {
        public var source: String
        public var category: String
        public var firm: String
        public var year: Int
    }

    public var how: MergeHow
    public var textKeys: Int
    public var financialKeys: Int
    public var matched: Int
    public var textOnly: Int
    public var financialsOnly: Int
    public var kept: Int
    public var perSource: [SourceCounts]
    public var unmatched: [UnmatchedKey]

    public var dropped: Int { matched + textOnly + financialsOnly - kept }

    /// Terminal / log text.
    public var summaryLines: [String] {
        var lines = [
            "merge (how: \(how.rawValue)): \(matched) matched, \(textOnly) text only, "
                + "\(financialsOnly) financials only → \(kept) firm-years kept, \(dropped) dropped",
        ]
        for s in perSource {
            lines.append("  \(s.source): \(s.rows) rows, \(s.matched) matched, \(s.textOnly) text keys missing "
                + "from it, \(s.sourceOnly) not in the text")
        }
        return lines
    }

    /// `merge_report.csv` content as a table (columns source, category, count).
    public var summaryTable: Table {
        var rows: [(String, String, Int)] = [
            ("all", "text", textKeys), ("all", "financials", financialKeys), ("all", "matched", matched),
            ("all", "text_only", textOnly), ("all", "financials_only", financialsOnly), ("all", "kept", kept),
            ("all", "dropped", dropped),
        ]
        for s in perSource {
            rows += [(s.source, "rows", s.rows), (s.source, "matched", s.matched),
                     (s.source, "text_only", s.textOnly), (s.source, "source_only", s.sourceOnly)]
        }
        return Table(columns: [
            Column(name: "source", values: .text(rows.map(\.0))),
            Column(name: "category", values: .text(rows.map(\.1))),
            Column(name: "count", values: .number(rows.map { Double($0.2) })),
        ], label: "merge report")
    }

    /// `merge_unmatched.csv` content (columns source, category, firm, year).
    public var unmatchedTable: Table {
        Table(columns: [
            Column(name: "source", values: .text(unmatched.map(\.source))),
            Column(name: "category", values: .text(unmatched.map(\.category))),
            Column(name: "firm", values: .text(unmatched.map(\.firm))),
            Column(name: "year", values: .number(unmatched.map { Double($0.year) })),
        ], label: "unmatched firm-years")
    }

    /// RFC 4180 text of `summaryTable` (no quoting needed unless a source name has a comma or quote).
    public var summaryCSV: String {
        var out = "source,category,count\n"
        let t = summaryTable
        if case .text(let sources) = t.columns[0].values, case .text(let categories) = t.columns[1].values,
           case .number(let counts) = t.columns[2].values {
            for i in sources.indices {
                out += "\(csvField(sources[i] ?? "")),\(categories[i] ?? ""),\(NumberText.format(counts[i] ?? 0))\n"
            }
        }
        return out
    }

    private func csvField(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" })
            ? "\"" + s.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
            : s
    }
}
