/// File format of a financial source. `nil` in the configuration means: by extension (`.csv`, `.txt` → csv,
/// `.tsv`/`.tab` → tsv, `.dta`, `.xlsx`, `.json` → companyfacts).
public enum SourceFormat: String, Codable, Sendable, CaseIterable {
    case csv, tsv, dta, xlsx, companyfacts

    /// The format implied by a file name, or nil when the extension says nothing.
    public static func inferred(fromPath path: String) -> SourceFormat? {
        let lower = path.lowercased()
        let name = lower.hasSuffix(".gz") ? String(lower.dropLast(3)) : lower
        guard let dot = name.lastIndex(of: ".") else { return nil }
        switch name[name.index(after: dot)...] {
        case "csv", "txt": return .csv
        case "tsv", "tab": return .tsv
        case "dta": return .dta
        case "xlsx", "xlsm": return .xlsx
        case "json": return .companyfacts
        default: return nil
        }
    }
}

/// How the header of a delimited or spreadsheet source is laid out.
/// - `single`: one row of column names.
/// - `csmar`: three rows — field code (`Stkcd`), Chinese label (`证券代码`), unit (`没有单位`, `元`); the labels and
///   units become variable labels and units.
/// - `auto` (default): `csmar` when the 2nd row looks like labels — its firm cell is not a code and none of its cells
///   is a number — and the 3rd row's firm cell is not a code either; otherwise `single`.
public enum HeaderLayout: String, Codable, Sendable, CaseIterable {
    case auto, single, csmar
}

/// What to do when one source has the same (firm, year) more than once (after filters).
/// - `error` (default): stop and list the duplicates — nothing is chosen silently.
/// - `first` / `last`: keep the row that comes first / last in the file.
/// - `mean`: numeric variables are averaged over the duplicate rows (missing values ignored; all missing → missing);
///   text variables take the first non-missing value.
/// Every resolved duplicate is counted in the source report.
public enum DuplicatePolicy: String, Codable, Sendable, CaseIterable {
    case error, first, last, mean
}
