/// Everything that can stop the score stage. Each message says where, what is wrong and what to do.
public enum ScoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// An option value that cannot be used (`field` is the configuration key, e.g. `shift`).
    case invalidOption(field: String, reason: String)
    /// The score system (dimension tree) is malformed; `path` names the node, e.g. `nqp/labour`.
    case invalidSystem(path: String, reason: String)
    /// An indicator specification such as `"a:+,b:-"` could not be parsed; `item` is 1-based.
    case invalidIndicatorSpec(spec: String, item: Int, reason: String)
    /// A configured indicator is not a column of the data.
    case indicatorNotFound(indicator: String, available: [String])
    /// A configured indicator has no value in any row.
    case allMissing(indicator: String)
    /// A value that the chosen standardisation cannot use (negative with `sum`, zero with `max` and `-`, …).
    case invalidValue(indicator: String, firm: String, year: Int, value: Double, reason: String)
    /// The same firm-year appears twice where the method needs one row per firm-year.
    case duplicateFirmYear(firm: String, year: Int)
    /// No group of rows could be weighted (too few complete rows, or every indicator constant).
    case noUsableRows(reason: String)
    /// A text cell of a table could not be read as a number; `row` is the 1-based data row (header excluded).
    case unparsableCell(row: Int, column: String, text: String)
    /// A firm cell is empty, or a year cell is empty or a missing-value code; `row` is the 1-based data row (header excluded).
    /// A row without its key cannot be placed in the panel, so it is refused rather than given year 0.
    case missingKey(row: Int, column: String, text: String)
    /// Input arrays that should line up do not.
    case inconsistentData(reason: String)

    public var description: String {
        switch self {
        case .invalidOption(let field, let reason):
            "score option `\(field)`: \(reason)"
        case .invalidSystem(let path, let reason):
            "score system `\(path)`: \(reason)"
        case .invalidIndicatorSpec(let spec, let item, let reason):
            "indicator list \"\(spec)\", item \(item): \(reason). Write it as name:+ or name:- separated by commas, "
                + "e.g. \"rd_ratio:+,leverage:-\""
        case .indicatorNotFound(let indicator, let available):
            "indicator `\(indicator)` is not a column of the data (columns: \(available.joined(separator: ", "))). "
                + "Check the spelling in the indicator list or add the column to the input"
        case .allMissing(let indicator):
            "indicator `\(indicator)` is missing in every row, so it cannot be weighted. "
                + "Remove it from the score system or fix the step that builds it"
        case .invalidValue(let indicator, let firm, let year, let value, let reason):
            "indicator `\(indicator)`, firm \(firm), year \(year): value \(value) \(reason)"
        case .duplicateFirmYear(let firm, let year):
            "firm \(firm), year \(year) appears more than once; interpolation needs one row per firm-year. "
                + "Remove the duplicates before scoring or use missing: drop_incomplete"
        case .noUsableRows(let reason):
            "no scores could be computed: \(reason)"
        case .unparsableCell(let row, let column, let text):
            "data row \(row), column `\(column)`: \"\(text)\" is not a number. "
                + "Use a plain decimal number, or leave the cell empty (or a missing-value code such as NA, ., NaN, #N/A, --)"
        case .missingKey(let row, let column, let text):
            "data row \(row), key column `\(column)`: \(text.isEmpty ? "empty" : "\"\(text)\" (a missing-value code)"); "
                + "every row needs a firm and a year. Fill the cell or remove the row"
        case .inconsistentData(let reason):
            "inconsistent score input: \(reason)"
        }
    }
}
