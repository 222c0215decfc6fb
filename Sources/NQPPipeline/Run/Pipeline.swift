import Foundation
import NQPConfig
import NQPEncoding
import Logging
import NQPExtract
import NQPLexicon
import NQPReport
import NQPTable

/// Options of one `nqp run` (command-line switches, not configuration: they don't change the numbers).
public struct RunOptions: Sendable {
    var force = false
    var retryFailed = false
    /// Workers for extract and count; nil = the configuration's `run.jobs`, 0 = the number of cores.
    var jobs: Int?
    /// Seconds to wait for another run's lock; 0 = fail at once with exit 4.
    var waitSeconds: Double = 0
    var quiet = false
    /// Where the progress bar draws: the log's standard-error sink, so log lines and the bar don't cut each other.
    var progressSink: LogSink?
    /// `nqp run --gather`: take in a cluster round's shards first (README "Running on a cluster").
    public var gather: GatherOptions?

    public init(force: Bool = false, retryFailed: Bool = false, jobs: Int? = nil, waitSeconds: Double = 0,
                quiet: Bool = false, progressSink: LogSink? = nil) {
        self.force = force
        self.retryFailed = retryFailed
        self.jobs = jobs
        self.waitSeconds = waitSeconds
        self.quiet = quiet
        self.progressSink = progressSink
    }
}

/// `nqp run`: every stage over the configured inputs, incrementally, under the output folder's lock, writing
/// every output atomically. Returns the summary; the caller maps `summary.exitStatus` to the process exit code.
public struct Pipeline {
    let loaded: LoadedConfig
    let logger: Logger

    public init(loaded: LoadedConfig, logger: Logger) {
        self.loaded = loaded
        self.logger = logger
    }

    var config: PipelineConfig { loaded.config }

    func workerCount(_ options: RunOptions) -> Int {
        let configured = options.jobs ?? config.run.jobs
        return configured > 0 ? configured : ProcessInfo.processInfo.activeProcessorCount
    }

    /// Runs the pipeline. Throws `BatchError` (lock held, state store) or `PipelineError` (inputs, outputs).
    public func run(_ options: RunOptions) throws -> RunSummary {
        let started = Date()
        var clock = StageClock()
        let outputFolder = loaded.outputFolder
        do {
            try FileManager.default.createDirectory(at: outputFolder, withIntermediateDirectories: true)
        } catch {
            throw PipelineError.output(path: outputFolder.path, reason: FileErrorReason.describe(error))
        }
        let lock = try RunLock.acquire(outputDirectory: outputFolder, wait: options.waitSeconds)
        defer { lock.release() }
        let store = try StateStore(outputDirectory: outputFolder)
        defer { try? store.close() }
        OutputGeneration.sweep(outputFolder)  // what killed runs left behind

        // Stage 1–2: extract and count, incrementally.
        let factory = try StageFactory(readingManifestOf: loaded)
        let dictionaries = try factory.dictionaries()
        let processor = try factory.processor()
        let scan = try ReportDiscovery.scan(config.reports.paths, relativeTo: loaded.baseDirectory,
                                            include: config.reports.include, exclude: config.reports.exclude)
        var files = scan.files
        for problem in scan.problems { logger.warning("\(problem)", metadata: ["stage": "discover"]) }
        // A gather commits the shards' results first; the plan below then finds them unchanged.
        let gathered = try options.gather.map {
            try ShardGather.prepare(loaded: loaded, store: store, options: $0, logger: logger)
        }
        if let withheld = gathered?.withheld, !withheld.isEmpty {
            files.removeAll { withheld.contains($0.displayPath) }
        }
        let jobs = workerCount(options)
        let stage = ReportStage(loaded: loaded, processor: processor, dictionaries: dictionaries, store: store,
                                logger: logger, jobs: jobs)
        let progress = ProgressReporter.forTerminal(totalReports: files.count, totalBytes: 0, quiet: options.quiet,
                                                    sink: options.progressSink ?? .standardError())
        let plan = try stage.plan(files: files, options: PlanOptions(retryFailed: options.retryFailed,
                                                                     force: options.force, hashingJobs: jobs))
        let cacheFingerprint = stage.keys.fingerprint
        if !options.force, plan.toProcess.isEmpty, plan.removed.isEmpty, scan.problems.isEmpty,
           let last = UpToDate.matching(UpToDate.fingerprint(loaded: loaded, cacheFingerprint: cacheFingerprint,
                                                              reports: UpToDate.states(of: plan)),
                                        in: outputFolder) {
            try store.apply(plan, at: Date())  // remember new stat times of touched-but-unchanged files
            defer { gathered?.removeRound() }
            return try upToDateSummary(plan: plan, last: last, started: started, clock: &clock)
        }
        let reports = try stage.run(plan: plan, files: files, progress: progress)
        clock.lap("extract+count")
        let counts = reports.plan.counts
        logger.info("reports: \(counts.new) new, \(counts.changed) changed, \(counts.reconfigured) re-counted after a configuration change, \(counts.unchanged) unchanged, \(counts.removed) removed, \(reports.failures.count) quarantined",
                    metadata: ["stage": "plan"])

        let skipped = SkippedReports.split(reports.results, skip: config.reports.skip)
        var choice = DuplicateReports.choose(skipped.kept, rule: config.reports.duplicates)
        choice.status.merge(skipped.status) { kept, _ in kept }
        choice.warnings = skipped.warnings + choice.warnings
        for warning in choice.warnings { logger.warning("\(warning)", metadata: ["stage": "count"]) }
        let measures = TextMeasures(results: choice.chosen, dictionaries: dictionaries,
                                    scopeName: config.counting.scope.rawValue, displayPath: loaded.displayPath)

        // Stages 3–5: merge, score, export on the whole panel (weights depend on every row).
        var writer = try OutputWriter(output: outputFolder)
        defer { writer.discard() }  // unless published below
        try writer.write("reports.csv", ReportTables.reportsCSV(results: reports.results, failures: reports.failures,
                                                                status: choice.status))
        var countsAggregate = CountsAggregate()
        try writer.stream("counts.csv") { url throws(TableError) in
            countsAggregate = try CountsCSVStreaming.write(chosen: choice.chosen, to: url)
        }
        if processor.kwicContext != nil {
            try writer.write("kwic.csv", ReportTables.kwicCSV(chosen: choice.chosen))
        }
        try writer.write(ErrorsCSV.fileName, ReportTables.errorsCSV(reports.failures
            + ReportTables.discoveryFailures(scan.problems, at: started)))
        clock.lap("report tables")
        let panel: PanelOutcome
        do {
            panel = try PanelStage(loaded: loaded, logger: logger).build(textMeasures: measures.table,
                                                                          writer: &writer, clock: &clock)
        } catch {
            var done = RunSummary.Reports(plan: reports.plan)
            done.quarantined = reports.failures.count
            writeIncompleteReport(error, writer: &writer, reports: done, started: started)
            throw error
        }

        var summary = RunSummary(reports: RunSummary.Reports(plan: reports.plan), firmYears: panel.rowCount,
                                 stageSeconds: [], outputs: [], exitStatus: .success)
        summary.reports.quarantined = reports.failures.count
        summary.exitStatus = ExitStatus.completedRun(quarantinedReports: reports.failures.count + scan.problems.count
                                                         + (gathered?.withheld.count ?? 0))  // partial gather: 3
        for lap in clock.laps { summary.addTime(lap.seconds, toStage: lap.stage) }
        var manifest = RunManifest(loaded: loaded, dictionaries: dictionaries, results: reports.results,
                                   chosen: choice.chosen.count, panel: panel, textFirmYears: measures.table.rowCount,
                                   summary: summary,
                                   warnings: scan.problems.map(\.description) + choice.warnings + panel.warnings
                                       + (gathered?.warnings ?? []),
                                   started: started, finished: Date())
        manifest.shards = gathered?.record
        summary.outputs = writer.written + ["manifest.json"]
        manifest.summary.outputs = summary.outputs
        manifest.files = try writer.fileList()
        try writer.write("manifest.json", try manifest.jsonBytes())
        // The page is read from this generation's files, manifest included, so it is written after the manifest
        // and is the one file its `files` list leaves out (README, "The run report").
        try writer.writeReport(counts: countsAggregate)
        try writer.publish()
        writer.removeIncompleteReport()
        summary.outputs = writer.written
        gathered?.removeRound()  // its results are in the state store now
        let fingerprint = UpToDate.fingerprint(loaded: loaded, cacheFingerprint: cacheFingerprint,
                                               reports: try UpToDate.states(of: store))
        try UpToDate(fingerprint: fingerprint, exitStatus: summary.exitStatus, firmYears: summary.firmYears,
                     quarantined: summary.reports.quarantined, outputs: writer.written).save(in: outputFolder)
        return summary
    }
}

extension Pipeline {
    /// The summary of a run that found its outputs up to date; only the manifest's times and summary change.
    func upToDateSummary(plan: RunPlan, last: UpToDate, started: Date, clock: inout StageClock) throws -> RunSummary {
        logger.info("nothing changed since the last run (\(plan.entries.count) reports, configuration and financial inputs unchanged); the outputs are up to date",
                    metadata: ["stage": "plan"])
        clock.lap("plan")
        var summary = RunSummary(reports: RunSummary.Reports(plan: plan), firmYears: last.firmYears,
                                 stageSeconds: [], outputs: [], exitStatus: last.exitStatus)
        summary.reports.quarantined = last.quarantined
        for lap in clock.laps { summary.addTime(lap.seconds, toStage: lap.stage) }
        let folder = loaded.outputFolder
        if let previous = try? Data(contentsOf: folder.appendingPathComponent("manifest.json")),
           let refreshed = RunManifest.refreshed(Array(previous), summary: summary, started: started, finished: Date()) {
            var writer = try OutputWriter(output: folder)
            defer { writer.discard() }
            try writer.carryOver(skipping: ["manifest.json", RunReport.fileName])
            try writer.write("manifest.json", refreshed)
            try writer.writeReport()
            try writer.publish()
            writer.removeIncompleteReport()
            summary.outputs = writer.written
        }
        return summary
    }
}

/// Wall-clock time per stage, for the summary.
struct StageClock {
    private var last = Date()
    private(set) var laps: [(stage: String, seconds: Double)] = []

    mutating func lap(_ stage: String) {
        let now = Date()
        laps.append((stage, now.timeIntervalSince(last)))
        last = now
    }
}
