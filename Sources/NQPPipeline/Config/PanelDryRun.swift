import Foundation
import NQPConfig
import NQPPanel
import NQPTable

/// What `nqp run` would refuse in `financials:` once the inputs are read — unknown variables in formulas,
/// indicator cycles, text variables used as numbers, variable collisions between sources, screens on missing
/// columns — found by `nqp validate` first: the financial sources are read and merged with an empty text table
/// that has every text-measure column, then the indicators and screens run on the result, exactly as in a run.
enum PanelDryRun {
    static func problems(_ loaded: LoadedConfig, _ locator: ConfigLocator) -> [ConfigProblem] {
        let financials = loaded.config.financials
        guard !financials.sources.isEmpty || !financials.indicators.isEmpty else { return [] }
        guard let dictionaries = try? StageFactory(loaded: loaded).dictionaries() else { return [] }
        let textTable = TextMeasures(results: [], dictionaries: dictionaries,
                                     scopeName: loaded.config.counting.scope.rawValue).table
        guard let text = try? KeyedTable.from(textTable, source: "text").table else { return [] }
        var sources: [KeyedTable] = []
        var crosswalk: (config: CrosswalkConfig, table: Crosswalk)?
        if let config = financials.crosswalk {
            do {
                crosswalk = (config, try Crosswalk.load(config: config, baseDirectory: loaded.baseDirectory))
            } catch {
                return [locator.problem(["financials", "crosswalk"], "crosswalk: \(error)")]
            }
        }
        for (index, source) in financials.sources.enumerated() {
            do {
                var (table, _) = try FinancialSourceReader(config: source, baseDirectory: loaded.baseDirectory).read()
                if let crosswalk, crosswalk.config.applies(to: source.name) {
                    table = crosswalk.table.apply(to: table).0
                }
                sources.append(table)
            } catch {
                return [locator.problem(["financials", "sources", index],
                                        "financial source '\(source.name)': \(error)")]
            }
        }
        do {
            let (merged, _) = try PanelMerger.merge(text: text, financials: sources, options: financials.merge)
            let (computed, _) = try IndicatorEngine.compute(financials.indicators, on: merged)
            _ = try SampleScreener.apply(financials.screens, to: computed)
        } catch {
            return [locator.problem(path(for: error), "\(error)")]
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
        default:
            return ["financials"]
        }
    }
}
