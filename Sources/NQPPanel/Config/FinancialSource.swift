import NQPEncoding

/// One financial input as described in `pipeline.yml` (`financials:` list).
///
/// Column names in `firm`, `year`, `date`, `filters`, `renames` (keys), `keep`, `text_columns` and
/// `column_missing_codes` are the SOURCE names (the file's header, e.g. `Stkcd`, `营业收入`). `scale`, `labels` and
/// `units` accept either the panel name (after `renames`) or the source name.
public struct FinancialSource: Encodable, Equatable, Sendable {
    /// Short name used in reports (`income`, `balance`, `rd`).
    public var name: String
    public var path: String
    /// nil = inferred from the extension.
    public var format: SourceFormat?
    /// xlsx: worksheet name; nil = the first sheet.
    public var sheet: String?
    /// csv/tsv: one character, or `tab`, `comma`, `semicolon`, `pipe`, `soh`; nil = `,` for csv, tab for tsv.
    public var delimiter: String?
    /// csv/tsv: an encoding label (`gbk`, `gb18030`, `utf-8`, `utf-16`…); nil = sniff (BOM, valid UTF-8, GB18030).
    public var encoding: String?
    public var header: HeaderLayout
    /// Firm id column (`Stkcd`, `Symbol`, `股票代码`). Ignored for companyfacts (the CIK in the file is used).
    public var firm: String
    /// Zero-pad all-digit firm codes to this width (6 for A-shares, 10 for CIKs); nil = keep as read (trimmed).
    public var firmWidth: Int?
    /// Fiscal-year column (`2019`, `2019.0`, `2019年`). Exactly one of `year` / `date` (or neither for companyfacts).
    public var year: String?
    /// Period-end date column (`Accper`, `EndDate`); the fiscal year follows `fiscal_year_rule`.
    public var date: String?
    /// Month in which the fiscal year ends (12 for Chinese filers).
    public var fiscalYearEndMonth: Int
    public var fiscalYearRule: FiscalYearRule
    /// With `date`: drop rows whose date is not in `fiscal_year_end_month` (quarterly rows of CSMAR tables).
    public var annualOnly: Bool
    /// Column → allowed values (`Typrep: [A]`, `StateTypeCode: ["1"]`). Numbers compare numerically ("1" = "1.0").
    public var filters: [String: [String]]
    /// Source column → panel variable (`B001101000: revenue`).
    public var renames: [String: String]
    /// Columns to keep (source or panel names); nil = every column except the keys and the filter columns.
    public var keep: [String]?
    /// Columns kept as text even when they look numeric (industry codes, names).
    public var textColumns: [String]
    /// Variable → factor the values are multiplied by (`revenue: 0.0001` for 万元).
    public var scale: [String: Double]
    /// Extra codes read as missing in every column (`"-1"` for FinGLM). Numeric codes match numerically.
    public var missingCodes: [String]
    /// Column → extra missing codes for that column only.
    public var columnMissingCodes: [String: [String]]
    /// Use the built-in codes (`MissingValueCodes.all`) as well.
    public var defaultMissingCodes: Bool
    public var duplicates: DuplicatePolicy
    /// Variable → label, overriding CSMAR / .dta labels.
    public var labels: [String: String]
    /// Variable → unit, overriding CSMAR units.
    public var units: [String: String]
    /// companyfacts: concepts to take (`Assets`, `Revenues`); their names become variables (rename with `renames`).
    public var concepts: [String]
    /// companyfacts: taxonomy (`us-gaap`, `ifrs-full`, `dei`).
    public var taxonomy: String
    /// companyfacts: unit of measure (`USD`; `shares`, `pure`).
    public var unit: String
    /// companyfacts: forms whose facts count as annual.
    public var forms: [String]
    /// xlsx: largest part of the package once inflated, in MiB (README "Limits"): a 3 MB workbook whose sheet
    /// inflates to gigabytes is refused instead of exhausting memory.
    public var maxInflatedMB: Int = 512

    public static let defaultForms = ["10-K", "10-K/A", "10-KT", "10-KT/A", "20-F", "20-F/A", "40-F", "40-F/A"]

    public init(name: String, path: String, format: SourceFormat? = nil, sheet: String? = nil,
                delimiter: String? = nil, encoding: String? = nil, header: HeaderLayout = .auto,
                firm: String = "", firmWidth: Int? = nil, year: String? = nil, date: String? = nil,
                fiscalYearEndMonth: Int = 12, fiscalYearRule: FiscalYearRule = .compustat, annualOnly: Bool = true,
                filters: [String: [String]] = [:], renames: [String: String] = [:], keep: [String]? = nil,
                textColumns: [String] = [], scale: [String: Double] = [:], missingCodes: [String] = [],
                columnMissingCodes: [String: [String]] = [:], defaultMissingCodes: Bool = true,
                duplicates: DuplicatePolicy = .error, labels: [String: String] = [:], units: [String: String] = [:],
                concepts: [String] = [], taxonomy: String = "us-gaap", unit: String = "USD",
                forms: [String] = FinancialSource.defaultForms) {
        self.name = name
        self.path = path
        self.format = format
        self.sheet = sheet
        self.delimiter = delimiter
        self.encoding = encoding
        self.header = header
        self.firm = firm
        self.firmWidth = firmWidth
        self.year = year
        self.date = date
        self.fiscalYearEndMonth = fiscalYearEndMonth
        self.fiscalYearRule = fiscalYearRule
        self.annualOnly = annualOnly
        self.filters = filters
        self.renames = renames
        self.keep = keep
        self.textColumns = textColumns
        self.scale = scale
        self.missingCodes = missingCodes
        self.columnMissingCodes = columnMissingCodes
        self.defaultMissingCodes = defaultMissingCodes
        self.duplicates = duplicates
        self.labels = labels
        self.units = units
        self.concepts = concepts
        self.taxonomy = taxonomy
        self.unit = unit
        self.forms = forms
    }

    enum CodingKeys: String, CodingKey {
        case name, path, format, sheet, delimiter, encoding, header, firm
        case firmWidth = "firm_width"
        case year, date
        case fiscalYearEndMonth = "fiscal_year_end_month"
        case fiscalYearRule = "fiscal_year_rule"
        case annualOnly = "annual_only"
        case filters, renames, keep
        case textColumns = "text_columns"
        case scale
        case missingCodes = "missing_codes"
        case columnMissingCodes = "column_missing_codes"
        case defaultMissingCodes = "default_missing_codes"
        case duplicates, labels, units, concepts, taxonomy, unit, forms
        case maxInflatedMB = "max_inflated_mb"
    }

    /// The format to read: configured, else by extension, else csv.
    public var resolvedFormat: SourceFormat { format ?? SourceFormat.inferred(fromPath: path) ?? .csv }

    /// The delimiter character, resolving the names `tab`, `comma`, `semicolon`, `pipe`, `soh`.
    public func resolvedDelimiter() throws(PanelError) -> Unicode.Scalar? {
        guard let delimiter else { return resolvedFormat == .tsv ? "\t" : nil }
        switch delimiter.lowercased() {
        case "tab", "\\t": return "\t"
        case "comma": return ","
        case "semicolon": return ";"
        case "pipe": return "|"
        case "soh", "\\u0001", "\\x01": return "\u{01}"
        default:
            let scalars = Array(delimiter.unicodeScalars)
            guard scalars.count == 1, let only = scalars.first else {
                throw .invalidConfiguration(source: name, reason: "delimiter '\(delimiter)' must be one character "
                    + "or one of tab, comma, semicolon, pipe, soh")
            }
            return only
        }
    }

    /// Checks combinations the decoder cannot (exactly one of year/date, month range, width).
    public func validate() throws(PanelError) {
        if resolvedFormat != .companyfacts {
            if firm.isEmpty {
                throw .invalidConfiguration(source: name, reason: "`firm:` (the firm id column) is required")
            }
            if (year == nil) == (date == nil) {
                throw .invalidConfiguration(source: name, reason: "give exactly one of `year:` (a fiscal-year "
                    + "column) or `date:` (a period-end date column)")
            }
        } else if concepts.isEmpty {
            throw .invalidConfiguration(source: name, reason: "companyfacts needs `concepts:` (e.g. [Assets, "
                + "Revenues])")
        }
        if !(1...12).contains(fiscalYearEndMonth) {
            throw .invalidConfiguration(source: name, reason: "fiscal_year_end_month must be 1–12, got "
                + "\(fiscalYearEndMonth)")
        }
        if let firmWidth, !(1...20).contains(firmWidth) {
            throw .invalidConfiguration(source: name, reason: "firm_width must be 1–20, got \(firmWidth)")
        }
    }
}
