import NQPExtract
import NQPPanel
import NQPScore

/// The README's configuration tables ("Configuration reference"), rendered from the schemas so that a key's
/// default and doc line are written once. `ConfigReferenceTests` fails when README.md differs and rewrites the
/// tables with `NQP_UPDATE_README=1`.
public enum ConfigReference {
    /// Each table by the name in its README markers, in README order.
    public static var tables: [(name: String, rows: [ConfigReferenceRow])] {
        let top = PipelineConfig.schema.rows()
        return [
            ("reports", ReportsConfig.schema.rows()),
            ("sections", SectionPatterns.schema.rows()),
            ("counting", CountingConfig.schema.rows()),
            ("financials", FinancialsConfig.schema.rows()),
            ("financials.sources", FinancialSource.schema.rows()),
            ("financials.screens", ScreenOptions.schema.rows()),
            ("scoring", ScoringConfig.schema.rows()),
            ("scoring.systems", ScoreSystem.schema.rows()),
            ("scoring.indicators", Indicator.schema.rows()),
            ("output-run", top.filter { $0.key.hasPrefix("output.") || $0.key.hasPrefix("run.") }),
        ]
    }

    public static func markdown(_ rows: [ConfigReferenceRow]) -> String {
        (["| key | default | meaning |", "|---|---|---|"] + rows.map { "| `\($0.key)` | \($0.shown) | \($0.doc) |" })
            .joined(separator: "\n")
    }

    static func begin(_ name: String) -> String { "<!-- config-table:\(name) (generated from the schema) -->" }
    static func end(_ name: String) -> String { "<!-- /config-table:\(name) -->" }

    /// `readme` with the text between each table's markers replaced by the rendered table; `missing` names the
    /// tables whose markers were not found.
    public static func updating(_ readme: String) -> (text: String, missing: [String]) {
        var text = readme
        var missing: [String] = []
        for table in tables {
            guard let start = text.range(of: begin(table.name)),
                  let stop = text.range(of: end(table.name), range: start.upperBound..<text.endIndex) else {
                missing.append(table.name)
                continue
            }
            text.replaceSubrange(start.upperBound..<stop.lowerBound, with: "\n" + markdown(table.rows) + "\n")
        }
        return (text, missing)
    }
}

extension LoadedConfig {
    /// Values that decoded but are out of range, as each key's schema entry checks them, located at their keys.
    public func valueProblems() -> [ConfigProblem] {
        let locator = ConfigLocator(file: Self.displayName(file), text: text)
        return PipelineConfig.schema.problems(in: config).map { locator.problem($0.path, $0.message) }
    }
}
