import Foundation
import NQPConfig
import NQPExport
import NQPExtract
import NQPLexicon
import NQPPanel
import NQPScore
import Testing

/// The stage modules' option types decode through their schemas (NQPConfig), from JSON as from YAML.
@Suite("Stage option types: decoding")
struct StageSchemaDecodingTests {
    @Test("decoding snake_case keys keeps defaults for missing ones")
    func sectionPatternsDecoding() throws {
        let json = #"{"mdna_titles": ["经营讨论"], "us_end_items": ["8"]}"#
        let patterns = try JSONDecoder().decode(SectionPatterns.self, from: Data(json.utf8))
        #expect(patterns.mdnaTitles == ["经营讨论"])
        #expect(patterns.usEndItems == ["8"])
        #expect(patterns.headingStyles == SectionPatterns.defaultHeadingStyles)
        #expect(patterns.usStartItems == ["7"])
        let roundTrip = try JSONDecoder().decode(SectionPatterns.self, from: JSONEncoder().encode(patterns))
        #expect(roundTrip == patterns)
    }

    @Test("options decode from snake_case keys with defaults and encode back")
    func optionsCoding() throws {
        let json = #"""
        {"method":"entropy_topsis","weighting":"by_year","base_year":2015,"standardize":"max","shift":0.001,
         "shift_applies_to":"none","scale":100,"aggregation":"entropy","missing":"interpolate"}
        """#
        let options = try JSONDecoder().decode(EntropyOptions.self, from: Data(json.utf8))
        #expect(options == EntropyOptions(method: .entropyTopsis, weighting: .byYear, baseYear: 2015, standardize: .max,
                                          shift: 0.001, shiftAppliesTo: .none, scale: 100, aggregation: .entropy,
                                          missing: .interpolate))
        let again = try JSONDecoder().decode(EntropyOptions.self, from: JSONEncoder().encode(options))
        #expect(again == options)
        #expect(try JSONDecoder().decode(EntropyOptions.self, from: Data("{}".utf8)) == EntropyOptions())
        #expect(EntropyOptions().shift == 0.0001 && EntropyOptions().standardize == .minmax)
    }

    @Test func optionsDecodeWithDefaultsForMissingKeys() throws {
        let json = #"{"mode":"independent","negation":{"window":1},"exclusion":{"enabled":true},"strip":["X公司"]}"#
        let options = try JSONDecoder().decode(CountingOptions.self, from: Data(json.utf8))
        #expect(options.mode == .independent)
        #expect(options.negation.enabled)
        #expect(options.negation.window == 1)
        #expect(options.negation.words == NegationRule.defaultWords)
        #expect(options.exclusion.sentenceWords == ExclusionRule.defaultSentenceWords)
        #expect(options.strip == ["X公司"])
        let empty = try JSONDecoder().decode(CountingOptions.self, from: Data("{}".utf8))
        #expect(empty == CountingOptions())
        let roundTrip = try JSONDecoder().decode(CountingOptions.self, from: JSONEncoder().encode(options))
        #expect(roundTrip == options)
    }

    @Test("Configuration decodes from snake_case keys with defaults and re-encodes")
    func financialSourceDecoding() throws {
        let json = """
        {"name": "rd", "path": "PT_LCRDSPENDING.csv", "firm": "Symbol", "firm_width": 6, "date": "EndDate",
         "filters": {"StateTypeCode": ["1"]}, "missing_codes": ["-1"], "duplicates": "last",
         "fiscal_year_rule": "end_year"}
        """
        let decoded = try JSONDecoder().decode(FinancialSource.self, from: Data(json.utf8))
        #expect(decoded == FinancialSource(name: "rd", path: "PT_LCRDSPENDING.csv", firm: "Symbol", firmWidth: 6,
                                           date: "EndDate", fiscalYearRule: .endYear,
                                           filters: ["StateTypeCode": ["1"]], missingCodes: ["-1"],
                                           duplicates: .last))
        let again = try JSONDecoder().decode(FinancialSource.self, from: JSONEncoder().encode(decoded))
        #expect(again == decoded)
        #expect(decoded.resolvedFormat == .csv)
    }

    @Test("a hierarchical system decodes from its configuration form")
    func systemCoding() throws {
        let json = #"""
        {"name":"nqp","label":"New quality productivity","dimensions":[
          {"name":"labour","indicators":[{"name":"RDPersonRatio"},{"name":"Leverage","direction":"-"}]},
          {"name":"tools","column":"nqp_tools","aggregation":"entropy",
           "dimensions":[{"name":"hard","indicators":[{"name":"IntangibleAssetsRatio","direction":"positive"}]}]}]}
        """#
        let system = try JSONDecoder().decode(ScoreSystem.self, from: Data(json.utf8))
        #expect(system.allIndicators.map(\.name) == ["RDPersonRatio", "Leverage", "IntangibleAssetsRatio"])
        #expect(system.allIndicators.map(\.direction) == [.positive, .negative, .positive])
        #expect(system.dimensions[1].aggregation == .entropy && system.compositeColumn == "nqp")
        #expect(try JSONDecoder().decode(ScoreSystem.self, from: JSONEncoder().encode(system)) == system)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Indicator.self, from: Data(#"{"name":"x","direction":"up"}"#.utf8))
        }
    }

    @Test func exportOptionsDecodeSnakeCaseKeysWithDefaults() throws {
        let json = #"{"sort_columns": ["firm"], "sqlite": true}"#
        let options = try JSONDecoder().decode(PanelExportOptions.self, from: Data(json.utf8))
        #expect(options == PanelExportOptions(sortColumns: ["firm"], sqlite: true))
        #expect(try JSONDecoder().decode(PanelExportOptions.self, from: Data("{}".utf8)) == PanelExportOptions())
    }

    @Test func mergeOptionsDecodeTheKeyColumnsWithDefaults() throws {
        let json = #"{"how": "inner", "firm_column": "stkcd"}"#
        let options = try JSONDecoder().decode(MergeOptions.self, from: Data(json.utf8))
        #expect(options == MergeOptions(how: .inner, keyColumns: .init(firm: "stkcd", year: "year")))
        #expect(try JSONDecoder().decode(MergeOptions.self, from: JSONEncoder().encode(options)) == options)
        #expect(try JSONDecoder().decode(MergeOptions.self, from: Data("{}".utf8)) == MergeOptions())
    }
}
