import ArgumentParser
import Foundation
import NQPPipeline
import NQPScore

struct Score: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Entropy-weight any CSV panel (like Stata's ewm), with the pipeline's code.",
        discussion: """
        Prints the weights table (indicator,direction,year,n,e,d,w) as CSV unless --weights-out is given. \
        --standardize none --shift 0 is the plain textbook form (p = x / Σx, 0·ln 0 = 0).
        """)

    @Argument(help: "Input CSV with a header row.")
    var input: String

    @Option(help: "Indicators with directions, e.g. \"a:+,b:-,c:+\".")
    var indicators: String

    @Option(help: "Identifier columns \"firm,year\" (firm only, or none for a cross-section).")
    var id: String?

    @Option(name: .customLong("year-column"), help: "Year column (needed for by_year).")
    var yearColumn: String?

    @Option(help: "pooled or by_year.")
    var weighting: Weighting = .pooled

    @Option(help: "minmax, max, sum or none.")
    var standardize: Standardization = .minmax

    @Option(help: "Added to standardised values before p (default 0.0001).")
    var shift: Double = EntropyOptions.defaultShift

    @Option(help: "entropy or entropy_topsis.")
    var method: ScoringMethod = .entropy

    @Option(help: "Multiply scores by this (e.g. 100).")
    var scale: Double = 1

    @Option(help: "Base year whose min and max standardise every year.")
    var baseYear: Int?

    @Option(help: "drop_incomplete or interpolate.")
    var missing: MissingPolicy = .dropIncomplete

    @Option(name: .customLong("score-column"), help: "Name of the added score column.")
    var scoreColumn = "score"

    @Option(name: .customLong("weights-out"), help: "Write the weights table here instead of standard output.")
    var weightsOut: String?

    @Option(help: "Write the input with the score column added.")
    var output: String?

    func run() throws {
        let request: StandaloneScoreRequest
        do {
            let ids = id?.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } ?? []
            var options = EntropyOptions(method: method, weighting: weighting, baseYear: baseYear,
                                         standardize: standardize, shift: shift, scale: scale, missing: missing)
            if shift == 0 { options.shiftAppliesTo = .none }
            request = StandaloneScoreRequest(indicators: try IndicatorSpec.parse(indicators),
                                             firmColumn: ids.first, yearColumn: yearColumn ?? ids.dropFirst().first,
                                             options: options, scoreColumn: scoreColumn)
        } catch {
            // Bad --indicators or options: a usage error (exit 2), whatever the error's own status.
            printError(errorMessage(error))
            throw ExitStatusError(status: .configuration)
        }
        try StandaloneScoreFiles.run(input: input, request: request, weightsOut: weightsOut, output: output)
    }
}

extension Weighting: ExpressibleByArgument {}
extension Standardization: ExpressibleByArgument {}
extension ScoringMethod: ExpressibleByArgument {}
extension MissingPolicy: ExpressibleByArgument {}
