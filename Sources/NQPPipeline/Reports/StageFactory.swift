import Foundation
import NQPConfig
import NQPEncoding
import NQPExtract
import NQPLexicon

/// Builds the extract and count stages from a configuration. Shared by `nqp run`, `status`, shards, `cache prune`
/// and the per-file commands `count` and `extract`, so they all read, identify and count a report the same way.
public struct StageFactory: Sendable {
    public var loaded: LoadedConfig?
    public var config: PipelineConfig
    /// The entries of the report manifest (`reports.manifest`, README "Firm and year"); empty when there is none.
    public var manifest: [String: ManifestEntry] = [:]

    /// The stages of `loaded` without its report manifest: for checks that do not identify reports
    /// (`nqp validate`, the panel dry run).
    public init(loaded: LoadedConfig?) {
        self.loaded = loaded
        self.config = loaded?.config ?? PipelineConfig()
    }

    /// The stages of `loaded` with its report manifest read: what every command that identifies reports uses.
    public init(readingManifestOf loaded: LoadedConfig) throws(ConfigError) {
        self.init(loaded: loaded)
        manifest = try ReportManifest.load(config: loaded)
    }

    /// Loads `config` when given, else `pipeline.yml` in the working directory when there is one, else the
    /// built-in defaults (paths then resolve against the working directory), with its report manifest.
    public static func load(config path: String?) throws(ConfigError) -> StageFactory {
        let chosen = path ?? (FileManager.default.fileExists(atPath: "pipeline.yml") ? "pipeline.yml" : nil)
        guard let chosen else { return StageFactory(loaded: nil) }
        return try StageFactory(readingManifestOf: try LoadedConfig.load(from: URL(fileURLWithPath: chosen)))
    }

    public func resolve(_ path: String) -> URL {
        loaded?.resolve(path) ?? URL(fileURLWithPath: path)
    }

    /// The report extractor, with command-line overrides of the encoding and parser.
    public func extractor(encoding: String? = nil, parser: MarkupParser? = nil) throws(PipelineError)
        -> ReportExtractor {
        let label = encoding ?? config.reports.encoding
        var forced: TextEncoding?
        if label.lowercased() != "auto" {
            guard let known = TextEncoding(label: label) else { throw .unknownEncoding(label) }
            forced = known
        }
        let identity = identityRules()
        let options = ExtractOptions(forcedEncoding: forced, parser: parser ?? config.reports.parser,
                                     sectionPatterns: config.sections, identity: identity,
                                     minimumMDNAChars: config.reports.minimumMdnaChars)
        var withPDF = options
        withPDF.pdf = config.reports.pdf.options
        return ReportExtractor(options: withPDF)
    }

    /// Firm and year identification from the configuration and the report manifest's entries.
    public func identityRules() -> IdentityRules {
        var rules = IdentityRules(manifest: manifest, filenamePatterns: config.reports.filenamePatterns,
                                  useXBRLFacts: config.reports.useXBRLFacts, firmWidth: config.reports.firmWidth)
        rules.fiscalYearRule = config.reports.fiscalYearRule
        return rules
    }

    /// Loads the configured dictionaries (or `overrides`, resolved against the working directory). Each entry is
    /// a file path (which wins when the file exists) or a built-in dictionary's name (`nqp dict list`).
    public func dictionaries(overrides: [String] = []) throws(PipelineError) -> [KeywordDictionary] {
        let entries = overrides.isEmpty ? config.counting.dictionaries.map { ($0, resolve($0)) }
                                        : overrides.map { ($0, URL(fileURLWithPath: $0)) }
        var loadedDictionaries: [KeywordDictionary] = []
        for (value, url) in entries {
            guard let reference = DictionaryReference.resolve(value, asPath: url) else {
                throw .dictionary(path: value, reason: DictionaryReference.unknownMessage(value))
            }
            do {
                var dictionary = try reference.load()
                if let columns = config.counting.columns[dictionary.name] {
                    dictionary = try dictionary.renamingColumns(columns)
                }
                loadedDictionaries.append(dictionary)
            } catch {
                throw .dictionary(path: reference.path, reason: Diagnostic.text(of: error))
            }
        }
        return loadedDictionaries
    }

    /// One counter per dictionary with the configured options (mode overridable).
    public func counters(dictionaries: [KeywordDictionary], mode: MatchMode? = nil) throws(PipelineError)
        -> [KeywordCounter] {
        var options = config.counting.options
        if let mode { options.mode = mode }
        var counters: [KeywordCounter] = []
        for dictionary in dictionaries {
            do {
                counters.append(try KeywordCounter(dictionary: dictionary, options: options))
            } catch {
                throw .dictionary(path: dictionary.path, reason: Diagnostic.text(of: error))
            }
        }
        return counters
    }

    /// The extract-and-count processor for `nqp count` and `nqp run`.
    public func processor(dictionaryPaths: [String] = [], mode: MatchMode? = nil, scope: Scope? = nil,
                          kwic: Int? = nil, hashesContent: Bool = true) throws(PipelineError) -> ReportProcessor {
        let counters = try counters(dictionaries: try dictionaries(overrides: dictionaryPaths), mode: mode)
        let context = kwic ?? (config.counting.kwic > 0 ? config.counting.kwic : nil)
        var processor = ReportProcessor(extractor: try extractor(), counters: counters,
                               scope: scope ?? config.counting.scope, kwicContext: context,
                               hashesContent: hashesContent,
                               excludedChapterFinders: ReportProcessor.chapterFinders(
                                   titles: config.counting.excludedChapters, patterns: config.sections))
        processor.maxInflatedBytes = max(1, config.reports.maxInflatedMB) << 20
        return processor
    }
}
