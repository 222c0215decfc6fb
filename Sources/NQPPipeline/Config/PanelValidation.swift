import Foundation
import NQPConfig
import NQPPanel
import NQPScore
import NQPTable

/// Checks of `financials:`, `scoring:` and the panel's column names that `nqp validate` runs, so a name that
/// would break a Stata rule is an error here rather than a surprise at export.
enum PanelValidation {
    static func problems(_ loaded: LoadedConfig, _ locator: ConfigLocator) -> [ConfigProblem] {
        var problems: [ConfigProblem] = []
        let financials = loaded.config.financials
        for (index, source) in financials.sources.enumerated() {
            if !FileManager.default.fileExists(atPath: loaded.resolve(source.path).path) {
                problems.append(locator.problem(["financials", "sources", index, "path"],
                                                "financial source '\(source.name)': no such file \(source.path)",
                                                hint: "paths are relative to the configuration file"))
            }
            do {
                try source.validate()
            } catch {
                problems.append(locator.problem(["financials", "sources", index], Diagnostic.text(of: error)))
            }
        }
        if let crosswalk = financials.crosswalk, !FileManager.default.fileExists(atPath: loaded.resolve(crosswalk.path).path) {
            problems.append(locator.problem(["financials", "crosswalk", "path"], "no such crosswalk file: \(crosswalk.path)"))
        }
        var names: [String: String] = [:]
        func checkName(_ name: String, _ path: [any ConfigPathComponent], _ what: String) {
            if let reason = StataName.problem(with: name) {
                problems.append(locator.problem(path, "\(what) '\(name)' cannot be a Stata variable name: \(reason)",
                                                hint: "use 1–32 letters, digits or underscores, starting with a letter"))
            }
            if let other = names[name.lowercased()] {
                problems.append(locator.problem(path, "column '\(name)' would be written twice (\(other) and \(what))",
                                                hint: "column names must be unique in the panel"))
            }
            names[name.lowercased()] = what
        }
        for (index, source) in financials.sources.enumerated() {
            for (from, to) in source.renames.sorted(by: { $0.key < $1.key }) {
                checkName(to, ["financials", "sources", index, "renames", from], "variable (renamed from \(from) in \(source.name))")
            }
        }
        for (index, indicator) in financials.indicators.enumerated() {
            checkName(indicator.name, ["financials", "indicators", indicator.name], "indicator")
            do {
                _ = try FormulaParser(indicator: indicator.name, formula: indicator.formula).parse()
            } catch {
                problems.append(locator.problem(["financials", "indicators", indicator.name, "formula"], Diagnostic.text(of: error)))
            }
            _ = index
        }
        for (index, system) in loaded.config.scoring.systems.enumerated() {
            checkName(system.compositeColumn, ["scoring", "systems", index], "score column")
            do {
                try EntropyScorer(system: system, options: loaded.config.scoring.options).validate()
            } catch {
                problems.append(locator.problem(["scoring", "systems", index], "scoring system '\(system.name)': \(Diagnostic.text(of: error))"))
            }
        }
        for message in loaded.config.output.integerValueLabels().problems {
            problems.append(locator.problem(["output", "value_labels"], message))
        }
        do {
            try loaded.config.scoring.options.validate()
        } catch {
            problems.append(locator.problem(["scoring"], Diagnostic.text(of: error)))
        }
        return problems
    }
}
