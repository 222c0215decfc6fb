import Foundation
import NQPEncoding
import NQPExtract

/// The whole of `pipeline.yml`. Every key is snake_case and optional with a documented default (README,
/// "Configuration reference"); paths are relative to the configuration file.
public struct PipelineConfig: Encodable, Sendable, Equatable {
    public var reports: ReportsConfig
    public var sections: SectionPatterns
    public var counting: CountingConfig
    public var financials: FinancialsConfig
    public var scoring: ScoringConfig
    public var output: OutputConfig
    public var run: RunConfig

    public init(reports: ReportsConfig = ReportsConfig(), sections: SectionPatterns = SectionPatterns(),
                counting: CountingConfig = CountingConfig(), financials: FinancialsConfig = FinancialsConfig(),
                scoring: ScoringConfig = ScoringConfig(), output: OutputConfig = OutputConfig(),
                run: RunConfig = RunConfig()) {
        self.reports = reports
        self.sections = sections
        self.counting = counting
        self.financials = financials
        self.scoring = scoring
        self.output = output
        self.run = run
    }

    enum CodingKeys: String, CodingKey { case reports, sections, counting, financials, scoring, output, run }
}

/// A configuration read from a file, with the folder its relative paths are resolved against.
public struct LoadedConfig: Sendable {
    public var config: PipelineConfig
    /// The configuration file.
    public var file: URL
    /// The exact bytes read, for the manifest's configuration hash.
    public var text: String

    public var baseDirectory: URL { file.deletingLastPathComponent() }

    /// Resolves a path from the configuration against the configuration file's folder.
    public func resolve(_ path: String) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path) : baseDirectory.appendingPathComponent(path)
    }

    public var outputFolder: URL { resolve(config.output.folder).standardizedFileURL }

    /// A path as outputs show it: relative to the configuration's folder when inside it, so outputs do not depend
    /// on where the project sits on disk.
    public func displayPath(_ path: String) -> String {
        let base = baseDirectory.standardizedFileURL.path
        let standardized = URL(fileURLWithPath: path).standardizedFileURL.path
        return standardized.hasPrefix(base + "/") ? String(standardized.dropFirst(base.count + 1)) : path
    }

    /// Reads and decodes `url`. Decoding problems (unknown keys, wrong types, YAML syntax) are all reported;
    /// deeper checks (files, regexes, dictionaries, formulas) are `ConfigValidator`'s.
    public static func load(from url: URL) throws(ConfigError) -> LoadedConfig {
        let file = url.standardizedFileURL
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            throw ConfigError(ConfigProblem(file: url.path, message: "cannot read the configuration file (\(FileErrorReason.describe(error)))",
                                            hint: "pass an existing file with --config, or run nqp in the folder that holds pipeline.yml"))
        }
        let text = String(decoding: data, as: UTF8.self)
        let config = try ConfigDecoder().decode(PipelineConfig.self, from: text, file: displayName(file))
        return LoadedConfig(config: config, file: file, text: text)
    }

    /// The file name as the user is likely to recognise it (relative to the working directory when inside it).
    public static func displayName(_ url: URL) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        let path = url.path
        return path.hasPrefix(cwd + "/") ? String(path.dropFirst(cwd.count + 1)) : path
    }
}

extension PipelineConfig: ConfigSchemaDescribed, Decodable {
    public init(from decoder: any Decoder) throws { self = try Self.decoded(from: decoder) }

    public static var schema: ConfigSchema<PipelineConfig> {
        ConfigSchema(defaults: PipelineConfig(), [
            .mapping("reports", \.reports),
            .mapping("sections", \.sections),
            .mapping("counting", \.counting),
            .mapping("financials", \.financials),
            .mapping("scoring", \.scoring),
            .mapping("output", \.output),
            .mapping("run", \.run),
        ])
    }
}
