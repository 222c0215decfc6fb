import Foundation
import NQPConfig
@testable import NQPPipeline
import NQPTestSupport
import Testing

/// `nqp init`: the starter configuration shows the real defaults, validates, and nothing is ever overwritten.
@Suite("Project starter")
struct ProjectStarterTests {
    @Test func starterConfigurationIsTheDefaultsExceptItsFolders() throws {
        let folder = try TestPaths.temporaryDirectory("nqp-init")
        try ProjectStarter.write(into: folder)
        let loaded = try LoadedConfig.load(from: folder.appendingPathComponent("pipeline.yml"))
        var expected = PipelineConfig()
        expected.reports.paths = ["reports"]
        #expect(loaded.config == expected, "every value written in the starter is the default (except reports.paths)")
        #expect(ConfigValidator.problems(in: loaded).isEmpty)
        let text = try String(contentsOf: loaded.file, encoding: .utf8)
        for section in ["reports:", "sections:", "counting:", "financials:", "scoring:", "output:", "run:"] {
            #expect(text.contains("\n\(section)"), "the starter has a \(section) section")
        }
        for file in ["reports/README.md", "financials/README.md", "reports/\(ProjectStarter.exampleReportName)"] {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(file).path), "\(file)")
        }
    }

    @Test func neverOverwritesAndWritesNothingWhenAFileExists() throws {
        let folder = try TestPaths.temporaryDirectory("nqp-init")
        let readme = folder.appendingPathComponent("reports/README.md")
        try FileManager.default.createDirectory(at: readme.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("mine\n".utf8).write(to: readme)
        #expect(throws: ProjectStarter.Failure.exists(path: readme.path)) { try ProjectStarter.write(into: folder) }
        #expect(try String(contentsOf: readme, encoding: .utf8) == "mine\n")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("pipeline.yml").path),
                "nothing is written when any file exists")
    }

    @Test func nextCommandsStartInTheNewFolder() {
        #expect(ProjectStarter.nextCommands(folder: ".").count == 3)
        #expect(ProjectStarter.nextCommands(folder: "my study")[0].hasPrefix("cd 'my study' && nqp run"))
    }
}
