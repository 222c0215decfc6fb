/// The one CSV dialect of every file nqp writes (README "Outputs"): UTF-8, comma, RFC 4180 quoting (a field is
/// quoted only when it holds a comma, quote, CR or LF), LF line ends. The files meant to be opened in a
/// spreadsheet, `panel.csv` and `codebook.csv`, also start with the UTF-8 byte-order mark so Excel reads them as
/// UTF-8; Stata's `import delimited`, R's `read.csv` and pandas read both forms.
public enum CSVDialect {
    /// Line end of every row. LF (not RFC 4180's CR LF) so that `diff`, `wc -l` and line-based tools see one
    /// line per row, and every nqp CSV ends its rows the same way.
    public static let lineEnding: CSVWriter.LineEnding = .lf

    /// The writer options of the dialect, with or without the byte-order mark.
    public static func options(byteOrderMark: Bool = false) -> CSVWriter.Options {
        CSVWriter.Options(byteOrderMark: byteOrderMark, delimiter: ",", lineEnding: lineEnding)
    }

    /// A writer in the dialect. It cannot fail: only a bad delimiter makes `CSVWriter` throw.
    public static func writer(byteOrderMark: Bool = false) -> CSVWriter {
        CSVWriter(validOptions: options(byteOrderMark: byteOrderMark))
    }

    /// A whole file: the header row, then `rows`.
    public static func file(header: [String], rows: [[String]], byteOrderMark: Bool = false) -> [UInt8] {
        var writer = writer(byteOrderMark: byteOrderMark)
        writer.appendRow(header)
        for row in rows { writer.appendRow(row) }
        return writer.takeBytes()
    }
}
