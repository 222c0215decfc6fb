import Foundation
import NQPTestSupport
@testable import NQPConfig
@testable import NQPPipeline
import Testing

/// Configuration files that used to hang `validate`, report valid keys as unknown, or lose the position of an
/// error (README "Limits" and "Configuration reference").
@Suite("Configuration limits and error positions")
struct ConfigLimitsTests {
    func problems(_ yaml: String) -> [ConfigProblem] {
        do {
            _ = try ConfigDecoder().decode(PipelineConfig.self, from: yaml, file: "pipeline.yml")
            return []
        } catch {
            return error.problems
        }
    }

    @Test func aTypeErrorDoesNotMakeValidSiblingsUnknown() {
        let found = problems("""
        counting:
          kwic: abc
          mode: longest
          negation: {enabled: true}
          strip: []
        reports:
          manifest: [a.csv]
          encoding: auto
          duplicates: latest
          minimum_mdna_chars: 1000
          mdoe: x
        """)
        let messages = found.map(\.description)
        #expect(found.contains { $0.line == 2 && $0.message.contains("kwic") }, "\(messages)")
        #expect(found.contains { $0.line == 7 && $0.message.contains("manifest") }, "\(messages)")
        for sibling in ["mode", "negation", "strip", "encoding", "duplicates", "minimum_mdna_chars"] {
            #expect(!found.contains { $0.message == "unknown key '\(sibling)'" }, "\(sibling): \(messages)")
        }
        #expect(found.contains { $0.message == "unknown key 'mdoe'" }, "a real unknown key is still reported")
    }

    @Test func aDuplicateKeyHasFileLineColumn() {
        let found = problems("""
        reports:
          parser: fast
          encoding: auto
          parser: libxml2
        """)
        #expect(found.count == 1)
        #expect(found.first?.location == "pipeline.yml:4:3", "\(found)")
        #expect(found.first?.message.contains("duplicate key 'parser'") == true)
        #expect(found.first?.description.contains("encoding: auto") == false, "the file is not echoed")
    }

    @Test func billionLaughsIsRefusedQuickly() {
        var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
        for level in 1...9 {
            lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]")
        }
        let yaml = "bomb:\n" + lines.map { "  " + $0 }.joined(separator: "\n") + "\n"
        let started = Date()
        let found = problems(yaml)
        #expect(Date().timeIntervalSince(started) < 30, "refused before anything walks the expansion")
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.message.contains("aliases expand") == true)
        #expect(found.first?.line != nil)
    }

    @Test func modestAliasesStillWork() throws {
        let config = try ConfigDecoder().decode(PipelineConfig.self, from: """
        reports:
          include: &patterns ["*.html", "*.htm"]
          exclude: []
        counting:
          excluded_chapters: *patterns
        """, file: "pipeline.yml")
        #expect(config.counting.excludedChapters == ["*.html", "*.htm"])
    }

    @Test func maxInflatedMBMustBePositive() throws {
        let folder = try TestPaths.temporaryDirectory("nqp-limits")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("pipeline.yml")
        try Data("reports:\n  paths: [.]\n  max_inflated_mb: 0\n".utf8).write(to: url)
        let problems = ConfigValidator.problems(configAt: url)
        #expect(problems.contains { $0.message.contains("max_inflated_mb must be at least 1") && $0.line == 3 },
                "\(problems)")
    }
}
