import Foundation
import Logging
@testable import NQPPipeline
import NQPTestSupport
import Testing

@Suite("BatchLogHandler")
struct BatchLogHandlerTests {
    static func logger(_ format: LogFormat, sink: LogSink, level: Logger.Level = .info) -> Logger {
        Logger(label: "test") { _ in
            BatchLogHandler(format: format, level: level, sink: sink, clock: { BatchFixtures.epoch })
        }
    }

    @Test("text lines carry time, level, stage, file, message and sorted fields")
    func textFormat() {
        let sink = LogSink.memory()
        var logger = Self.logger(.text, sink: sink)
        logger[metadataKey: "run"] = "7"
        logger.warning("MD&A not found", metadata: ["stage": "extract", "file": "r/a.html", "zeta": "1",
                                                     "alpha": "two words", "count": .stringConvertible(3)])
        logger.info("done")
        logger.debug("hidden below the level")
        #expect(sink.contents == """
            2026-11-29T20:00:00Z warning [extract] r/a.html: MD&A not found alpha="two words" count=3 run=7 zeta=1
            2026-11-29T20:00:00Z info done run=7

            """)
    }

    @Test("JSON lines have sorted keys, null stage and file when absent, and nested fields")
    func jsonFormat() {
        let sink = LogSink.memory()
        let logger = Self.logger(.json, sink: sink)
        logger.error("bad \"byte\"\n", metadata: ["stage": "extract", "file": "年报.html", "offset": "12",
                                                   "list": ["a", "b"], "map": ["y": "1", "x": "2"]])
        logger.info("plain")
        #expect(sink.contents == """
            {"fields":{"list":["a","b"],"map":{"x":"2","y":"1"},"offset":"12"},"file":"年报.html","level":"error",\
            "message":"bad \\"byte\\"\\n","stage":"extract","time":"2026-11-29T20:00:00.000Z"}
            {"fields":{},"file":null,"level":"info","message":"plain","stage":null,"time":"2026-11-29T20:00:00.000Z"}

            """)
    }

    @Test("each JSON line parses as a JSON object")
    func jsonParses() throws {
        let sink = LogSink.memory()
        Self.logger(.json, sink: sink).notice("tab\there", metadata: ["k": "\u{1}"])
        let line = try #require(sink.contents.split(separator: "\n").first)
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        #expect(object?["message"] as? String == "tab\there")
        #expect((object?["fields"] as? [String: Any])?["k"] as? String == "\u{1}")
    }

    @Test("the factory appends to a log file")
    func logFile() throws {
        let url = try TestPaths.temporaryDirectory("nqp-log").appendingPathComponent("nqp.log")
        try Data("previous\n".utf8).write(to: url)
        let factory = try BatchLogging.makeHandlerFactory(format: .text, level: .info, logFilePath: url.path)
        let logger = Logger(label: "nqp", factory: factory)
        logger.info("hello", metadata: ["stage": "count"])
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.hasPrefix("previous\n"))
        #expect(text.hasSuffix(" info [count] hello\n"))
    }

    @Test("an unwritable log file is a configuration error")
    func badLogFile() {
        let error = #expect(throws: BatchError.self) {
            _ = try BatchLogging.makeHandlerFactory(format: .json, level: .info, logFilePath: "/nonexistent/dir/x.log")
        }
        #expect(error?.exitStatus == .configuration)
    }

    @Test("lines from concurrent loggers never interleave")
    func concurrentLines() async {
        let sink = LogSink.memory()
        let logger = Self.logger(.text, sink: sink)
        await withTaskGroup(of: Void.self) { group in
            for worker in 0..<4 {
                group.addTask { for i in 0..<50 { logger.info("worker \(worker) line \(i)") } }
            }
        }
        let lines = sink.contents.split(separator: "\n")
        #expect(lines.count == 200)
        #expect(lines.allSatisfy { $0.hasPrefix("2026-11-29T20:00:00Z info worker ") })
    }
}
