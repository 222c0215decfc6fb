/// Rows of strings as read from a file, before keys and types: the common shape of CSV, TSV, xlsx and .dta input,
/// so that header detection, filters, code normalisation and type inference exist once.
public struct RawSheet: Sendable, Equatable {
    public var path: String
    /// Header rows included (the first row holds the column names).
    public var rows: [RawRow]
    /// How a NUMBER in a date column counts days (8-digit values are always read as yyyymmdd).
    public var numericDates: NumericDateEpoch
    /// Variable labels known from the file itself (.dta), by column name.
    public var labels: [String: String]
    /// "line" for text files, "row" for spreadsheets, "observation" for .dta — used in messages.
    public var lineWord: String

    public init(path: String, rows: [RawRow], numericDates: NumericDateEpoch = .none,
                labels: [String: String] = [:], lineWord: String = "line") {
        self.path = path
        self.rows = rows
        self.numericDates = numericDates
        self.labels = labels
        self.lineWord = lineWord
    }
}

/// One row of a `RawSheet` with its 1-based location in the file.
public struct RawRow: Sendable, Equatable {
    public var fields: [String]
    public var line: Int

    public init(fields: [String], line: Int) {
        self.fields = fields
        self.line = line
    }
}

/// The epoch of day counts stored as numbers in date columns.
public enum NumericDateEpoch: Sendable, Equatable {
    /// Numbers in date columns are not dates (only yyyymmdd is recognised).
    case none
    /// Stata `%td`: days since 1960-01-01.
    case stata
    /// Excel 1900 date system: serial days since 1899-12-30.
    case excel
}
