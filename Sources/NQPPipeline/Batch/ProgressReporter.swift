import Foundation
import NQPTable

/// A one-line progress bar on standard error: reports done / total, MB/s, ETA and the current stage.
///
/// Drawn only when enabled — ``forTerminal(totalReports:totalBytes:quiet:)`` enables it when standard error is a
/// terminal and `--quiet` is off, so cron mails and log files never get carriage returns. Workers call
/// ``advance(reports:bytes:)`` concurrently; redraws are limited to one per `minimumRedrawInterval` (0.1 s,
/// i.e. at most 10 per second). ``finish()`` clears the line. Share the standard-error ``LogSink`` with the log
/// handler so log lines appear above the bar instead of through it.
final class ProgressReporter: Sendable {
    private struct State {
        var totalReports: Int
        var totalBytes: Int64
        var doneReports = 0
        var doneBytes: Int64 = 0
        var stage = ""
        var startTime: Double?
        var lastDraw: Double?
    }

    /// Whether anything is drawn at all.
    let isEnabled: Bool
    private let sink: LogSink
    private let clock: @Sendable () -> Double
    private let minimumRedrawInterval: Double
    private let state: BatchLocked<State>

    /// - Parameters:
    ///   - sink: where to draw (standard error in production, memory in tests).
    ///   - clock: monotonic seconds (injected in tests).
    init(totalReports: Int, totalBytes: Int64, isEnabled: Bool, sink: LogSink = .standardError(),
                minimumRedrawInterval: Double = 0.1,
                clock: @escaping @Sendable () -> Double = { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }) {
        self.isEnabled = isEnabled
        self.sink = sink
        self.clock = clock
        self.minimumRedrawInterval = minimumRedrawInterval
        state = BatchLocked(State(totalReports: totalReports, totalBytes: totalBytes))
    }

    /// A reporter on standard error, enabled only when it is a terminal and not `quiet`.
    static func forTerminal(totalReports: Int, totalBytes: Int64, quiet: Bool,
                                   sink: LogSink = .standardError()) -> ProgressReporter {
        ProgressReporter(totalReports: totalReports, totalBytes: totalBytes,
                         isEnabled: !quiet && isStandardErrorTerminal, sink: sink)
    }

    /// Whether standard error is a terminal (`isatty(2)`).
    static var isStandardErrorTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Names the stage now running (the runs show "extract+count" while reports are processed).
    func begin(stage: String) {
        update { $0.stage = stage }
    }

    /// Changes the totals (e.g. once planning knows how many reports need work).
    func setTotals(reports: Int, bytes: Int64) {
        update {
            $0.totalReports = reports
            $0.totalBytes = bytes
        }
    }

    /// Counts finished work; safe to call from any thread.
    func advance(reports: Int = 1, bytes: Int64 = 0) {
        update {
            $0.doneReports += reports
            $0.doneBytes += bytes
        }
    }

    /// Clears the bar's line (if anything was drawn). Call before printing the summary.
    func finish() {
        guard isEnabled else { return }
        state.withLock { state in
            sink.clearStatus()
            state.lastDraw = nil
        }
    }

    private func update(_ change: (inout State) -> Void) {
        guard isEnabled else { return }
        let now = clock()
        state.withLock { state in
            change(&state)
            if state.startTime == nil { state.startTime = now }
            if let last = state.lastDraw, now - last < minimumRedrawInterval { return }
            state.lastDraw = now
            sink.showStatus(Self.line(for: state, now: now))
        }
    }

    /// `[#########---------------]  123/10,000 reports  45.6 MB/s  ETA 1:23  extract`
    private static func line(for state: State, now: Double) -> String {
        let width = 24
        let fraction: Double
        if state.totalBytes > 0 {
            fraction = min(1, Double(state.doneBytes) / Double(state.totalBytes))
        } else if state.totalReports > 0 {
            fraction = min(1, Double(state.doneReports) / Double(state.totalReports))
        } else {
            fraction = 0
        }
        let filled = Int((fraction * Double(width)).rounded(.down))
        var line = "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "]"
        line += "  \(NumberFormatting.grouped(state.doneReports))/\(NumberFormatting.grouped(state.totalReports))"
            + " reports"
        let elapsed = now - (state.startTime ?? now)
        if elapsed > 0.2 && state.doneBytes > 0 {
            let megabytesPerSecond = Double(state.doneBytes) / 1_000_000 / elapsed
            line += "  " + String(format: "%.1f", megabytesPerSecond) + " MB/s"
        }
        if elapsed > 0.2 && fraction > 0 && fraction < 1 {
            line += "  ETA " + clockText(seconds: elapsed * (1 - fraction) / fraction)
        } else {
            line += "  ETA --:--"
        }
        if !state.stage.isEmpty { line += "  " + state.stage }
        return line
    }

    /// `1:23` or `2:01:05`.
    static func clockText(seconds: Double) -> String {
        let total = Int(seconds.rounded(.up))
        let (hours, minutes, secs) = (total / 3600, total / 60 % 60, total % 60)
        let twoDigits = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
        return hours > 0 ? "\(hours):\(twoDigits(minutes)):\(twoDigits(secs))" : "\(minutes):\(twoDigits(secs))"
    }
}
