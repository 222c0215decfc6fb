import Foundation
import NQPConfig
@testable import NQPPipeline
import NQPTestSupport
import Testing

/// `counting.dictionaries` may name built-in dictionaries or files; a file that exists wins.
@Suite("Built-in dictionaries in pipeline.yml")
struct BuiltinDictionaryConfigTests {
    func write(_ yaml: String, files: [String: String] = [:]) throws -> URL {
        let folder = try TestPaths.temporaryDirectory("nqp-builtin-config")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("reports"), withIntermediateDirectories: true)
        for (name, text) in files { try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        let config = folder.appendingPathComponent("pipeline.yml")
        try ("reports: {paths: [reports]}\n" + yaml).write(to: config, atomically: true, encoding: .utf8)
        return config
    }

    @Test func namesValidateAndLoadTheEmbeddedFiles() throws {
        let config = try write("counting:\n  dictionaries: [wu2021, green.zh]\n")
        #expect(ConfigValidator.problems(configAt: config).isEmpty)
        let factory = StageFactory(loaded: try LoadedConfig.load(from: config))
        let dictionaries = try factory.dictionaries()
        #expect(dictionaries.map(\.name) == ["digital_transformation_zh", "green_zh"])
        #expect(dictionaries.map(\.path) == ["builtin:digital_transformation.zh.yml", "builtin:green.zh.yml"])
    }

    @Test func theDefaultIsTheBuiltInWuDictionary() throws {
        let factory = StageFactory(loaded: try LoadedConfig.load(from: try write("")))
        #expect(try factory.dictionaries().map(\.name) == ["digital_transformation_zh"])
        #expect(try StageFactory(loaded: nil).dictionaries().map(\.name) == ["digital_transformation_zh"])
    }

    @Test func aFileBesideTheConfigurationWinsOverTheName() throws {
        let config = try write("counting:\n  dictionaries: [green.zh]\n",
                               files: ["green.zh": "name: local_green\nsource: test\ncategories:\n  g: [绿色]\n"])
        let factory = StageFactory(loaded: try LoadedConfig.load(from: config))
        #expect(try factory.dictionaries().map(\.name) == ["local_green"])
    }

    @Test func aMissingCopyOfAShippedFilePointsAtItsBuiltInName() throws {
        let config = try write("counting:\n  dictionaries: [dictionaries/green.zh.yml]\n")
        let problems = ConfigValidator.problems(configAt: config)
        #expect(problems.count == 1)
        #expect(problems.first?.line == 3)
        #expect(problems.first?.hint?.contains("named green.zh") == true, "\(problems)")
        let factory = StageFactory(loaded: try LoadedConfig.load(from: config))
        #expect(throws: PipelineError.self) { try factory.dictionaries() }
    }
}
