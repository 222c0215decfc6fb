import Foundation
import NQPConfig
import NQPEncoding
import NQPLexicon
import NQPTable

/// Remembers what the last complete run was made from, so a nightly run with nothing new does only the stat
/// calls and state-store lookups: when every input, the configuration and the tool are the same as last time and
/// the outputs are still there, the outputs are already what a full run would write (byte-identical data files).
struct UpToDate: Codable, Equatable {
    /// SHA-256 over the tool version, the configuration, the cache fingerprint (dictionaries, options, versions),
    /// every financial input's content and every report's path, hash and state.
    var fingerprint: String
    var exitStatus: ExitStatus
    var firmYears: Int
    var quarantined: Int
    var outputs: [String]

    static let fileName = "last_run.json"

    static func url(in outputFolder: URL) -> URL {
        outputFolder.appendingPathComponent(StateStore.directoryName).appendingPathComponent(fileName)
    }

    /// One report's state as the fingerprint sees it.
    struct ReportState {
        var path: String
        var sha256: String
        var failed: Bool
    }

    /// The fingerprint of the inputs of a run. Financial inputs are hashed whole: they are small next to the
    /// reports and any change to them changes the panel.
    static func fingerprint(loaded: LoadedConfig, cacheFingerprint: String, reports: [ReportState]) -> String {
        var text = "nqp \(NQPVersion.string) \(executableStamp)\nconfig \(SHA256.hex(loaded.text))\n"
            + "cache \(cacheFingerprint)\n"
        let financials = loaded.config.financials
        let inputs = financials.sources.map(\.path) + [financials.crosswalk?.path].compactMap { $0 }
            + [loaded.config.reports.manifest].compactMap { $0 }
        for path in inputs {
            let sha = (try? ContentHash.sha256Hex(ofFileAt: loaded.resolve(path).path)) ?? "missing"
            text += "input \(path) \(sha)\n"
        }
        for report in reports.sorted(by: { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }) {
            text += "report \(report.path) \(report.sha256) \(report.failed ? "failed" : "ok")\n"
        }
        return SHA256.hex(text)
    }

    /// Size and modification time of the running executable: a rebuilt or upgraded nqp redoes the panel stages
    /// even when its version string did not change.
    static var executableStamp: String {
        guard let path = Bundle.main.executablePath,
              let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return "unknown" }
        let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(size)@\(modified)"
    }

    /// The report states a plan with nothing to process implies (unchanged reports are stored as ok, quarantined
    /// and unreadable ones as failed).
    static func states(of plan: RunPlan) -> [ReportState] {
        plan.entries.map {
            ReportState(path: $0.file.path, sha256: $0.sha256,
                        failed: $0.category == .quarantined || $0.category == .unreadable)
        }
    }

    /// The report states the store holds after a run.
    static func states(of store: StateStore) throws -> [ReportState] {
        try store.reports(includingResults: false).map {
            ReportState(path: $0.path, sha256: $0.sha256, failed: $0.status == .failed)
        }
    }

    /// The record of the last run when it matches `fingerprint` and its outputs still exist.
    static func matching(_ fingerprint: String, in outputFolder: URL) -> UpToDate? {
        guard let data = try? Data(contentsOf: url(in: outputFolder)),
              let last = try? JSONDecoder().decode(UpToDate.self, from: data),
              last.fingerprint == fingerprint,
              last.outputs.allSatisfy({
                  FileManager.default.fileExists(atPath: outputFolder.appendingPathComponent($0).path)
              })
        else { return nil }
        return last
    }

    func save(in outputFolder: URL) throws(PipelineError) {
        let url = Self.url(in: outputFolder)
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
            try AtomicFile.write(try encoder.encode(self), to: url)
        } catch {
            throw .output(path: url.path, reason: Diagnostic.text(of: error))
        }
    }
}
