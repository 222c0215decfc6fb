import Foundation
@testable import NQPConfig
import NQPExport
import NQPExtract
import NQPPanel
import NQPScore
import Testing

@Suite("Configuration schema")
struct ConfigSchemaTests {
    func decode(_ yaml: String) throws(ConfigError) -> PipelineConfig {
        try ConfigDecoder().decode(PipelineConfig.self, from: yaml, file: "pipeline.yml")
    }

    func problems(_ yaml: String) -> [ConfigProblem] {
        do {
            _ = try decode(yaml)
            return []
        } catch {
            return error.problems
        }
    }

    @Test func absentKeysKeepTheInitialisersDefaults() throws {
        let config = try decode("reports:\n  paths: [a]\ncounting:\n  negation: {window: 1}\n")
        var expected = PipelineConfig()
        expected.reports.paths = ["a"]
        expected.counting.options.negation.window = 1
        #expect(config == expected)
        #expect(ReportsConfig.schema.rows().first { $0.key == "max_inflated_mb" }?.shown == "`\(ReportsConfig().maxInflatedMB)`")
    }

    @Test func requiredKeysAreRequired() {
        let found = problems("financials:\n  sources:\n    - {path: a.csv, firm: Stkcd, year: year}\n")
        #expect(found.map(\.message) == ["missing required key 'name' under 'financials.sources[0]'"], "\(found)")
        #expect(found.first?.line == 3)
    }

    @Test func unknownKeysInANestedSchemaNameFileLineAndHint() {
        let found = problems("financials:\n  screens:\n    winsorize: {variables: [roa], lowr: 5}\n")
        #expect(found.count == 1)
        #expect(found.first?.description.hasPrefix("pipeline.yml:3:") == true, "\(found)")
        #expect(found.first?.message == "unknown key 'lowr'")
        #expect(found.first?.hint == "did you mean 'lower'?")
    }

    @Test func unknownKeysBesideAFailedRequiredKeyAreStillReported() {
        let found = problems("financials:\n  crosswalk: {path: [a], fromm: cik}\n")
        #expect(found.map(\.message).contains("unknown key 'fromm'"), "\(found)")
        #expect(found.map(\.message).contains("financials.crosswalk.path must be text, found a list"), "\(found)")
    }

    @Test func aWrongTypeNamesTheKeyPathAndKeepsTheDefault() {
        let found = problems("reports:\n  pdf:\n    unreadable_limit: lots\n")
        #expect(found.map(\.description) == [
            "pipeline.yml:3:23: error: reports.pdf.unreadable_limit must be a number, found 'lots'",
        ])
    }

    @Test func validationMessagesNameFileLineAndKey() throws {
        let text = "reports:\n  firm_width: 40\n  pdf:\n    memory_limit_mb: 8\ncounting:\n  kwic: -1\n"
        let loaded = LoadedConfig(config: try decode(text), file: URL(fileURLWithPath: "/nowhere/pipeline.yml"),
                                  text: text)
        let found = loaded.valueProblems()
        #expect(found.map(\.message) == ["firm_width must be between 1 and 20, found 40",
                                         "memory_limit_mb must be between 64 and 65536",
                                         "kwic must be 0 (off) or a number of characters"])
        #expect(found.map { $0.line ?? 0 } == [2, 4, 6])
        #expect(found.allSatisfy { $0.file.hasSuffix("pipeline.yml") })
        #expect(PipelineConfig.schema.problems(in: PipelineConfig()).isEmpty)
    }

    /// Merge, score-system, indicator and export keys: a wrong value names the file, its line and the key, and the
    /// other keys of the file are still checked.
    @Test func wrongValuesOfMergeScoreAndExportKeysNameFileLineAndKey() {
        let found = problems("""
        financials:
          merge:
            how: sideways
            year_column: [a, b]
            stauts_column: x
        scoring:
          systems:
            - name: s
              aggregation: average
              indicators:
                - {name: roa, direction: up}
                - {direction: "-"}
              dimensions: x
        output:
          sqlite: maybe
          sort_columns: {a: 1}
        """)
        let expected: [(line: Int, key: String)] = [(3, "how"), (4, "year_column"), (5, "stauts_column"),
                                                     (9, "aggregation"), (11, "direction"), (12, "name"),
                                                     (13, "dimensions"), (15, "sqlite"), (16, "sort_columns")]
        #expect(found.count == expected.count, "\(found)")
        for (problem, want) in zip(found, expected) {
            #expect(problem.line == want.line && problem.description.hasPrefix("pipeline.yml:\(want.line):"),
                    "\(problem)")
            #expect(problem.message.contains(want.key), "\(problem)")
        }
        #expect(found.first { $0.message == "unknown key 'stauts_column'" }?.hint == "did you mean 'status_column'?")
    }

    /// The manifest records the configuration with each type's `CodingKeys`; they must be the schema's names.
    @Test func encodedKeysAreTheSchemasKeys() throws {
        func keys<T: Encodable & ConfigSchemaDescribed>(_ value: T) throws -> Set<String> {
            let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(value)) as? [String: Any]
            return Set(object?.keys.map { $0 } ?? [])
        }
        func check<T: Encodable & ConfigSchemaDescribed>(_ value: T) throws {
            let encoded = try keys(value)
            #expect(encoded.isSubset(of: Set(T.schema.names)), "\(T.self): \(encoded.subtracting(T.schema.names))")
        }
        try check(PipelineConfig())
        try check(ReportsConfig())
        try check(PDFConfig())
        try check(CountingConfig())
        try check(OutputConfig())
        try check(RunConfig())
        try check(FinancialsConfig())
        try check(ScoringConfig())
        try check(SectionPatterns())
        try check(FinancialSource(name: "a", path: "b", keep: ["x"]))
        try check(CrosswalkConfig(path: "a", startYear: "s", endYear: "e", fromWidth: 1, toWidth: 1, applyTo: ["t"]))
        try check(ScreenOptions(yearRange: YearRange(from: 1, to: 2), requireVariables: ["x"]))
        try check(WinsorizeOptions(variables: ["x"], suffix: "_w"))
        try check(IndicatorDefinition(name: "a", formula: "b"))
        try check(MergeOptions(statusColumn: "s"))
        try check(PanelExportOptions(sortColumns: ["x"]))
        try check(ScoreSystem(name: "a", column: "c", label: "l", aggregation: .entropy,
                              indicators: [Indicator(name: "x", label: "y")]))
        try check(Indicator(name: "x", label: "y"))
    }

    @Test func defaultsRenderAsYAML() {
        #expect(ConfigText.yaml(["*.html", "a"]) == "[\"*.html\", a]")
        #expect(ConfigText.yaml(0.0001) == "0.0001")
        #expect(ConfigText.yaml(1.0) == "1")
        #expect(ConfigText.yaml([String: String]()) == "{}")
        #expect(ConfigText.yaml(Optional<Int>.none) == nil)
        #expect(ConfigText.yaml(DuplicateReportRule.latest) == "latest")
        #expect(ConfigText.yaml(["\""]) == "[\"\\\"\"]")
    }
}
