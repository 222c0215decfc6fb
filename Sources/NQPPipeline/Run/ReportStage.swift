import Foundation
import NQPEncoding
import Logging
import NQPConfig
import NQPExtract
import NQPLexicon

/// The incremental extract-and-count stage of `nqp run`: plans against the state store, processes only new,
/// changed and reconfigured reports, commits each result as soon as it is made (so a killed run keeps its
/// work), and returns every current result, cached or fresh.
struct ReportStage {
    let loaded: LoadedConfig
    let processor: ReportProcessor
    let dictionaries: [KeywordDictionary]
    let store: StateStore
    let logger: Logger
    let jobs: Int

    struct Output {
        var plan: RunPlan
        /// Every report's result (cached and fresh), sorted by file.
        var results: [ReportResult]
        /// Every failure, sorted by file: whole files from the store and members of archives.
        var failures: [FailedReport]
    }

    /// A quarantined report or archive member.
    struct FailedReport: Sendable {
        var file: String
        var sha256: String
        var stage: FailureStage
        var reason: String
        var firstSeen: String
        var lastSeen: String
    }


    var cacheComponents: [String: String] {
        Self.cacheComponents(loaded: loaded, processor: processor, dictionaries: dictionaries)
    }

    /// The cache components without a state store (shards plan against a store they only read).
    static func cacheComponents(loaded: LoadedConfig, processor: ReportProcessor,
                                dictionaries: [KeywordDictionary]) -> [String: String] {
        let config = loaded.config
        var components: [String: String] = [
            "extractor": NQPVersion.extractor,
            "counter": NQPVersion.counter,
            "scope": processor.scope.rawValue,
            "kwic": processor.kwicContext.map(String.init) ?? "0",
            "counting": Self.json(config.counting.options),
            "excluded_chapters": config.counting.excludedChapters.joined(separator: "\u{1F}"),
            "sections": Self.json(config.sections),
            "identity": Self.json([config.reports.filenamePatterns.joined(separator: "\u{1F}"),
                                   config.reports.useXBRLFacts ? "xbrl" : "",
                                   config.reports.firmWidth.map(String.init) ?? "",
                                   config.reports.encoding, config.reports.parser.rawValue,
                                   String(config.reports.minimumMdnaChars),
                                   config.reports.fiscalYearRule.rawValue]),
            "manifest": manifestHash(loaded),
            "pdf": Self.json(config.reports.pdf),
        ]
        for (index, dictionary) in dictionaries.enumerated() {
            components["dictionary.\(index)"] = "\(dictionary.name)=\(dictionary.contentHash)"
        }
        return components
    }

    /// The text cache (README "Text cache"); nil when `run.text_cache` is false.
    var textCache: TextCache? {
        guard loaded.config.run.textCache else { return nil }
        return TextCache(outputDirectory: loaded.outputFolder, extractionFingerprint: TextCache.extractionFingerprint(
            extractor: processor.extractor, sections: loaded.config.sections, maxInflatedBytes: processor.maxInflatedBytes))
    }

    static func manifestHash(_ loaded: LoadedConfig) -> String {
        guard let path = loaded.config.reports.manifest,
              let data = try? Data(contentsOf: loaded.resolve(path)) else { return "" }
        return SHA256.hex(Array(data))
    }

    static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    /// The key under which a report's result is cached: its content plus everything that changes the result.
    /// Computed on every access (it renders the whole configuration): take it once per run and key every report
    /// with that value, as `plan` does, so a no-change rerun over thousands of reports renders it once.
    var keys: ResultKeys { ResultKeys(components: cacheComponents) }

    static func keys(loaded: LoadedConfig, processor: ReportProcessor, dictionaries: [KeywordDictionary]) -> ResultKeys {
        ResultKeys(components: cacheComponents(loaded: loaded, processor: processor, dictionaries: dictionaries))
    }

    func plan(files: [DiscoveredFile], options: PlanOptions) throws(PipelineError) -> RunPlan {
        let keys = self.keys
        var stats: [FileStat] = []
        for file in files {
            do {
                stats.append(try FileStat(location: file.url.path, path: file.displayPath))
            } catch {
                throw .input(path: file.displayPath, reason: "\(error)")
            }
        }
        do {
            return try store.plan(current: stats, options: options, resultKeyFor: keys.key(forContentSHA256:))
        } catch {
            throw .output(path: store.path, reason: "\(error)")
        }
    }

    /// Processes what `plan` says needs processing, then reads every current result back.
    func run(plan: RunPlan, files: [DiscoveredFile], progress: ProgressReporter) throws(PipelineError) -> Output {
        // Files that could not even be read for hashing are quarantined like any failed report.
        let unreadable = plan.unreadable.map {
            ReportOutcome.failed(file: $0.file, sha256: "", resultKey: $0.resultKey, stage: .read,
                                 reason: $0.unreadableReason ?? "unreadable; check permissions")
        }
        do {
            try store.commit(unreadable, at: Date())
        } catch {
            throw .output(path: store.path, reason: "\(error)")
        }
        let work = plan.toProcess
        progress.begin(stage: "extract+count")
        progress.setTotals(reports: work.count, bytes: work.reduce(0) { $0 + $1.file.size })
        let store = store, processor = processor, logger = logger
        let locations = Dictionary(files.map { ($0.displayPath, $0.url) }, uniquingKeysWith: { a, _ in a })
        let cache = textCache, readsCache = !plan.isForced
        let processed = ParallelMap.map(work, jobs: jobs, cost: { $0.file.size }) { entry -> (String?, Bool) in
            let url = locations[entry.file.path] ?? URL(fileURLWithPath: entry.file.location)
            let made = processor.process(fileAt: url, displayPath: entry.file.path,
                                         knownSHA256: entry.sha256.isEmpty ? nil : entry.sha256, cache: cache,
                                         readsCache: readsCache)
            if let cacheError = made.cacheError {
                logger.warning("text cache not written (the next counting change re-reads this report): \(cacheError)",
                               metadata: ["stage": "extract", "file": "\(entry.file.path)"])
            }
            let outcome = Self.identified(made.outcome)
            let record = Self.record(outcome, entry: entry)
            progress.advance(reports: 1, bytes: entry.file.size)
            for failure in outcome.failures {
                logger.warning("quarantined: \(failure.reason)",
                               metadata: ["stage": "\(failure.stage)", "file": "\(failure.file)"])
            }
            do {
                // One transaction per report: a run killed at any moment keeps everything committed so far.
                try store.commit([record], at: Date())
                return (nil, made.fromCache)
            } catch {
                return ("\(error)", made.fromCache)
            }
        }
        progress.finish()
        if let error = processed.compactMap({ $0.0 }).first { throw .output(path: store.path, reason: error) }
        let fromCache = processed.filter(\.1).count
        if cache != nil {
            logger.info("text cache: \(fromCache) re-counted without reading the report, \(work.count - fromCache) extracted",
                        metadata: ["stage": "extract+count"])
        }
        do {
            try store.apply(plan, at: Date())
        } catch {
            throw .output(path: store.path, reason: "\(error)")
        }
        return try collect(plan: plan)
    }

    /// A report nobody can place in the panel is quarantined: firm and year are required in a run (README
    /// "Firm and year").
    static func identified(_ outcome: FileOutcome) -> FileOutcome {
        var checked = FileOutcome(failures: outcome.failures)
        for result in outcome.results {
            if result.firm == nil || result.year == nil {
                let missing = [result.firm == nil ? "firm" : nil, result.year == nil ? "year" : nil]
                    .compactMap { $0 }.joined(separator: " and ")
                checked.failures.append(ReportFailure(
                    file: result.file, sha256: result.sha256, stage: .identify,
                    reason: "\(missing) not identified from the manifest, the file name, XBRL facts or the first pages' text; add the file to the manifest CSV (reports.manifest) or rename it like 000001_2019_name.html"))
            } else {
                checked.results.append(result)
            }
        }
        return checked
    }

    static func record(_ outcome: FileOutcome, entry: RunPlan.Entry) -> ReportOutcome {
        if outcome.results.isEmpty, let failure = outcome.failures.first {
            let reason = outcome.failures.count == 1 ? failure.reason
                : outcome.failures.map { "\($0.file): \($0.reason)" }.joined(separator: "; ")
            return ReportOutcome.failed(file: entry.file, sha256: entry.sha256, resultKey: entry.resultKey,
                                        stage: failure.stage, reason: reason)
        }
        let payload = (try? JSONEncoder().encode(StoredOutcome(outcome))) ?? Data()
        let first = outcome.results.first
        return ReportOutcome.succeeded(file: entry.file, sha256: entry.sha256, resultKey: entry.resultKey,
                                       firm: first?.firm, year: first?.year, result: payload)
    }

    /// Reads every stored result back (one query) and splits results from failures.
    func collect(plan: RunPlan) throws(PipelineError) -> Output {
        let records: [ReportRecord]
        do {
            records = try store.reports(includingResults: true)
        } catch {
            throw .output(path: store.path, reason: "\(error)")
        }
        // Decoding thousands of stored results is the bulk of a rerun's work: spread it over the workers.
        let dictionaries = dictionaries
        let decoded = ParallelMap.map(records, jobs: jobs) { record -> FileOutcome? in
            guard record.status != .failed, let data = record.result,
                  let stored = try? JSONDecoder().decode(StoredOutcome.self, from: data) else { return nil }
            return stored.expanded(with: dictionaries)
        }
        var results: [ReportResult] = []
        var failures: [FailedReport] = []
        for (record, outcome) in zip(records, decoded) {
            if record.status == .failed {
                failures.append(FailedReport(file: record.path, sha256: record.sha256, stage: record.stage ?? .state,
                                             reason: record.reason ?? "", firstSeen: record.firstSeen,
                                             lastSeen: record.lastSeen))
                continue
            }
            guard let outcome else {
                failures.append(FailedReport(file: record.path, sha256: record.sha256, stage: .state,
                                             reason: "cached result unreadable; rerun with --force",
                                             firstSeen: record.firstSeen, lastSeen: record.lastSeen))
                continue
            }
            results += outcome.results
            for failure in outcome.failures {
                failures.append(FailedReport(file: failure.file, sha256: failure.sha256, stage: failure.stage,
                                             reason: failure.reason, firstSeen: record.firstSeen,
                                             lastSeen: record.lastSeen))
            }
        }
        results.sort { $0.file.utf8.lexicographicallyPrecedes($1.file.utf8) }
        failures.sort { $0.file.utf8.lexicographicallyPrecedes($1.file.utf8) }
        return Output(plan: plan, results: results, failures: failures)
    }
}
