import Foundation
@testable import NQPConfig
import Testing

@Suite("Configuration decoding")
struct ConfigDecoderTests {
    func decode(_ yaml: String) throws(ConfigError) -> PipelineConfig {
        try ConfigDecoder().decode(PipelineConfig.self, from: yaml, file: "pipeline.yml")
    }

    @Test func emptyFileGivesEveryDefault() throws {
        let config = try decode("")
        #expect(config == PipelineConfig())
        #expect(config.counting.options.mode == .longest)
        #expect(config.counting.scope == .full)
        #expect(config.output.folder == "out")
    }

    @Test func misspeltKeyIsReportedWithPositionAndSuggestion() {
        let yaml = """
        reports:
          pathz: [samples]
        """
        #expect(throws: ConfigError.self) { try decode(yaml) }
        do {
            _ = try decode(yaml)
        } catch {
            #expect(error.problems.count == 1)
            let problem = error.problems[0]
            #expect(problem.line == 2)
            #expect(problem.column == 3)
            #expect(problem.message == "unknown key 'pathz'")
            #expect(problem.hint == "did you mean 'paths'?")
            #expect(problem.description.hasPrefix("pipeline.yml:2:3: error: unknown key 'pathz'"))
        }
    }

    @Test func everyProblemIsListedNotJustTheFirst() {
        let yaml = """
        reports:
          firm_width: six
          paths: samples
        counting:
          kwic: -x
          mood: longest
        outptu:
          folder: out
        """
        do {
            _ = try decode(yaml)
            Issue.record("expected problems")
        } catch {
            let lines = error.problems.map { $0.line ?? 0 }
            #expect(lines == [2, 3, 5, 6, 7], "\(error)")
            #expect(error.problems.last?.hint == "did you mean 'output'?")
        }
    }

    @Test func untypedCodesStayText() throws {
        let yaml = """
        reports:
          paths: [000001_2019.html]
          encoding: auto
        """
        let config = try decode(yaml)
        #expect(config.reports.paths == ["000001_2019.html"])
    }

    @Test func yamlSyntaxErrorsPointAtTheLine() {
        do {
            _ = try decode("reports:\n  paths: [a, b\n")
            Issue.record("expected a syntax error")
        } catch {
            #expect(error.problems.first?.message.hasPrefix("YAML") == true)
            #expect(error.problems.first?.line != nil)
        }
    }

    @Test func indicatorsKeepFileOrderAndTheirNames() throws {
        let yaml = """
        financials:
          indicators:
            zeta: {formula: "a / b", label: "Z"}
            alpha: {formula: "ln(c)"}
        """
        let config = try decode(yaml)
        #expect(config.financials.indicators.map(\.name) == ["zeta", "alpha"])
        #expect(config.financials.indicators.first?.label == "Z")
    }

    @Test func indicatorSettingsAreStillChecked() {
        let yaml = """
        financials:
          indicators:
            zeta: {formula: "a / b", lable: "Z"}
        """
        do {
            _ = try decode(yaml)
            Issue.record("expected an unknown key")
        } catch {
            #expect(error.problems.map(\.message) == ["unknown key 'lable'"])
            #expect(error.problems.first?.hint == "did you mean 'label'?")
        }
    }

    @Test func suggestionsOnlyForPlausibleTypos() {
        #expect(Suggestion.closest(to: "pathz", among: ["paths", "include"]) == "paths")
        #expect(Suggestion.closest(to: "xyzzy", among: ["paths", "include"]) == nil)
    }
}
