import Foundation
import NQPConfig
import NQPLexicon

/// `nqp validate`: every problem of a configuration, each with `file:line:column`, a message and a hint.
/// Decoding problems come first (syntax, unknown keys, wrong types); then the checks that need the values:
/// files that must exist, regular expressions, dictionaries, counting options, formulas, scoring systems and
/// output column names.
public enum ConfigValidator {
    public static func problems(configAt url: URL) -> [ConfigProblem] {
        do {
            return problems(in: try LoadedConfig.load(from: url))
        } catch {
            return error.problems
        }
    }

    public static func problems(in loaded: LoadedConfig) -> [ConfigProblem] {
        let locator = ConfigLocator(file: LoadedConfig.displayName(loaded.file), text: loaded.text)
        var problems: [ConfigProblem] = []
        problems += loaded.valueProblems()
        problems += reportProblems(loaded, locator)
        problems += countingProblems(loaded, locator)
        problems += PanelValidation.problems(loaded, locator)
        // Only on an otherwise valid configuration: reading the inputs is slower and would repeat problems above.
        if problems.isEmpty { problems += PanelDryRun.problems(loaded, locator) }
        return problems
    }

    static func reportProblems(_ loaded: LoadedConfig, _ locator: ConfigLocator) -> [ConfigProblem] {
        let reports = loaded.config.reports
        var problems: [ConfigProblem] = []
        if reports.paths.isEmpty {
            problems.append(locator.problem(["reports"], "reports.paths is empty: no report would be read",
                                            hint: "list files or folders, e.g. paths: [samples/reports]"))
        }
        for (index, path) in reports.paths.enumerated()
        where !FileManager.default.fileExists(atPath: loaded.resolve(path).path) {
            problems.append(locator.problem(["reports", "paths", index], "no such file or folder: \(path)",
                                            hint: "paths are relative to the configuration file's folder"))
        }
        if let manifest = reports.manifest, !FileManager.default.fileExists(atPath: loaded.resolve(manifest).path) {
            problems.append(locator.problem(["reports", "manifest"], "no such file: \(manifest)",
                                            hint: "a CSV with columns file,firm,year, relative to the configuration file"))
        }
        if reports.encoding.lowercased() != "auto", reports.forcedEncoding == nil {
            problems.append(locator.problem(["reports", "encoding"], "unknown encoding '\(reports.encoding)'",
                                            hint: "use auto, utf-8, gb18030, big5, utf-16le, utf-16be or an iconv name"))
        }
        let identity = StageFactory(loaded: loaded).identityRules()
        for message in identity.problems() {
            problems.append(locator.problem(["reports", "filename_patterns"], message,
                                            hint: "each pattern needs named groups (?<firm>…) and (?<year>…)"))
        }
        for message in loaded.config.sections.problems() {
            problems.append(locator.problem(["sections"], message))
        }
        return problems
    }

    static func countingProblems(_ loaded: LoadedConfig, _ locator: ConfigLocator) -> [ConfigProblem] {
        let counting = loaded.config.counting
        var problems: [ConfigProblem] = []
        if counting.dictionaries.isEmpty {
            problems.append(locator.problem(["counting"], "counting.dictionaries is empty",
                                            hint: "name at least one dictionary file or built-in name, e.g. digital_transformation.zh"))
        }
        var columns: [String: String] = [:]
        for (index, path) in counting.dictionaries.enumerated() {
            guard let reference = DictionaryReference.resolve(path, asPath: loaded.resolve(path)) else {
                problems.append(locator.problem(["counting", "dictionaries", index],
                                                "no such dictionary file or built-in dictionary: \(path)",
                                                hint: BuiltinDictionaries.entry(named: (path as NSString).lastPathComponent)
                                                    .map { "the built-in copy of this file is named \($0.name): write that, or fix the path" }
                                                    ?? "paths are relative to the configuration file; built-in names: "
                                                    + BuiltinDictionaries.namesForMessages))
                continue
            }
            for problem in reference.check() where problem.severity == .error {
                problems.append(locator.problem(["counting", "dictionaries", index], "dictionary: \(problem.description)",
                                                hint: "run `nqp dict check \(path)`"))
            }
            guard let dictionary = try? reference.load() else { continue }
            do {
                _ = try KeywordCounter(dictionary: dictionary, options: counting.options)
            } catch {
                problems.append(locator.problem(["counting"], Diagnostic.text(of: error)))
            }
            for category in dictionary.categories {
                if let other = columns[category.column] {
                    problems.append(locator.problem(["counting", "dictionaries", index],
                                                    "column '\(category.column)' is produced by both \(other) and \(path)",
                                                    hint: "give the categories distinct `column:` names in one of the dictionaries"))
                }
                columns[category.column] = path
            }
        }
        return problems
    }
}
