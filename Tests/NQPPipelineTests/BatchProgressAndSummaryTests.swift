import Foundation
@testable import NQPPipeline
import Testing

/// A manual clock for the progress bar.
final class ManualClock: @unchecked Sendable {
    // @unchecked: only touched from the test's own thread.
    var now = 0.0
}

@Suite("ProgressReporter and RunSummary")
struct BatchProgressAndSummaryTests {
    @Test("a disabled progress bar writes nothing")
    func disabled() {
        let sink = LogSink.memory()
        let progress = ProgressReporter(totalReports: 10, totalBytes: 0, isEnabled: false, sink: sink)
        progress.begin(stage: "extract")
        progress.advance()
        progress.finish()
        #expect(sink.contents.isEmpty)
    }

    @Test("the bar shows done/total, MB/s, ETA and stage, redraws at most every 0.1 s and finish clears it")
    func drawing() {
        let sink = LogSink.memory()
        let clock = ManualClock()
        let progress = ProgressReporter(totalReports: 4, totalBytes: 4_000_000, isEnabled: true, sink: sink,
                                        clock: { clock.now })
        progress.begin(stage: "extract")                      // t = 0: first draw
        clock.now = 0.05
        progress.advance(reports: 1, bytes: 1_000_000)        // rate-limited: no draw
        clock.now = 1.0
        progress.advance(reports: 1, bytes: 1_000_000)        // draw: 2/4, 2 MB in 1 s, ETA 1 s
        progress.finish()
        let clear = "\r\u{1B}[2K"
        #expect(sink.contents == clear + "[------------------------]  0/4 reports  ETA --:--  extract"
            + clear + "[############------------]  2/4 reports  2.0 MB/s  ETA 0:01  extract"
            + clear)
    }

    @Test("log lines written to the bar's sink appear above the bar, which is redrawn below them")
    func logAboveBar() {
        let sink = LogSink.memory()
        let clock = ManualClock()
        let progress = ProgressReporter(totalReports: 2, totalBytes: 0, isEnabled: true, sink: sink,
                                        clock: { clock.now })
        let logger = BatchLogHandlerTests.logger(.text, sink: sink)
        progress.begin(stage: "count")
        logger.warning("slow file")
        progress.finish()
        logger.info("after")
        let clear = "\r\u{1B}[2K"
        let bar = "[------------------------]  0/2 reports  ETA --:--  count"
        #expect(sink.contents == clear + bar
            + clear + "2026-11-29T20:00:00Z warning slow file\n" + clear + bar
            + clear
            + "2026-11-29T20:00:00Z info after\n")
    }

    @Test("clock text is locale-independent")
    func formatting() {
        #expect(ProgressReporter.clockText(seconds: 83) == "1:23")
        #expect(ProgressReporter.clockText(seconds: 7265) == "2:01:05")
    }

    static var summary: RunSummary {
        var summary = RunSummary(
            reports: RunSummary.Reports(new: 3, changed: 1, unchanged: 9_996, reconfigured: 2, retried: 0, failed: 1,
                                        removed: 0, quarantined: 2),
            firmYears: 9_998, outputs: ["panel.dta", "panel.csv", "errors.csv"],
            exitStatus: .completedRun(quarantinedReports: 2))
        summary.addTime(1.2, toStage: "extract")
        summary.addTime(0.4, toStage: "count")
        summary.addTime(0.0004, toStage: "extract")
        return summary
    }

    @Test("the human summary names every count, the time per stage and the outputs")
    func rendering() {
        #expect(Self.summary.rendered() == """
            nqp run: completed with quarantined inputs (exit 3)
              reports      3 new, 1 changed, 9,996 unchanged, 2 reconfigured, 0 retried, 1 failed, 0 removed
                           2 re-counted because a dictionary or option changed
              quarantined  2 (listed in errors.csv)
              panel        9,998 firm-years
              time         extract 1.20 s, count 0.40 s; total 1.60 s
              outputs      panel.dta, panel.csv, errors.csv

            """)
    }

    @Test("the summary encodes to snake_case JSON, with timings optional")
    func encoding() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var summary = Self.summary
        let json = String(decoding: try encoder.encode(summary), as: UTF8.self)
        #expect(json.contains(#""stage_seconds":[{"seconds":1.2,"stage":"extract"},{"seconds":0.4,"stage":"count"}]"#))
        #expect(json.contains(#""firm_years":9998"#))
        #expect(json.contains(#""exit_status":3"#))
        summary.encodingTimings = false
        let plain = String(decoding: try encoder.encode(summary), as: UTF8.self)
        #expect(plain == #"{"exit_status":3,"firm_years":9998,"outputs":["panel.dta","panel.csv","errors.csv"],"#
            + #""reports":{"changed":1,"failed":1,"new":3,"quarantined":2,"reconfigured":2,"removed":0,"#
            + #""retried":0,"unchanged":9996}}"#)
    }

    @Test("exit statuses have the documented codes")
    func exitCodes() {
        #expect(ExitStatus.allCases.map(\.rawValue) == [0, 1, 2, 3, 4])
        #expect(ExitStatus.completedRun(quarantinedReports: 0) == .success)
        #expect(ExitStatus.completedRun(quarantinedReports: 1) == .quarantined)
        #expect(BatchError.stateStore(path: "p", operation: "commit", reason: "disk full").exitStatus == .failure)
    }
}
