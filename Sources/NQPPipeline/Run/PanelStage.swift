import Foundation
import Logging
import NQPConfig
import NQPExport
import NQPPanel
import NQPScore
import NQPTable

/// What the merge, score and export stages produced, for the summary and the manifest.
struct PanelOutcome {
    var table: Table
    var rowCount: Int { table.rowCount }
    var sourceReports: [SourceReport] = []
    var crosswalkReports: [CrosswalkReport] = []
    var mergeReport: MergeReport?
    var indicatorReports: [IndicatorReport] = []
    var screenReport: ScreenReport?
    var scoreResults: [(system: String, result: ScoreResult)] = []
    var warnings: [String] = []
}

/// Stages 3–5 of `nqp run` on the whole panel: financial sources → crosswalk → merge with the text measures →
/// derived indicators → sample screens → entropy scores → the panel files.
struct PanelStage {
    let loaded: LoadedConfig
    let logger: Logger

    var financials: FinancialsConfig { loaded.config.financials }

    func build(textMeasures: Table, writer: inout OutputWriter, clock: inout StageClock) throws -> PanelOutcome {
        var outcome = PanelOutcome(table: textMeasures)
        let text: KeyedTable
        do {
            text = try Self.keyedText(textMeasures)
        } catch {
            throw PipelineError.input(path: "text measures", reason: Diagnostic.text(of: error))
        }

        // Financial inputs; a source that cannot be read at all stops the run (exit 2) with the reason.
        let inputs: FinancialInputs
        do {
            inputs = try FinancialInputs.read(financials, baseDirectory: loaded.baseDirectory)
        } catch {
            switch error {
            case .crosswalk(let config, let reason):
                throw ConfigError(ConfigProblem(file: config.path, message: "crosswalk: \(reason)",
                                                hint: "check financials.crosswalk in the configuration"))
            case .source(_, let source, let reason):
                throw ConfigError(ConfigProblem(file: source.path,
                                                message: "financial source '\(source.name)': \(reason)",
                                                hint: "check financials.sources in the configuration"))
            }
        }
        for (source, report) in zip(financials.sources, inputs.sourceReports) {
            for issue in report.issues {
                logger.warning("\(issue)", metadata: ["stage": "financials", "file": "\(source.path)"])
            }
        }
        outcome.sourceReports = inputs.sourceReports
        outcome.crosswalkReports = inputs.crosswalkReports
        clock.lap("financials")

        var panel: Table
        do {
            let derived = try Self.derive(text: text, financials: inputs.tables, config: financials)
            panel = derived.panel
            outcome.mergeReport = derived.merge
            outcome.indicatorReports = derived.indicators
            outcome.screenReport = derived.screens
            for line in derived.merge.summaryLines { logger.info("\(line)", metadata: ["stage": "merge"]) }
            try writer.write("merge_report.csv", Array(derived.merge.summaryCSV.utf8))
            // Every key that did not match, and on which side: "why firm X has no financials in 2019".
            try writer.write("merge_unmatched.csv", ReportTables.csv(
                header: ["source", "category"] + keyColumns.names,
                rows: derived.merge.unmatched.map { [$0.source, $0.category, $0.firm, String($0.year)] }))
            for report in derived.indicators where report.missing > 0 {
                logger.info("\(report)", metadata: ["stage": "indicators"])
            }
            for line in derived.screens.summaryLines { logger.info("\(line)", metadata: ["stage": "screens"]) }
        } catch let error as PanelError {
            throw ConfigError(ConfigProblem(file: LoadedConfig.displayName(loaded.file), message: Diagnostic.text(of: error)))
        }
        clock.lap("merge")

        // Scores: each system adds its composite and dimension columns.
        var weightRows: [[String]] = []
        for system in loaded.config.scoring.systems {
            let scorer = EntropyScorer(system: system, options: loaded.config.scoring.options)
            let result: ScoreResult
            do {
                result = try scorer.score(Self.scorePanel(panel, keyColumns: keyColumns,
                                                          indicators: system.allIndicators.map(\.name)))
            } catch {
                throw ConfigError(ConfigProblem(file: LoadedConfig.displayName(loaded.file),
                                                message: "scoring system '\(system.name)': \(Diagnostic.text(of: error))"))
            }
            for warning in result.warnings {
                logger.warning("\(warning)", metadata: ["stage": "score"])
                outcome.warnings.append("score \(system.name): \(warning)")
            }
            for column in result.columns {
                panel.columns.append(Column(
                    name: column.name, label: String(column.label.prefix(80)), unit: "score",
                    definition: "Entropy-weighted score of system '\(system.name)' (\(column.path.joined(separator: " › "))); see weights.csv",
                    sources: ["weights.csv"], values: .number(column.values)))
            }
            weightRows += WeightsTable.rows(result.weights).map { [system.name] + $0 }
            outcome.scoreResults.append((system.name, result))
        }
        if !loaded.config.scoring.systems.isEmpty {
            try writer.write("weights.csv", ReportTables.csv(header: ["system"] + WeightsTable.columns, rows: weightRows))
        }
        clock.lap("score")

        panel.label = loaded.config.output.datasetLabel
        let valueLabels = loaded.config.output.integerValueLabels().labels
        for index in panel.columns.indices {
            panel.columns[index].sources = panel.columns[index].sources.map(loaded.displayPath)
            if let labels = valueLabels[panel.columns[index].name] { panel.columns[index].valueLabels = labels }
        }
        outcome.table = panel
        do {
            var export = loaded.config.output.export
            export.sortColumns = export.sortColumns ?? keyColumns.names
            let exported = try PanelExporter(options: export).export(panel, to: writer.folder)
            for file in exported.files { writer.noteWritten(file) }
        } catch {
            throw PipelineError.output(path: writer.output.path, reason: Diagnostic.text(of: error))
        }
        clock.lap("export")
        return outcome
    }

    /// The panel's key columns, as named in `financials.merge`.
    var keyColumns: PanelKeyColumns { financials.merge.keyColumns }

    /// The numeric columns a score system needs, keyed by name, aligned with the panel's rows. A row without a
    /// firm or year is an error (`PanelError.missingKey`), never scored under a made-up key.
    static func scorePanel(_ table: Table, keyColumns: PanelKeyColumns,
                           indicators: [String]) throws(PanelError) -> ScorePanel {
        let keys = try keyColumns.keys(of: table, tableName: "the merged panel")
        var columns: [String: [Double?]] = [:]
        for name in indicators {
            if case .number(let values)? = table.column(named: name)?.values { columns[name] = values }
        }
        return ScorePanel(keys: keys, columns: columns)
    }

    /// The text measures keyed by firm-year (`TextMeasures` names its key columns `PanelKeyColumns.standard`).
    static func keyedText(_ textMeasures: Table) throws(PanelError) -> KeyedTable {
        try KeyedTable.from(textMeasures, source: "text", keyColumns: .standard).table
    }

    /// Merge, derived indicators and sample screens: the part of the stage that `nqp validate` also runs
    /// (`PanelDryRun`), so both refuse the same configurations.
    static func derive(text: KeyedTable, financials: [KeyedTable], config: FinancialsConfig)
        throws(PanelError) -> (panel: Table, merge: MergeReport, indicators: [IndicatorReport], screens: ScreenReport) {
        let keyColumns = config.merge.keyColumns
        let (merged, merge) = try PanelMerger.merge(text: text, financials: financials, options: config.merge)
        let (computed, indicators) = try IndicatorEngine.compute(config.indicators, on: merged, keyColumns: keyColumns)
        let (screened, screens) = try SampleScreener.apply(config.screens, to: computed, keyColumns: keyColumns)
        return (screened, merge, indicators, screens)
    }
}

/// The financial sources of a run, read and mapped through the crosswalk, in configured order.
struct FinancialInputs {
    var tables: [KeyedTable] = []
    /// One per source, aligned with `tables`.
    var sourceReports: [SourceReport] = []
    var crosswalkReports: [CrosswalkReport] = []

    /// Which input could not be read; the run and `nqp validate` word it for their own audience.
    enum Failure: Error {
        case crosswalk(CrosswalkConfig, any Error)
        /// `index` is the position in `financials.sources`.
        case source(index: Int, FinancialSource, any Error)
    }

    static func read(_ financials: FinancialsConfig, baseDirectory: URL) throws(Failure) -> FinancialInputs {
        var inputs = FinancialInputs()
        var crosswalk: (config: CrosswalkConfig, table: Crosswalk)?
        if let config = financials.crosswalk {
            do {
                crosswalk = (config, try Crosswalk.load(config: config, baseDirectory: baseDirectory))
            } catch {
                throw .crosswalk(config, error)
            }
        }
        for (index, source) in financials.sources.enumerated() {
            var (table, report): (KeyedTable, SourceReport)
            do {
                (table, report) = try FinancialSourceReader(config: source, baseDirectory: baseDirectory).read()
            } catch {
                throw .source(index: index, source, error)
            }
            if let crosswalk, crosswalk.config.applies(to: source.name) {
                let (mapped, mapping) = crosswalk.table.apply(to: table)
                table = mapped
                inputs.crosswalkReports.append(mapping)
            }
            inputs.tables.append(table)
            inputs.sourceReports.append(report)
        }
        return inputs
    }
}
