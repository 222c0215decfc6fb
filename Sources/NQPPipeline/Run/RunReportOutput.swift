import Foundation
import NQPConfig
import NQPEncoding
import NQPLexicon
import NQPReport
import NQPTable

/// `report.html` (README, "The run report"): written by every `nqp run` through the same atomic writer as the
/// other outputs, and rewritten by `nqp report` from an existing output folder. Both build the page from the
/// folder's files (NQPReport), never from the run's memory, so the two give the same page.
extension OutputWriter {
    /// Writes the page from the files this writer has written (or `files`); `counts` is what `CountsCSVStreaming`
    /// summed while writing `counts.csv`, so the page does not read that file again.
    mutating func writeReport(files: Set<String>? = nil, incomplete: IncompleteRun? = nil,
                              counts: CountsAggregate? = nil) throws(PipelineError) {
        try write(RunReport.fileName, RunReport.html(folder: folder, files: files ?? Set(written), incomplete: incomplete,
                                                     counts: counts))
    }

    /// A published run supersedes the page of an earlier run that failed.
    func removeIncompleteReport() {
        unlink(output.appendingPathComponent(RunReport.incompleteFileName).path)
    }
}

extension Pipeline {
    /// The page of a run that stopped before the panel: coverage, counts and failures of the files it did
    /// write, marked incomplete with the error. Best effort: the run's own error is what the caller reports.
    func writeIncompleteReport(_ error: any Error, writer: inout OutputWriter, reports: RunSummary.Reports,
                               started: Date) {
        let iso = ISO8601DateFormatter()
        let r = reports
        let counts = [NamedCount("new", r.new), NamedCount("changed", r.changed), NamedCount("unchanged", r.unchanged),
                      NamedCount("re-counted", r.reconfigured), NamedCount("retried", r.retried),
                      NamedCount("failed", r.failed), NamedCount("removed", r.removed),
                      NamedCount("quarantined", r.quarantined)]
        let status = error is ConfigError ? ExitStatus.configuration : ExitStatus.failure
        let incomplete = IncompleteRun(version: NQPVersion.string, configFile: loaded.file.path,
                                       configSHA256: SHA256.hex(loaded.text), startedAt: iso.string(from: started),
                                       finishedAt: iso.string(from: Date()), error: Diagnostic.text(of: error),
                                       exitStatus: Int(status.rawValue), reportCounts: counts)
        // Not part of any generation: the data files stay the last published run's whole, so this run's page goes
        // beside them as `report-incomplete.html` until a run publishes again (README, "The run report").
        let page = RunReport.html(folder: writer.folder, files: Set(writer.written), incomplete: incomplete)
        do {
            try AtomicFile.write(page, to: writer.output.appendingPathComponent(RunReport.incompleteFileName))
        } catch {
            logger.warning("could not write \(RunReport.fileName): \(Diagnostic.text(of: error))", metadata: ["stage": "report"])
        }
    }

    /// `nqp report`: rewrites `report.html` from the output folder of the last run, under the folder's lock.
    /// Returns the page's location.
    public func writeReport(waitSeconds: Double = 0) throws -> URL {
        let folder = loaded.outputFolder
        let manifest = folder.appendingPathComponent("manifest.json")
        guard FileManager.default.fileExists(atPath: manifest.path) else {
            throw PipelineError.noPreviousRun(manifest: manifest.path, config: LoadedConfig.displayName(loaded.file))
        }
        let lock = try RunLock.acquire(outputDirectory: folder, wait: waitSeconds)
        defer { lock.release() }
        // A new generation with the same files and a new page, published like a run's (README, "Outputs").
        var writer = try OutputWriter(output: folder)
        defer { writer.discard() }
        try writer.carryOver(skipping: [RunReport.fileName])
        try writer.writeReport()
        try writer.publish()
        return folder.appendingPathComponent(RunReport.fileName)
    }
}
