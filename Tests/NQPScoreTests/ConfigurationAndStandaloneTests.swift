import Foundation
import Testing
import NQPTable
@testable import NQPScore

@Suite("Indicator lists, configuration decoding and the stand-alone scorer")
struct ConfigurationAndStandaloneTests {
    @Test("the indicator list parses names and directions")
    func parseSpec() throws {
        #expect(try IndicatorSpec.parse(" a:+, b : - ,c,d:neg") == [
            Indicator(name: "a"), Indicator(name: "b", direction: .negative), Indicator(name: "c"),
            Indicator(name: "d", direction: .negative),
        ])
        #expect(try IndicatorSpec.parse("ratio:a:-") == [Indicator(name: "ratio:a", direction: .negative)])
    }

    @Test("malformed indicator lists are refused with the item number", arguments: [
        ("a:+,,b:-", 2), ("a:+,b:x", 2), (":+", 1), ("a,a:-", 2), ("", 1), ("a:+,", 2),
    ])
    func badSpec(spec: String, item: Int) {
        #expect {
            _ = try IndicatorSpec.parse(spec)
        } throws: { error in
            guard case .invalidIndicatorSpec(_, let reported, _) = error as? ScoreError else { return false }
            return reported == item
        }
    }

    static let header = ["firm", "year", "a", "b"]
    static let rows = [["x", "2020", "1", "5"], ["y", "2020", "3", "NA"], ["z", "2020", "2", "2"],
                       ["x", "2021", "4", "1"], ["y", "2021", "", "3"], ["z", "2021", "6", "0.5"]]

    @Test("the stand-alone scorer appends the score and writes one weights row per indicator and year")
    func standaloneByYear() throws {
        let request = StandaloneScoreRequest(indicators: try IndicatorSpec.parse("b:-,a:+"), firmColumn: "firm",
                                             yearColumn: "year", options: EntropyOptions(weighting: .byYear))
        let output = try StandaloneScorer.score(header: Self.header, rows: Self.rows, request: request)
        #expect(output.header == Self.header + ["score"])
        #expect(output.rows[1].last == "" && output.rows[4].last == "")
        #expect(output.rows[0].last == output.scores[0].map(WeightsTable.number))
        let lines = output.weightsCSV.split(separator: "\n").map(String.init)
        #expect(lines.count == 5)
        #expect(lines[1].hasPrefix("b,-,2020,2,") && lines[2].hasPrefix("a,+,2020,2,"))
        #expect(lines[3].hasPrefix("b,-,2021,2,"))
    }

    @Test("the stand-alone scorer reports unreadable cells, unknown columns and by_year without a year")
    func standaloneErrors() throws {
        var rows = Self.rows
        rows[2][2] = "1,5"
        let request = StandaloneScoreRequest(indicators: try IndicatorSpec.parse("a,b"), firmColumn: "firm",
                                             yearColumn: "year")
        #expect(throws: ScoreError.unparsableCell(row: 3, column: "a", text: "1,5")) {
            try StandaloneScorer.score(header: Self.header, rows: rows, request: request)
        }
        #expect(throws: ScoreError.indicatorNotFound(indicator: "c", available: Self.header)) {
            try StandaloneScorer.score(header: Self.header, rows: Self.rows,
                                       request: StandaloneScoreRequest(indicators: [Indicator(name: "c")]))
        }
        #expect(throws: ScoreError.self) {
            try StandaloneScorer.score(header: Self.header, rows: Self.rows,
                                       request: StandaloneScoreRequest(indicators: [Indicator(name: "a")],
                                                                       options: EntropyOptions(weighting: .byYear)))
        }
        #expect(throws: ScoreError.self) {
            try StandaloneScorer.score(header: Self.header, rows: Self.rows,
                                       request: StandaloneScoreRequest(indicators: [Indicator(name: "a")],
                                                                       scoreColumn: "b"))
        }
    }

    @Test("a row without its firm or year is refused with its row number, never scored as year 0")
    func standaloneMissingKey() throws {
        let request = StandaloneScoreRequest(indicators: try IndicatorSpec.parse("a,b"), firmColumn: "firm",
                                             yearColumn: "year")
        var rows = Self.rows
        rows[3][1] = " "
        #expect(throws: ScoreError.missingKey(row: 4, column: "year", text: " ")) {
            try StandaloneScorer.score(header: Self.header, rows: rows, request: request)
        }
        rows = Self.rows
        rows[1][1] = "#N/A"
        #expect(throws: ScoreError.missingKey(row: 2, column: "year", text: "#N/A")) {
            try StandaloneScorer.score(header: Self.header, rows: rows, request: request)
        }
        rows = Self.rows
        rows[4][0] = ""
        #expect(throws: ScoreError.missingKey(row: 5, column: "firm", text: "")) {
            try StandaloneScorer.score(header: Self.header, rows: rows, request: request)
        }
    }

    @Test("nqp score reads every shared missing-value code as missing, and only those")
    func standaloneMissingValueCodes() {
        for code in MissingValueCodes.all {
            #expect(StandaloneScorer.parseNumber(" \(code) ") == .missing, "\(code)")
        }
        #expect(StandaloneScorer.parseNumber("--") == .missing)
        #expect(StandaloneScorer.parseNumber("NAN!") == .invalid)
        #expect(StandaloneScorer.parseNumber("2.5") == .value(2.5))
    }

    @Test("the full weights table has level, dimension and composite weight columns")
    func fullWeightsTable() throws {
        let system = ScoreSystem(name: "nqp", dimensions: [
            ScoreDimension(name: "A, first", indicators: [Indicator(name: "x0"), Indicator(name: "x1")]),
            ScoreDimension(name: "B", indicators: [Indicator(name: "x2")]),
        ])
        let result = try EntropyScorer(system: system).score(panel([[1, 2, 3], [2, 1, 5], [4, 3, 4]]))
        let lines = WeightsTable.csv(result.weights).split(separator: "\n")
        #expect(lines[0] == "level,dimension,indicator,direction,year,n,e,d,w,composite_weight")
        #expect(lines[1].hasPrefix("1,nqp,\"A, first\",+,,3,,"))
        #expect(lines[3].hasPrefix("2,\"A, first\",x0,+,,3,"))
    }

    @Test("every error message names where, what is wrong and what to do")
    func errorMessages() {
        let expected: [(ScoreError, [String])] = [
            (.invalidOption(field: "shift", reason: "must be ≥ 0"), ["score option `shift`", "must be ≥ 0"]),
            (.invalidSystem(path: "nqp/labour", reason: "no indicators"), ["score system `nqp/labour`", "no indicators"]),
            (.invalidIndicatorSpec(spec: "a:+,b", item: 2, reason: "no direction"),
             ["\"a:+,b\"", "item 2", "no direction", "name:+ or name:-"]),
            (.indicatorNotFound(indicator: "rd", available: ["roa", "size"]),
             ["`rd`", "columns: roa, size", "Check the spelling"]),
            (.allMissing(indicator: "rd"), ["`rd`", "missing in every row", "Remove it"]),
            (.invalidValue(indicator: "rd", firm: "000001", year: 2019, value: -1, reason: "is negative"),
             ["`rd`", "firm 000001", "year 2019", "value -1.0 is negative"]),
            (.duplicateFirmYear(firm: "000001", year: 2019), ["firm 000001, year 2019", "Remove the duplicates"]),
            (.noUsableRows(reason: "every indicator is constant"), ["every indicator is constant"]),
            (.unparsableCell(row: 3, column: "rd", text: "n/a"), ["data row 3", "`rd`", "\"n/a\"", "leave the cell empty"]),
            (.inconsistentData(reason: "3 firms, 2 years"), ["inconsistent score input: 3 firms, 2 years"]),
            (.missingKey(row: 4, column: "year", text: ""), ["data row 4", "key column `year`", "empty", "Fill the cell"]),
        ]
        for (error, parts) in expected {
            for part in parts { #expect(error.description.contains(part), "\(error.description) lacks \(part)") }
        }
        #expect(throws: ScoreError.self) { try EntropyOptions(shift: -1).validate() }
        #expect(throws: ScoreError.self) { try EntropyOptions(scale: 0).validate() }
    }
}
