/// Every failure of NQPTable: where (file, line, column, byte offset), what is wrong, and what to do.
public enum TableError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A file could not be opened, read, written, synced or renamed.
    case io(path: String, operation: String, reason: String)
    /// A CSV/TSV file is malformed at `line` (1-based).
    case malformedCSV(path: String, line: Int, message: String)
    /// Options that cannot work (e.g. a multi-byte delimiter).
    case invalidOption(String)
    /// Columns of a `Table` differ in length.
    case shapeMismatch(column: String, expected: Int, actual: Int)
    /// A variable name that Stata (or the panel rules) reject.
    case invalidName(name: String, reason: String)
    /// A value that cannot be stored in the requested format.
    case unrepresentableValue(column: String, row: Int, message: String)
    /// A `.dta` file that does not follow the format at byte `offset`.
    case malformedDTA(path: String, offset: Int, message: String)
    /// A `.dta` release this reader does not handle.
    case unsupportedDTAVersion(path: String, version: String)
    /// An `.xlsx` workbook that cannot be read.
    case malformedXLSX(path: String, message: String)
    /// The requested worksheet does not exist.
    case sheetNotFound(path: String, sheet: String, available: [String])

    public var description: String {
        switch self {
        case let .io(path, operation, reason):
            return "\(path): cannot \(operation): \(reason). Check that the path exists and is readable/writable."
        case let .malformedCSV(path, line, message):
            return "\(path):\(line): \(message)"
        case let .invalidOption(message):
            return "invalid option: \(message)"
        case let .shapeMismatch(column, expected, actual):
            return "column '\(column)' has \(actual) values but the table has \(expected) rows; every column must have the same length"
        case let .invalidName(name, reason):
            return "variable name '\(name)' is not valid for Stata: \(reason). Rename the column (1–32 letters, digits or _, not starting with a digit)."
        case let .unrepresentableValue(column, row, message):
            return "column '\(column)', row \(row): \(message)"
        case let .malformedDTA(path, offset, message):
            return "\(path): byte offset \(offset): not a valid Stata .dta file: \(message)"
        case let .unsupportedDTAVersion(path, version):
            return "\(path): Stata .dta release \(version) is not supported (117, 118 and 119 are); re-save it in Stata 14+ with `save`"
        case let .malformedXLSX(path, message):
            return "\(path): not a readable .xlsx workbook: \(message). Re-save it from Excel as .xlsx or export CSV."
        case let .sheetNotFound(path, sheet, available):
            return "\(path): no worksheet named '\(sheet)'; the workbook has: \(available.joined(separator: ", "))"
        }
    }
}
