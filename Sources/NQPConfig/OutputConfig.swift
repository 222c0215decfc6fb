import Foundation
import NQPExport

/// `output:` — where and what to write. The export settings (`base_name`, `sort_columns`, `compact_integers`,
/// `neutralize_formulas`, `sqlite`) sit at the same level.
public struct OutputConfig: Encodable, Sendable, Equatable {
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

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(folder, forKey: .folder)
        try c.encode(datasetLabel, forKey: .datasetLabel)
        try c.encode(valueLabels, forKey: .valueLabels)
        try export.encode(to: encoder)
    }
}

/// `run:` — batch behaviour.
public struct RunConfig: Encodable, Sendable, Equatable {
    /// Parallel workers for extract and count; 0 = the number of cores. Results are identical for every value.
    public var jobs: Int
    /// Keep each report's extracted text so a counting-only change re-counts without reading reports
    /// (README "Text cache"). Outputs are identical either way.
    public var textCache: Bool

    public init(jobs: Int = 0, textCache: Bool = true) {
        self.jobs = jobs
        self.textCache = textCache
    }

    enum CodingKeys: String, CodingKey {
        case jobs
        case textCache = "text_cache"
    }
}

extension OutputConfig: ConfigSchemaDescribed, Decodable {
    public init(from decoder: any Decoder) throws { self = try Self.decoded(from: decoder) }

    public static var schema: ConfigSchema<OutputConfig> {
        ConfigSchema(defaults: OutputConfig(), [
            .key("folder", \.folder, doc: "output folder"),
            .key("dataset_label", \.datasetLabel, doc: "the Stata dataset label"),
            .key("value_labels", \.valueLabels, doc: "value labels of integer categorical columns: "
                + "`{st: {\"0\": \"not ST\", \"1\": \"ST or *ST\"}}`"),
            // The export settings sit at this level.
            .inline(\.export),
        ])
    }
}

extension RunConfig: ConfigSchemaDescribed, Decodable {
    public init(from decoder: any Decoder) throws { self = try Self.decoded(from: decoder) }

    public static var schema: ConfigSchema<RunConfig> {
        ConfigSchema(defaults: RunConfig(), [
            .key("jobs", \.jobs, doc: "workers for extract and count; `0` = number of cores; results are identical for "
                + "every value"),
            .key("text_cache", \.textCache, doc: "keep each report's extracted text so a counting-only change re-counts "
                + "without reading reports ([text cache](#text-cache)); outputs are identical either way"),
        ])
    }
}
