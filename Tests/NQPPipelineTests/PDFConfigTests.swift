import Foundation
import NQPConfig
import NQPExtract
@testable import NQPPipeline
import NQPTestSupport
import Testing

@Suite("reports.pdf configuration")
struct PDFConfigTests {
    @Test func defaultsAreTheDocumentedRules() {
        let options = PDFConfig().options
        #expect(options.runningHeaders == RunningHeaderRule(bandShare: 0.15, minimumPages: 3, positionTolerance: 3))
        #expect(options.unreadableLimit == 0.2)
        #expect(options.reader.memoryLimit == 512 << 20)
    }

    @Test func valuesReachTheExtractorAndBadOnesAreReportedWithPositions() throws {
        let folder = try TestPaths.temporaryDirectory("nqp-pdf-config")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("reports"), withIntermediateDirectories: true)
        let config = folder.appendingPathComponent("pipeline.yml")
        try """
        reports:
          paths: [reports]
          pdf:
            running_header_band: 0.1
            running_header_min_pages: 4
            unreadable_limit: 0.05
            memory_limit_mb: 256
        """.write(to: config, atomically: true, encoding: .utf8)
        let settings = try StageFactory.load(config: config.path)
        let options = settings.config.reports.pdf.options
        #expect(options.runningHeaders.bandShare == 0.1 && options.runningHeaders.minimumPages == 4)
        #expect(options.unreadableLimit == 0.05 && options.reader.memoryLimit == 256 << 20)
        let valid = ConfigValidator.problems(configAt: config)
        #expect(!valid.contains { $0.message.contains("running_header") || $0.message.contains("unreadable")
                    || $0.message.contains("memory_limit") }, "\(valid)")

        try """
        reports:
          paths: [reports]
          pdf:
            running_header_band: 0.7
            running_header_min_pages: 1
        """.write(to: config, atomically: true, encoding: .utf8)
        let problems = ConfigValidator.problems(configAt: config)
        #expect(problems.contains { $0.line == 4 && $0.message.contains("running_header_band") }, "\(problems)")
        #expect(problems.contains { $0.line == 5 && $0.message.contains("running_header_min_pages") }, "\(problems)")
    }
}
