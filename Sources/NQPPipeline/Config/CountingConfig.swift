import Foundation
import NQPExport
import NQPExtract
import NQPLexicon

/// `counting:` — dictionaries, the text scope and every counting choice (recorded in the manifest).
public struct CountingConfig: Codable, Sendable, Equatable {
    /// Dictionary files (our YAML, cntext YAML or plain text), relative to the configuration file.
    public var dictionaries: [String]
    /// `full` (the whole report, Wu et al. 2021) or `mdna` (the MD&A section only).
    public var scope: Scope
    /// Characters of context either side of each hit written to `kwic.csv`; 0 = no `kwic.csv`.
    public var kwic: Int
    /// Output column names set here instead of in the dictionary: dictionary name → category → column.
    public var columns: [String: [String: String]]
    /// Chapters whose hits are excluded (reported as excluded, not counted), found by name like the MD&A — e.g.
    /// `[董事、监事、高级管理人员和员工情况]` for executive biographies (Wu et al. 2021). Empty = none.
    public var excludedChapters: [String]
    /// Mode, negation, exclusion and strip list, at the same level of `counting:`.
    public var options: CountingOptions

    public init(dictionaries: [String] = ["dictionaries/digital_transformation.zh.yml"], scope: Scope = .full,
                kwic: Int = 0, columns: [String: [String: String]] = [:], excludedChapters: [String] = [],
                options: CountingOptions = CountingOptions()) {
        self.dictionaries = dictionaries
        self.scope = scope
        self.kwic = kwic
        self.columns = columns
        self.excludedChapters = excludedChapters
        self.options = options
    }

    enum CodingKeys: String, CodingKey {
        case dictionaries, scope, kwic, columns
        case excludedChapters = "excluded_chapters"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = CountingConfig()
        dictionaries = try c.decodeIfPresent([String].self, forKey: .dictionaries) ?? d.dictionaries
        scope = try c.decodeIfPresent(Scope.self, forKey: .scope) ?? d.scope
        kwic = try c.decodeIfPresent(Int.self, forKey: .kwic) ?? d.kwic
        columns = try c.decodeIfPresent([String: [String: String]].self, forKey: .columns) ?? [:]
        excludedChapters = try c.decodeIfPresent([String].self, forKey: .excludedChapters) ?? []
        // The counting options share this mapping (mode:, negation:, exclusion:, strip:).
        options = try CountingOptions(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(dictionaries, forKey: .dictionaries)
        try c.encode(scope, forKey: .scope)
        try c.encode(kwic, forKey: .kwic)
        try c.encode(columns, forKey: .columns)
        try c.encode(excludedChapters, forKey: .excludedChapters)
        try options.encode(to: encoder)
    }
}

/// `output:` — where and what to write. The export settings (`base_name`, `sort_columns`, `compact_integers`,
/// `neutralize_formulas`, `sqlite`) sit at the same level.
public struct OutputConfig: Codable, Sendable, Equatable {
    /// Output folder, relative to the configuration file.
    public var folder: String
    /// Label of the Stata dataset.
    public var datasetLabel: String
    /// Value labels of categorical integer columns: column → {value: label} (Stata value labels, haven labelled).
    public var valueLabels: [String: [String: String]]
    public var export: PanelExportOptions

    public init(folder: String = "out",
                datasetLabel: String = "nqp firm-year panel: DT measures, financial indicators, NQP scores",
                valueLabels: [String: [String: String]] = [:], export: PanelExportOptions = PanelExportOptions()) {
        self.folder = folder
        self.datasetLabel = datasetLabel
        self.valueLabels = valueLabels
        self.export = export
    }

    enum CodingKeys: String, CodingKey {
        case folder
        case datasetLabel = "dataset_label"
        case valueLabels = "value_labels"
    }

    /// The value labels with integer keys; a key that is not a whole number in Stata's long range is a problem.
    public func integerValueLabels() -> (labels: [String: [Int32: String]], problems: [String]) {
        var labels: [String: [Int32: String]] = [:]
        var problems: [String] = []
        for (column, map) in valueLabels {
            for (key, label) in map {
                if let value = Int32(key.trimmingCharacters(in: .whitespaces)) {
                    labels[column, default: [:]][value] = label
                } else {
                    problems.append("value_labels.\(column): '\(key)' is not a whole number; Stata labels integer values only")
                }
            }
        }
        return (labels, problems.sorted())
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = OutputConfig()
        folder = try c.decodeIfPresent(String.self, forKey: .folder) ?? d.folder
        datasetLabel = try c.decodeIfPresent(String.self, forKey: .datasetLabel) ?? d.datasetLabel
        valueLabels = try c.decodeIfPresent([String: [String: String]].self, forKey: .valueLabels) ?? [:]
        export = try PanelExportOptions(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(folder, forKey: .folder)
        try c.encode(datasetLabel, forKey: .datasetLabel)
        try c.encode(valueLabels, forKey: .valueLabels)
        try export.encode(to: encoder)
    }
}

/// `run:` — batch behaviour.
public struct RunConfig: Codable, Sendable, Equatable {
    /// Parallel workers for extract and count; 0 = the number of cores. Results are identical for every value.
    public var jobs: Int

    public init(jobs: Int = 0) { self.jobs = jobs }

    enum CodingKeys: String, CodingKey { case jobs }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        jobs = try c.decodeIfPresent(Int.self, forKey: .jobs) ?? 0
    }
}
