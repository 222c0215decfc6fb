import Foundation

/// What `nqp cache prune` did.
public struct CachePruneSummary: Sendable, Equatable {
    public var removed: TextCache.Usage
    public var kept: TextCache.Usage

    public var rendered: String {
        "text cache: removed \(removed.entries) entries (\(Self.mebibytes(removed.bytes))), kept \(kept.entries) (\(Self.mebibytes(kept.bytes)))"
    }

    static func mebibytes(_ bytes: Int64) -> String {
        String(format: "%.1f MiB", Double(bytes) / 1_048_576)
    }
}

extension Pipeline {
    /// `nqp cache prune`: under the output folder's lock, drops the text-cache entries of reports no longer in
    /// the inputs (removed, changed or moved), and with `otherSettings` also those made under other extraction
    /// settings. Hashes only files whose size or modification time changed, like `nqp run`.
    public func pruneTextCache(otherSettings: Bool, waitSeconds: Double = 0) throws -> CachePruneSummary {
        let outputFolder = loaded.outputFolder
        let factory = try StageFactory(readingManifestOf: loaded)
        let processor = try factory.processor()
        let cache = TextCache(outputDirectory: outputFolder, extractionFingerprint: TextCache.extractionFingerprint(
            extractor: processor.extractor, sections: config.sections, maxInflatedBytes: processor.maxInflatedBytes))
        guard FileManager.default.fileExists(atPath: cache.folder.path) else {
            return CachePruneSummary(removed: .init(), kept: .init())
        }
        let lock = try RunLock.acquire(outputDirectory: outputFolder, wait: waitSeconds)
        defer { lock.release() }
        let store = try StateStore(outputDirectory: outputFolder)
        defer { try? store.close() }
        let scan = try ReportDiscovery.scan(config.reports.paths, relativeTo: loaded.baseDirectory,
                                            include: config.reports.include, exclude: config.reports.exclude)
        let stage = ReportStage(loaded: loaded, processor: processor, dictionaries: try factory.dictionaries(),
                                store: store, logger: logger, jobs: 1)
        let plan = try stage.plan(files: scan.files, options: PlanOptions())
        let current = plan.entries.filter { !$0.sha256.isEmpty }
            .map { (contentSHA256: $0.sha256, location: $0.file.location) }
        let result = cache.prune(current: current, otherSettings: otherSettings)
        return CachePruneSummary(removed: result.removed, kept: result.kept)
    }
}
