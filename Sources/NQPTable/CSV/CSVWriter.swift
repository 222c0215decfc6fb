/// Builds RFC 4180 text in memory: fields are quoted only when they contain the delimiter, the quote, CR or LF
/// (quotes doubled inside). Rows end with `lineEnding`. Write the result with `AtomicFile`. nqp's own files use
/// `CSVDialect`.
public struct CSVWriter: Sendable {
    /// Output options.
    public struct Options: Sendable, Equatable {
        /// Start the file with the UTF-8 byte-order mark (lets Excel detect UTF-8).
        public var byteOrderMark: Bool
        public var delimiter: Unicode.Scalar
        public var lineEnding: LineEnding

        public init(byteOrderMark: Bool = false, delimiter: Unicode.Scalar = ",",
                    lineEnding: LineEnding = CSVDialect.lineEnding) {
            self.byteOrderMark = byteOrderMark
            self.delimiter = delimiter
            self.lineEnding = lineEnding
        }
    }

    public enum LineEnding: String, Sendable, Equatable {
        /// CR LF, as RFC 4180 specifies.
        case crlf
        /// LF only.
        case lf
    }

    public let options: Options
    /// The text produced so far (UTF-8).
    public private(set) var bytes: [UInt8] = []
    private let delimiter: UInt8
    private var atRowStart = true

    public init(options: Options = Options()) throws(TableError) {
        guard options.delimiter.isASCII, options.delimiter != "\"", options.delimiter != "\n",
              options.delimiter != "\r" else {
            throw .invalidOption("CSV delimiter must be one ASCII character other than quote, CR or LF")
        }
        self.init(validOptions: options)
    }

    /// For options already known to be valid (`CSVDialect`'s).
    init(validOptions options: Options) {
        self.options = options
        delimiter = UInt8(options.delimiter.value)
        if options.byteOrderMark { bytes.append(contentsOf: [0xEF, 0xBB, 0xBF]) }
    }

    /// Reserves room for about `count` bytes.
    public mutating func reserveCapacity(_ count: Int) { bytes.reserveCapacity(count) }

    private mutating func separate() {
        if atRowStart { atRowStart = false } else { bytes.append(delimiter) }
    }

    /// Appends one text field, quoting it when needed.
    public mutating func appendField(_ text: String) {
        separate()
        var text = text
        text.withUTF8 { utf8 in
            var needsQuotes = false
            for b in utf8 where b == delimiter || b == 0x22 || b == 0x0A || b == 0x0D {
                needsQuotes = true
                break
            }
            if !needsQuotes {
                bytes.append(contentsOf: utf8)
                return
            }
            bytes.append(0x22)
            var start = 0
            for (i, b) in utf8.enumerated() where b == 0x22 {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...i]))
                bytes.append(0x22)
                start = i + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
            bytes.append(0x22)
        }
    }

    /// Appends a number in shortest round-trip form (empty for missing/NaN/∞); see `NumberFormatting`.
    public mutating func appendNumber(_ value: Double?) {
        separate()
        NumberFormatting.append(value, to: &bytes)
    }

    /// A writer with these options and nothing written (not even the byte-order mark), to render pieces for
    /// `appendRendered`.
    public func pieceWriter() -> CSVWriter {
        var options = options
        options.byteOrderMark = false
        return CSVWriter(validOptions: options)
    }

    /// Takes the fields written since the last piece (see `pieceWriter`); the next field starts a new piece.
    public mutating func takePiece() -> [UInt8] {
        atRowStart = true
        return takeBytes()
    }

    /// Appends fields another writer with the same options rendered (its `takePiece`): columns
    /// that repeat across many rows of a long table are rendered once and copied.
    public mutating func appendRendered(_ fields: [UInt8]) {
        separate()
        bytes.append(contentsOf: fields)
    }

    /// Appends an empty field.
    public mutating func appendEmpty() { separate() }

    /// Ends the current row.
    public mutating func endRow() {
        if options.lineEnding == .crlf { bytes.append(0x0D) }
        bytes.append(0x0A)
        atRowStart = true
    }

    /// Appends a whole row of text fields.
    public mutating func appendRow(_ fields: [String]) {
        for field in fields { appendField(field) }
        endRow()
    }

    /// Takes the bytes written so far, leaving the writer empty (for streaming large outputs in pieces).
    public mutating func takeBytes() -> [UInt8] {
        defer { bytes = [] }
        return bytes
    }
}
