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
            text = try KeyedTable.from(textMeasures, source: "text").table
        } catch {
            throw PipelineError.input(path: "text measures", reason: "\(error)")
        }

        // Financial inputs; a source that cannot be read at all stops the run (exit 2) with the reason.
        var sources: [KeyedTable] = []
        var crosswalk: (config: CrosswalkConfig, table: Crosswalk)?
        if let config = financials.crosswalk {
            do {
                crosswalk = (config, try Crosswalk.load(config: config, baseDirectory: loaded.baseDirectory))
            } catch {
                throw ConfigError(ConfigProblem(file: config.path, message: "crosswalk: \(error)",
                                                hint: "check financials.crosswalk in the configuration"))
            }
        }
        for source in financials.sources {
            var (table, report): (KeyedTable, SourceReport)
            do {
                (table, report) = try FinancialSourceReader(config: source, baseDirectory: loaded.baseDirectory).read()
            } catch {
                throw ConfigError(ConfigProblem(file: source.path, message: "financial source '\(source.name)': \(error)",
                                                hint: "check financials.sources in the configuration"))
            }
            for issue in report.issues {
                logger.warning("\(issue)", metadata: ["stage": "financials", "file": "\(source.path)"])
            }
            if let crosswalk, crosswalk.config.applies(to: source.name) {
                let (mapped, mapping) = crosswalk.table.apply(to: table)
                table = mapped
                outcome.crosswalkReports.append(mapping)
            }
            sources.append(table)
            outcome.sourceReports.append(report)
        }
        clock.lap("financials")

        var panel: Table
        do {
            let (merged, mergeReport) = try PanelMerger.merge(text: text, financials: sources, options: financials.merge)
            panel = merged
            outcome.mergeReport = mergeReport
            for line in mergeReport.summaryLines { logger.info("\(line)", metadata: ["stage": "merge"]) }
            try writer.write("merge_report.csv", Array(mergeReport.summaryCSV.utf8))
            // Every key that did not match, and on which side: "why firm X has no financials in 2019".
            try writer.write("merge_unmatched.csv", ReportTables.csv(
                header: ["source", "category", "firm", "year"],
                rows: mergeReport.unmatched.map { [$0.source, $0.category, $0.firm, String($0.year)] }))
            let (computed, indicatorReports) = try IndicatorEngine.compute(financials.indicators, on: panel)
            panel = computed
            outcome.indicatorReports = indicatorReports
            for report in indicatorReports where report.missing > 0 {
                logger.info("\(report)", metadata: ["stage": "indicators"])
            }
            let (screened, screenReport) = try SampleScreener.apply(financials.screens, to: panel)
            panel = screened
            outcome.screenReport = screenReport
            for line in screenReport.summaryLines { logger.info("\(line)", metadata: ["stage": "screens"]) }
        } catch let error as PanelError {
            throw ConfigError(ConfigProblem(file: LoadedConfig.displayName(loaded.file), message: "\(error)"))
        }
        clock.lap("merge")

        // Scores: each system adds its composite and dimension columns.
        var weightRows: [[String]] = []
        for system in loaded.config.scoring.systems {
            let scorer = EntropyScorer(system: system, options: loaded.config.scoring.options)
            let result: ScoreResult
            do {
                result = try scorer.score(Self.scorePanel(panel, indicators: system.allIndicators.map(\.name)))
            } catch {
                throw ConfigError(ConfigProblem(file: LoadedConfig.displayName(loaded.file),
                                                message: "scoring system '\(system.name)': \(error)"))
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
            let exported = try PanelExporter(options: loaded.config.output.export).export(panel, to: writer.folder)
            for file in exported.files { writer.noteWritten(file) }
        } catch {
            throw PipelineError.output(path: writer.output.path, reason: "\(error)")
        }
        clock.lap("export")
        return outcome
    }

    /// The numeric columns a score system needs, keyed by name, aligned with the panel's rows.
    static func scorePanel(_ table: Table, indicators: [String]) -> ScorePanel {
        let firms: [String] = {
            guard case .text(let values)? = table.column(named: "firm")?.values else { return [] }
            return values.map { $0 ?? "" }
        }()
        let years: [Int] = {
            guard case .number(let values)? = table.column(named: "year")?.values else { return [] }
            return values.map { $0.map { Int($0) } ?? 0 }
        }()
        var columns: [String: [Double?]] = [:]
        for name in indicators {
            if case .number(let values)? = table.column(named: name)?.values { columns[name] = values }
        }
        return ScorePanel(firms: firms, years: years, columns: columns)
    }
}
