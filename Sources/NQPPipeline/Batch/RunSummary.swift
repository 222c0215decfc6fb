import Foundation
import NQPTable

/// What a run did, printed on standard error at the end and stored in `manifest.json`.
///
/// Note for byte-identical reruns: `stageSeconds` are wall-clock measurements and differ between runs; encode
/// with ``encodingTimings`` false where identical bytes matter.
public struct RunSummary: Sendable, Equatable, Encodable {
    /// Report counts of the run.
    struct Reports: Sendable, Equatable, Codable {
        var new: Int
        var changed: Int
        var unchanged: Int
        /// Same content, re-counted because a dictionary, option or extractor version changed.
        var reconfigured: Int
        /// Quarantined files retried (`--retry-failed`).
        var retried: Int
        /// Reports that failed in this run.
        var failed: Int
        /// Reports whose files disappeared (and left the panel).
        var removed: Int
        /// All quarantined reports after the run (rows of `errors.csv`), including older ones not retried.
        var quarantined: Int

        init(new: Int = 0, changed: Int = 0, unchanged: Int = 0, reconfigured: Int = 0, retried: Int = 0,
                    failed: Int = 0, removed: Int = 0, quarantined: Int = 0) {
            self.new = new
            self.changed = changed
            self.unchanged = unchanged
            self.reconfigured = reconfigured
            self.retried = retried
            self.failed = failed
            self.removed = removed
            self.quarantined = quarantined
        }

        /// The counts a plan predicts (failed and quarantined are known only after the run).
        init(plan: RunPlan) {
            let counts = plan.counts
            self.init(new: counts.new, changed: counts.changed, unchanged: counts.unchanged,
                      reconfigured: counts.reconfigured, retried: counts.retry, removed: counts.removed)
        }
    }

    /// Wall-clock seconds of one stage.
    struct StageTiming: Sendable, Equatable, Codable {
        var stage: String
        var seconds: Double
        init(stage: String, seconds: Double) {
            self.stage = stage
            self.seconds = seconds
        }
    }

    var reports: Reports
    /// Firm-years in the panel written by this run.
    var firmYears: Int
    /// Seconds per stage, in the order the stages ran.
    var stageSeconds: [StageTiming]
    /// Output files written (names relative to the output folder), in the order written.
    var outputs: [String]
    public var exitStatus: ExitStatus
    /// Whether `encode(to:)` includes `stage_seconds` (false for deterministic manifests).
    var encodingTimings: Bool

    init(reports: Reports = Reports(), firmYears: Int = 0, stageSeconds: [StageTiming] = [],
                outputs: [String] = [], exitStatus: ExitStatus = .success, encodingTimings: Bool = true) {
        self.reports = reports
        self.firmYears = firmYears
        self.stageSeconds = stageSeconds
        self.outputs = outputs
        self.exitStatus = exitStatus
        self.encodingTimings = encodingTimings
    }

    /// Adds `seconds` to `stage` (appending it the first time).
    mutating func addTime(_ seconds: Double, toStage stage: String) {
        if let index = stageSeconds.firstIndex(where: { $0.stage == stage }) {
            stageSeconds[index].seconds += seconds
        } else {
            stageSeconds.append(StageTiming(stage: stage, seconds: seconds))
        }
    }

    /// Sum of the stage times.
    var totalSeconds: Double { stageSeconds.reduce(0) { $0 + $1.seconds } }

    enum CodingKeys: String, CodingKey {
        case reports
        case firmYears = "firm_years"
        case stageSeconds = "stage_seconds"
        case totalSeconds = "total_seconds"
        case outputs
        case exitStatus = "exit_status"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(reports, forKey: .reports)
        try container.encode(firmYears, forKey: .firmYears)
        if encodingTimings {
            // Milliseconds are plenty and keep the JSON free of long binary-fraction digits.
            let rounded = stageSeconds.map { StageTiming(stage: $0.stage, seconds: ($0.seconds * 1000).rounded() / 1000) }
            try container.encode(rounded, forKey: .stageSeconds)
            try container.encode((totalSeconds * 1000).rounded() / 1000, forKey: .totalSeconds)
        }
        try container.encode(outputs, forKey: .outputs)
        try container.encode(exitStatus.rawValue, forKey: .exitStatus)
    }

    /// The multi-line text for standard error, e.g.
    /// ```
    /// nqp run: completed with quarantined inputs (exit 3)
    ///   reports      3 new, 1 changed, 9,996 unchanged, 0 reconfigured, 0 retried, 1 failed, 0 removed
    ///   quarantined  2 (listed in errors.csv)
    ///   panel        9,998 firm-years
    ///   time         plan 0.05 s, extract+count 1.20 s, merge 0.05 s, …; total 1.60 s
    ///   outputs      panel.dta, panel.csv, errors.csv
    /// ```
    public func rendered() -> String {
        let r = reports
        let n = NumberFormatting.grouped
        var lines = ["nqp run: \(exitStatus) (exit \(exitStatus.rawValue))"]
        lines.append("  reports      \(n(r.new)) new, \(n(r.changed)) changed, \(n(r.unchanged)) unchanged, "
            + "\(n(r.reconfigured)) reconfigured, \(n(r.retried)) retried, \(n(r.failed)) failed, \(n(r.removed)) removed")
        if r.reconfigured > 0 {
            lines.append("               \(n(r.reconfigured)) re-counted because a dictionary or option changed")
        }
        if r.quarantined > 0 {
            lines.append("  quarantined  \(n(r.quarantined)) (listed in \(ErrorsCSV.fileName))")
        }
        lines.append("  panel        \(n(firmYears)) firm-years")
        if !stageSeconds.isEmpty {
            let parts = stageSeconds.map { "\($0.stage) \(Self.seconds($0.seconds))" }
            lines.append("  time         " + parts.joined(separator: ", ") + "; total \(Self.seconds(totalSeconds))")
        }
        lines.append("  outputs      " + (outputs.isEmpty ? "none" : outputs.joined(separator: ", ")))
        return lines.joined(separator: "\n") + "\n"
    }

    static func seconds(_ value: Double) -> String { String(format: "%.2f s", value) }
}
