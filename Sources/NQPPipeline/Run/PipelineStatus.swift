import Foundation
import NQPLexicon

/// What `nqp run` would do now, without doing it (`nqp status`).
public struct PipelineStatus: Sendable {
    var plan: RunPlan
    public var rendered: String
}

extension Pipeline {
    public func status(retryFailed: Bool = false, force: Bool = false) throws -> PipelineStatus {
        let factory = try StageFactory(readingManifestOf: loaded)
        let dictionaries = try factory.dictionaries()
        let processor = try factory.processor()
        let scan = try ReportDiscovery.scan(config.reports.paths, relativeTo: loaded.baseDirectory,
                                            include: config.reports.include, exclude: config.reports.exclude)
        let files = scan.files
        let outputFolder = loaded.outputFolder
        let storePath = outputFolder.appendingPathComponent(StateStore.directoryName)
            .appendingPathComponent(StateStore.fileName).path
        let plan: RunPlan
        if FileManager.default.fileExists(atPath: storePath) {
            let store = try StateStore(outputDirectory: outputFolder)
            defer { try? store.close() }
            let stage = ReportStage(loaded: loaded, processor: processor, dictionaries: dictionaries, store: store,
                                    logger: logger, jobs: 1)
            plan = try stage.plan(files: files, options: PlanOptions(retryFailed: retryFailed, force: force))
        } else {
            // No state yet: everything is new. Don't create a store just to look.
            plan = RunPlan(entries: files.map {
                RunPlan.Entry(file: FileStat(path: $0.displayPath, location: $0.url.path, size: 0,
                                             modificationTimeNanoseconds: 0),
                              category: .new, sha256: "", resultKey: "", needsProcessing: true, statChanged: true)
            }, removed: [], hashedFiles: 0, hashedBytes: 0, isForced: force)
        }
        var lines: [String] = []
        let counts = plan.counts
        lines.append("output: \(outputFolder.path)")
        lines.append("reports: \(plan.entries.count) present; would process \(counts.toProcess)")
        for category in RunPlan.Category.allCases {
            let entries = plan.entries(category)
            guard !entries.isEmpty else { continue }
            lines.append("  \(category.rawValue): \(entries.count)")
            for entry in entries.prefix(20) { lines.append("    \(entry.file.path)") }
            if entries.count > 20 { lines.append("    … and \(entries.count - 20) more") }
        }
        lines += textCacheLines(plan: plan, processor: processor)
        if !plan.removed.isEmpty {
            lines.append("  removed: \(plan.removed.count)")
            for path in plan.removed.prefix(20) { lines.append("    \(path)") }
        }
        if !scan.problems.isEmpty {
            lines.append("  skipped (a run exits 3): \(scan.problems.count)")
            for problem in scan.problems.prefix(20) { lines.append("    \(problem)") }
        }
        let rounds = ShardRoundStatus.rounds(outputFolder: outputFolder)  // README "Running on a cluster"
        if !rounds.isEmpty { lines.append("cluster rounds (out/.nqp/shards, gathered by nqp run --gather):") }
        for round in rounds { lines += round.rendered }
        return PipelineStatus(plan: plan, rendered: lines.joined(separator: "\n"))
    }
}

extension Pipeline {
    /// Which reports to process will be re-counted from the text cache and which must be read and extracted.
    func textCacheLines(plan: RunPlan, processor: ReportProcessor) -> [String] {
        let work = plan.toProcess
        guard !work.isEmpty else { return [] }
        guard config.run.textCache else { return ["  text cache: off (run.text_cache: false); every report to process is read and extracted"] }
        let cache = TextCache(outputDirectory: loaded.outputFolder, extractionFingerprint: TextCache.extractionFingerprint(
            extractor: processor.extractor, sections: config.sections, maxInflatedBytes: processor.maxInflatedBytes))
        if plan.isForced { return ["  text cache: not read (--force); all \(work.count) reports to process are read and extracted"] }
        let extract = work.filter { !cache.contains(contentSHA256: $0.sha256, location: $0.file.location) }
        var lines = ["  re-count from the text cache (no report read): \(work.count - extract.count)",
                     "  read and extract: \(extract.count)"]
        for entry in extract.prefix(20) { lines.append("    \(entry.file.path)") }
        if extract.count > 20 { lines.append("    … and \(extract.count - 20) more") }
        return lines
    }
}
