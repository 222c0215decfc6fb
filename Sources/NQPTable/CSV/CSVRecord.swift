import NQPEncoding

/// One record of a delimited text file.
public struct CSVRecord: Sendable, Equatable {
    /// Field values, unquoted, as UTF-8 strings (decoded from the file's encoding).
    public var fields: [String]
    /// 1-based physical line where the record starts (a quoted field may span several lines).
    public var line: Int

    public init(fields: [String], line: Int) {
        self.fields = fields
        self.line = line
    }
}

/// How to read a delimited text file (CSV, TSV, CSMAR/Wind exports).
public struct CSVReadOptions: Sendable, Equatable {
    /// Field separator; `nil` detects one of `,` `;` tab `|` U+0001 from the first lines.
    public var delimiter: Unicode.Scalar?
    /// Quote character (RFC 4180 `"`; doubled inside a quoted field).
    public var quote: Unicode.Scalar
    /// Source encoding; `nil` sniffs: byte-order mark, then valid UTF-8 over the whole file, else GB18030
    /// (a superset of GBK/GB2312, which CSMAR and Wind exports use).
    public var encoding: TextEncoding?
    /// Skip lines that are completely empty (no characters before the line break).
    public var skipEmptyLines: Bool
    /// Bytes read from the file at a time.
    public var chunkSize: Int

    public init(delimiter: Unicode.Scalar? = nil, quote: Unicode.Scalar = "\"", encoding: TextEncoding? = nil,
                skipEmptyLines: Bool = true, chunkSize: Int = 1 << 20) {
        self.delimiter = delimiter
        self.quote = quote
        self.encoding = encoding
        self.skipEmptyLines = skipEmptyLines
        self.chunkSize = chunkSize
    }

    /// Delimiters tried, in order of preference on a tie, when `delimiter` is nil.
    public static let candidateDelimiters: [Unicode.Scalar] = [",", "\t", ";", "|", "\u{01}"]
}
