/// Everything that can stop the financial side of a run. Each message says where, what, and what to do.
/// A whole unreadable source, a duplicate key, a formula that does not parse: the pipeline maps these to exit 2.
public enum PanelError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be opened or decoded as the configured format.
    case unreadableSource(source: String, path: String, reason: String)
    /// A configured column (firm, year, date, filter, rename, keep, …) is not in the file's header.
    case missingColumn(source: String, column: String, role: String, available: [String])
    /// The configuration is inconsistent (e.g. both `year` and `date`, neither, a bad month).
    case invalidConfiguration(source: String, reason: String)
    /// The same (firm, year) appears more than once in one source and `duplicates: error` is in force.
    case duplicateKeys(source: String, count: Int, examples: [String])
    /// Two inputs provide a variable of the same name; the merge would have to silently pick one.
    case variableCollision(variable: String, sources: [String])
    /// The crosswalk maps one id to two targets for overlapping years.
    case crosswalkConflict(path: String, from: String, targets: [String])
    /// A formula failed to tokenise or parse; `column` is 1-based in `formula`.
    case formulaSyntax(indicator: String, formula: String, column: Int, message: String)
    /// A formula names a variable that is neither in the panel nor an indicator.
    case unknownVariable(indicator: String, formula: String, column: Int, name: String)
    /// A function name is unknown or called with the wrong number of arguments.
    case badFunctionCall(indicator: String, formula: String, column: Int, message: String)
    /// Derived indicators reference each other in a cycle.
    case indicatorCycle([String])
    /// An indicator's name clashes with an existing variable or another indicator.
    case duplicateIndicator(String)
    /// The panel lacks the firm or year key column a stage needs.
    case missingKeyColumn(String)
    /// `merge.firm_column` and `merge.year_column` name the same column.
    case sameKeyColumnNames(String)
    /// A row of a panel table has no firm or no year in its key column; `row` is 1-based.
    case missingKey(table: String, row: Int, column: String)
    /// A screen's settings are invalid (bad percentile, bad industry range, unknown column).
    case invalidScreen(screen: String, reason: String)

    public var description: String {
        switch self {
        case .unreadableSource(let source, let path, let reason):
            return "financial source '\(source)': cannot read \(path): \(reason). Check the path and `format:` "
                + "(csv, tsv, dta, xlsx, companyfacts) in pipeline.yml."
        case .missingColumn(let source, let column, let role, let available):
            let shown = available.prefix(30).joined(separator: ", ")
            return "financial source '\(source)': \(role) column '\(column)' is not in the header. Columns: "
                + "\(shown)\(available.count > 30 ? ", …" : ""). Fix the name in pipeline.yml."
        case .invalidConfiguration(let source, let reason):
            return "financial source '\(source)': \(reason)"
        case .duplicateKeys(let source, let count, let examples):
            return "'\(source)': \(count) duplicate (firm, year) key(s): \(examples.joined(separator: "; "))"
                + (count > examples.count ? "; …" : "")
                + ". Add a filter (e.g. Typrep: [A], StateTypeCode: [\"1\"]) or set `duplicates: first|last|mean`."
        case .variableCollision(let variable, let sources):
            return "variable '\(variable)' is provided by \(sources.joined(separator: " and ")); "
                + "rename it in one source (`renames:`) or drop it (`keep:`)."
        case .crosswalkConflict(let path, let from, let targets):
            return "crosswalk \(path): id '\(from)' maps to \(targets.joined(separator: " and ")) for overlapping "
                + "years; give each mapping a start_year/end_year or remove one."
        case .formulaSyntax(let indicator, let formula, let column, let message):
            return "indicator '\(indicator)': \(message) at column \(column)\n" + Self.caret(formula, column)
        case .unknownVariable(let indicator, let formula, let column, let name):
            return "indicator '\(indicator)': unknown variable '\(name)' at column \(column) (not in the panel "
                + "and not an indicator)\n" + Self.caret(formula, column)
        case .badFunctionCall(let indicator, let formula, let column, let message):
            return "indicator '\(indicator)': \(message) at column \(column)\n" + Self.caret(formula, column)
        case .indicatorCycle(let names):
            return "derived indicators refer to each other in a cycle: \(names.joined(separator: " → ")); "
                + "break the cycle."
        case .duplicateIndicator(let name):
            return "indicator '\(name)' is defined twice or clashes with an input variable; rename it."
        case .missingKeyColumn(let name):
            return "the panel has no key column '\(name)' (firm and year are required)."
        case .sameKeyColumnNames(let name):
            return "merge: firm_column and year_column are both '\(name)'; give the two key columns different names."
        case .missingKey(let table, let row, let column):
            return "\(table), row \(row): the key column '\(column)' is empty; every panel row needs a firm and a "
                + "fiscal year. Fill the key or drop the row before this stage."
        case .invalidScreen(let screen, let reason):
            return "sample screen '\(screen)': \(reason)"
        }
    }

    /// The formula and a caret under `column` (1-based, in characters), for terminal output. A long formula is
    /// shown as a window of 60 characters around the column, so a generated 100,000-term formula is not echoed.
    static func caret(_ formula: String, _ column: Int) -> String {
        let characters = Array(formula)
        guard characters.count > 80 else {
            return "  " + formula + "\n  " + String(repeating: " ", count: max(0, column - 1)) + "^"
        }
        let start = max(0, min(column - 1, characters.count) - 30)
        let end = min(characters.count, start + 60)
        let head = start > 0 ? "…" : "", tail = end < characters.count ? "…" : ""
        let shown = head + String(characters[start..<end]) + tail
        return "  " + shown + "\n  " + String(repeating: " ", count: max(0, column - 1 - start + head.count)) + "^"
            + "  (\(characters.count) characters; column \(column))"
    }
}
