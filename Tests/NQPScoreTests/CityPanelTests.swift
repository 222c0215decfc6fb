import Foundation
import NQPTestSupport
import Testing
import NQPTable
@testable import NQPScore

/// The 16-city × 6-year panel of InTheFuture7/code_for_bolg, scored as its MATLAB script does: pooled min–max,
/// indicators 3 and 5 negative, + 0.001, k = 1/ln(96).
@Suite("16-city panel (pooled, min–max, shift 0.001)")
struct CityPanelTests {
    static let workbook = ScoreTestPaths.realDataFile(
        "InTheFuture7__code_for_bolg/entropy_panel_16cities_2014-2019_data.xlsx")
    static let python = which("python3")

    /// Header and rows of the workbook, converted by the stdlib-only reader in reference_entropy.py.
    static func readWorkbook() throws -> (header: [String], rows: [[String]]) {
        let workbook = try #require(workbook), python = try #require(python)
        let result = try runCommand(python, [ScoreTestPaths.pythonReference.path, "xlsx", workbook.path])
        try #require(result.status == 0, "xlsx reader failed: \(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        return (lines[0], Array(lines.dropFirst()))
    }

    @Test("weights and scores match a plain independent implementation to 1e-9",
          .enabled(if: workbook != nil && python != nil))
    func matchesPlainImplementation() throws {
        let (header, rows) = try Self.readWorkbook()
        #expect(rows.count == 96)
        let names = (1...9).map { "var\($0)" }
        let spec = names.map { $0 == "var3" || $0 == "var5" ? "\($0):-" : "\($0):+" }.joined(separator: ",")
        let request = StandaloneScoreRequest(indicators: try IndicatorSpec.parse(spec), firmColumn: "city",
                                             yearColumn: "year", options: EntropyOptions(shift: 0.001))
        let output = try StandaloneScorer.score(header: header, rows: rows, request: request)

        let columns = names.map { name in header.firstIndex(of: name)! }
        let matrix = try rows.map { row in try columns.map { try #require(Double(row[$0])) } }
        let plain = PlainEntropy(rows: matrix, negative: names.map { $0 == "var3" || $0 == "var5" }, shift: 0.001)

        let weights = output.result.weights
        #expect(weights.map(\.indicator) == names)
        #expect(weights.allSatisfy { $0.n == 96 })
        for j in names.indices {
            #expect(abs(weights[j].w - plain.weights[j]) < 1e-9)
            #expect(abs((weights[j].e ?? .nan) - plain.entropies[j]) < 1e-9)
        }
        for i in rows.indices {
            let score = try #require(output.scores[i])
            #expect(abs(score - plain.scores[i]) < 1e-9)
        }
        // The weights file lists the indicators in --indicators order with an empty year (pooled).
        let lines = output.weightsCSV.split(separator: "\n")
        #expect(lines.count == 10)
        #expect(lines[3].hasPrefix("var3,-,,96,"))
    }

    @Test("Python/numpy reference agrees pooled and by year to 1e-9",
          .enabled(if: workbook != nil && ScoreTestPaths.pythonWithNumpy != nil))
    func matchesNumpyReference() throws {
        let (header, rows) = try Self.readWorkbook()
        let names = (1...9).map { "var\($0)" }
        let negative = names.map { $0 == "var3" || $0 == "var5" }
        let columns = names.map { header.firstIndex(of: $0)! }
        let matrix = try rows.map { row in try columns.map { try #require(Double(row[$0])) } }
        let years = try rows.map { try #require(Int($0[1])) }
        for weighting in [Weighting.pooled, .byYear] {
            let reference = try PythonReference.run(rows: matrix, years: years, negative: negative, shift: 0.001,
                                                    weighting: weighting)
            let indicators = zip(names, negative).map { Indicator(name: $0, direction: $1 ? .negative : .positive) }
            let result = try EntropyScorer(system: ScoreSystem(name: "s", indicators: indicators),
                                           options: EntropyOptions(weighting: weighting, shift: 0.001))
                .score(ScorePanel(keys: zip(rows, years).map { PanelKey(firm: $0[0], year: $1) },
                                  columns: Dictionary(uniqueKeysWithValues: names.indices.map { j in
                                      (names[j], matrix.map { Optional($0[j]) }) })))
            try PythonReference.expectAgreement(result, reference)
        }
    }
}
