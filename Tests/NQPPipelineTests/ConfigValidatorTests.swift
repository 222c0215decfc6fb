import Foundation
import NQPConfig
@testable import NQPPipeline
import NQPTestSupport
import Testing

@Suite("nqp validate checks")
struct ConfigValidatorTests {
    func problems(_ yaml: String) throws -> [ConfigProblem] {
        let folder = try TestPaths.temporaryDirectory("nqp-validate")
        defer { try? FileManager.default.removeItem(at: folder) }
        try "file,firm,year\n".write(to: folder.appendingPathComponent("m.csv"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("reports"), withIntermediateDirectories: true)
        let config = folder.appendingPathComponent("pipeline.yml")
        try yaml.write(to: config, atomically: true, encoding: .utf8)
        return ConfigValidator.problems(configAt: config)
    }

    @Test func missingFilesBadRegexesAndIllegalNamesAreAllReportedWithPositions() throws {
        let found = try problems("""
        reports:
          paths: [reports, nowhere]
          filename_patterns: ["(?<firm>[0-9]{6})_(?<yr>[0-9]{4})"]
        counting:
          dictionaries: [missing.yml]
        financials:
          indicators:
            2bad: {formula: "a / b"}
            fine: {formula: "(a + "}
        """)
        let messages = found.map(\.description).joined(separator: "\n")
        #expect(found.contains { $0.line == 2 && $0.message.contains("nowhere") }, "\(messages)")
        #expect(found.contains { $0.line == 3 && $0.message.contains("year") }, "\(messages)")
        #expect(found.contains { $0.line == 5 && $0.message.contains("missing.yml") }, "\(messages)")
        #expect(found.contains { $0.line == 8 && $0.message.contains("2bad") }, "\(messages)")
        #expect(found.contains { $0.line == 9 && $0.message.contains("fine") }, "\(messages)")
    }

    @Test func anOutOfRangeFirmWidthIsReportedOnceAtItsLine() throws {
        let found = try problems("""
        reports:
          paths: [reports]
          firm_width: 40
        """)
        let widths = found.filter { $0.message.contains("firm_width") }
        #expect(widths.map(\.line) == [3], "\(found.map(\.description))")
    }

    @Test func aValidMinimalConfigurationHasNoProblems() throws {
        let dictionary = TestPaths.repositoryRoot.appendingPathComponent("dictionaries/digital_transformation.zh.yml").path
        #expect(try problems("""
        reports: {paths: [reports]}
        counting: {dictionaries: ["\(dictionary)"]}
        """).isEmpty)
    }
}
