import Foundation
import NQPConfig
import NQPEncoding
import NQPLexicon
import NQPPanel
import NQPScore
import NQPTable

/// `manifest.json`: how the outputs were made. Run metadata (times, summary) lives here and only here, so the
/// data files stay byte-identical for identical inputs and configuration.
struct RunManifest: Encodable {
    struct DictionaryEntry: Encodable {
        var name: String
        var file: String
        var sha256: String
        var source: String
        var categories: [String: String]
    }

    struct InputFile: Encodable {
        var file: String
        var bytes: Int
        var sha256: String
    }

    struct Stages: Encodable {
        var reportsRead: Int
        var reportsInPanelSource: Int
        var firmYearsText: Int
        var financialSources: [SourceReport]
        var crosswalk: [CrosswalkReport]
        var merge: MergeReport?
        var indicators: [IndicatorReport]
        var screens: ScreenReport?
        var firmYearsPanel: Int

        enum CodingKeys: String, CodingKey {
            case reportsRead = "reports_read", reportsInPanelSource = "reports_chosen"
            case firmYearsText = "firm_years_text", financialSources = "financial_sources", crosswalk, merge
            case indicators, screens, firmYearsPanel = "firm_years_panel"
        }
    }

    struct Scoring: Encodable {
        var system: String
        var options: EntropyOptions
        var scoredRows: Int
        var droppedRows: Int
        var interpolatedCells: Int
        var weights: [WeightRow]

        enum CodingKeys: String, CodingKey {
            case system, options, scoredRows = "scored_rows", droppedRows = "dropped_rows"
            case interpolatedCells = "interpolated_cells", weights
        }
    }

    var tool = "nqp"
    var version = NQPVersion.string
    var extractorVersion = NQPVersion.extractor
    var counterVersion = NQPVersion.counter
    var startedAt: String
    var finishedAt: String
    var configFile: String
    var configSHA256: String
    var configuration: PipelineConfig
    var countingOptions: CountingOptions
    var scope: String
    var dictionaries: [DictionaryEntry]
    var reports: [InputFile]
    var financialInputs: [InputFile]
    var stages: Stages
    var scoring: [Scoring]
    var summary: RunSummary
    var warnings: [String]
    /// Every other file of this generation with its size and SHA-256 (README "Outputs: one generation per run").
    var files: [InputFile] = []
    /// A gather's shards (README "Running on a cluster"); absent for a plain run.
    var shards: GatherRecord? = nil

    enum CodingKeys: String, CodingKey {
        case tool, version, extractorVersion = "extractor_version", counterVersion = "counter_version"
        case startedAt = "started_at", finishedAt = "finished_at", configFile = "config_file"
        case configSHA256 = "config_sha256", configuration, countingOptions = "counting_options", scope
        case dictionaries, reports, financialInputs = "financial_inputs", stages, scoring, summary, warnings
        case files, shards
    }

    init(loaded: LoadedConfig, dictionaries: [KeywordDictionary], results: [ReportResult], chosen: Int,
         panel: PanelOutcome, textFirmYears: Int, summary: RunSummary, warnings: [String], started: Date,
         finished: Date) {
        let iso = ISO8601DateFormatter()
        startedAt = iso.string(from: started)
        finishedAt = iso.string(from: finished)
        configFile = loaded.file.path
        configSHA256 = SHA256.hex(loaded.text)
        configuration = loaded.config
        countingOptions = loaded.config.counting.options
        scope = loaded.config.counting.scope.rawValue
        self.dictionaries = dictionaries.map { dictionary in
            DictionaryEntry(name: dictionary.name, file: loaded.displayPath(dictionary.path), sha256: dictionary.contentHash,
                            source: dictionary.source,
                            categories: Dictionary(dictionary.categories.map { ($0.name, $0.column) },
                                                   uniquingKeysWith: { a, _ in a }))
        }
        reports = results.map { InputFile(file: $0.file, bytes: $0.bytes, sha256: $0.sha256) }
        financialInputs = loaded.config.financials.sources.map { source in
            let url = loaded.resolve(source.path)
            let data = (try? Data(contentsOf: url)) ?? Data()
            return InputFile(file: source.path, bytes: data.count, sha256: SHA256.hex(Array(data)))
        }
        // The unmatched keys are listed in merge_unmatched.csv; the manifest keeps the counts.
        var merge = panel.mergeReport
        merge?.unmatched = []
        stages = Stages(reportsRead: results.count, reportsInPanelSource: chosen, firmYearsText: textFirmYears,
                        financialSources: panel.sourceReports, crosswalk: panel.crosswalkReports,
                        merge: merge, indicators: panel.indicatorReports, screens: panel.screenReport,
                        firmYearsPanel: panel.rowCount)
        scoring = panel.scoreResults.map {
            Scoring(system: $0.system, options: $0.result.options, scoredRows: $0.result.scoredRowCount,
                    droppedRows: $0.result.droppedRows.count, interpolatedCells: $0.result.interpolatedCells,
                    weights: $0.result.weights)
        }
        self.summary = summary
        self.warnings = warnings
    }

    func jsonBytes() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(self)) + [0x0A]
    }
}

extension RunManifest {
    /// The previous `manifest.json` with this run's times and summary spliced in, for a run that found its outputs
    /// up to date: everything else in the manifest still describes the outputs exactly. The file is our own
    /// pretty-printed, key-sorted JSON, so the top-level `"started_at"`, `"finished_at"` and `"summary"` members
    /// sit on known lines; nil when they are not found (the caller then leaves the file alone).
    static func refreshed(_ previous: [UInt8], summary: RunSummary, started: Date,
                          finished: Date) -> [UInt8]? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let summaryJSON = try? encoder.encode(summary) else { return nil }
        let iso = ISO8601DateFormatter()
        var lines = String(decoding: previous, as: UTF8.self).components(separatedBy: "\n")
        guard let start = lines.firstIndex(where: { $0.hasPrefix("  \"started_at\" : ") }),
              let finish = lines.firstIndex(where: { $0.hasPrefix("  \"finished_at\" : ") }),
              let summaryStart = lines.firstIndex(of: "  \"summary\" : {"),
              let summaryEnd = lines[summaryStart...].firstIndex(where: { $0 == "  }," || $0 == "  }" })
        else { return nil }
        lines[start] = "  \"started_at\" : \"\(iso.string(from: started))\","
        lines[finish] = "  \"finished_at\" : \"\(iso.string(from: finished))\","
        let summaryLines = String(decoding: summaryJSON, as: UTF8.self).components(separatedBy: "\n")
        var replacement = ["  \"summary\" : " + (summaryLines.first ?? "{")]
        replacement += summaryLines.dropFirst().map { "  " + $0 }
        if lines[summaryEnd].hasSuffix(","), let last = replacement.indices.last { replacement[last] += "," }
        lines.replaceSubrange(summaryStart...summaryEnd, with: replacement)
        return Array(lines.joined(separator: "\n").utf8)
    }
}
