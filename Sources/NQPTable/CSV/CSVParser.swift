/// RFC 4180 state machine over UTF-8 bytes, fed in chunks; a record may span chunks and lines.
/// Lenient where real exports are sloppy (a quote inside an unquoted field is a literal; text after a closing quote
/// is appended), strict where data would be lost (an unterminated quote at end of input is an error).
struct CSVParser {
    let delimiter: UInt8
    let quote: UInt8
    let skipEmptyLines: Bool

    private enum State { case fieldStart, unquoted, quoted, quoteInQuoted }
    private var state = State.fieldStart
    private var field: [UInt8] = []
    private var fields: [String] = []
    private var line = 1               // current physical line
    private var recordLine = 1         // line where the current record started
    private var recordHasContent = false
    private var lastWasCR = false      // a CR ended the previous chunk: swallow a following LF
    private var quotedCRPending = false // a CR inside quotes ended the previous chunk: count its line later

    init(delimiter: UInt8, quote: UInt8, skipEmptyLines: Bool) {
        self.delimiter = delimiter
        self.quote = quote
        self.skipEmptyLines = skipEmptyLines
    }

    var currentRecordLine: Int { recordLine }

    private mutating func endField() {
        fields.append(String(decoding: field, as: UTF8.self))
        field.removeAll(keepingCapacity: true)
    }

    private mutating func endRecord(into out: inout [CSVRecord]) {
        endField()
        if !(skipEmptyLines && !recordHasContent && fields.count == 1 && fields[0].isEmpty) {
            out.append(CSVRecord(fields: fields, line: recordLine))
        }
        fields.removeAll(keepingCapacity: true)
        recordHasContent = false
        state = .fieldStart
    }

    /// Parses `bytes`, appending finished records to `out`.
    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [CSVRecord]) {
        let n = bytes.count
        var i = 0
        if lastWasCR, n > 0 {
            lastWasCR = false
            if bytes[0] == 0x0A { i = 1 }
        }
        if quotedCRPending, n > 0 {
            quotedCRPending = false
            if bytes[0] != 0x0A { line += 1 }
        }
        while i < n {
            let b = bytes[i]
            switch state {
            case .fieldStart, .unquoted:
                if state == .fieldStart && b == quote {
                    state = .quoted
                    recordHasContent = true
                    i += 1
                    continue
                }
                // Take the run of ordinary bytes in one append.
                var j = i
                while j < n {
                    let c = bytes[j]
                    if c == delimiter || c == 0x0A || c == 0x0D { break }
                    j += 1
                }
                if j > i {
                    field.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<j]))
                    recordHasContent = true
                    state = .unquoted
                    i = j
                    continue
                }
                if b == delimiter {
                    recordHasContent = true
                    endField()
                    state = .fieldStart
                    i += 1
                } else {
                    // Line break ends the record: LF, CRLF or a lone CR.
                    if b == 0x0D {
                        if i + 1 < n { if bytes[i + 1] == 0x0A { i += 1 } } else { lastWasCR = true }
                    }
                    i += 1
                    endRecord(into: &out)
                    line += 1
                    recordLine = line
                }
            case .quoted:
                var j = i
                while j < n {
                    let c = bytes[j]
                    if c == quote || c == 0x0A || c == 0x0D { break }
                    j += 1
                }
                if j > i { field.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<j])); i = j; continue }
                if b == quote {
                    state = .quoteInQuoted
                } else {
                    // A line break inside quotes is data; count the physical line.
                    field.append(b)
                    if b == 0x0A {
                        line += 1
                    } else if i + 1 == n {
                        quotedCRPending = true
                    } else if bytes[i + 1] != 0x0A {
                        line += 1
                    }
                }
                i += 1
            case .quoteInQuoted:
                if b == quote {
                    field.append(quote)   // doubled quote
                    state = .quoted
                    i += 1
                } else if b == delimiter || b == 0x0A || b == 0x0D {
                    state = .unquoted     // the field is closed; let the unquoted branch end it
                } else {
                    field.append(b)       // lenient: `"ab"c` → `abc`
                    state = .unquoted
                    i += 1
                }
            }
        }
    }

    /// Ends the input. Returns false when a quoted field is still open (the caller reports the line).
    mutating func finish(into out: inout [CSVRecord]) -> Bool {
        if state == .quoted { return false }
        if recordHasContent || state != .fieldStart || !fields.isEmpty || !field.isEmpty {
            endRecord(into: &out)
        }
        return true
    }
}
