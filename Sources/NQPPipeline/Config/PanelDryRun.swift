import Foundation
import NQPConfig
import NQPPanel
import NQPTable

/// What `nqp run` would refuse in `financials:` once the inputs are read — unknown variables in formulas,
/// indicator cycles, text variables used as numbers, variable collisions between sources, screens on missing
/// columns — found by `nqp validate` first: the financial sources are read and merged with an empty text table
/// that has every text-measure column, then the indicators and screens run on the result through the run's own
/// steps (`FinancialInputs.read`, `PanelStage.derive`).
enum PanelDryRun {
    static func problems(_ loaded: LoadedConfig, _ locator: ConfigLocator) -> [ConfigProblem] {
        let financials = loaded.config.financials
        guard !financials.sources.isEmpty || !financials.indicators.isEmpty else { return [] }
        guard let dictionaries = try? StageFactory(loaded: loaded).dictionaries() else { return [] }
        let textTable = TextMeasures(results: [], dictionaries: dictionaries,
                                     scopeName: loaded.config.counting.scope.rawValue).table
        guard let text = try? PanelStage.keyedText(textTable) else { return [] }
        let inputs: FinancialInputs
        do {
            inputs = try FinancialInputs.read(financials, baseDirectory: loaded.baseDirectory)
        } catch {
            switch error {
            case .crosswalk(_, let reason):
                return [locator.problem(["financials", "crosswalk"], "crosswalk: \(reason)")]
            case .source(let index, let source, let reason):
                return [locator.problem(["financials", "sources", index], "financial source '\(source.name)': \(reason)")]
            }
        }
        do {
            _ = try PanelStage.derive(text: text, financials: inputs.tables, config: financials)
        } catch {
            return [locator.problem(path(for: error), Diagnostic.text(of: error))]
        }
        return []
    }

    /// Where in the configuration a panel error belongs.
    static func path(for error: PanelError) -> [any ConfigPathComponent] {
        switch error {
        case let .formulaSyntax(indicator, _, _, _), let .unknownVariable(indicator, _, _, _),
             let .badFunctionCall(indicator, _, _, _):
            return ["financials", "indicators", indicator, "formula"]
        case .duplicateIndicator(let name):
            return ["financials", "indicators", name]
        case .indicatorCycle(let names):
            return names.first.map { ["financials", "indicators", $0] } ?? ["financials", "indicators"]
        case .invalidScreen:
            return ["financials", "screens"]
        case .sameKeyColumnNames:
            return ["financials", "merge"]
        default:
            return ["financials"]
        }
    }
}
