import NQPTable

/// panel.csv: UTF-8 with BOM (Excel detects UTF-8), comma, RFC 4180 quoting, CRLF, header row of names, empty
/// field for missing, numbers in shortest round-trip form (`NumberFormatting`), text (firm codes included)
/// verbatim — except that, against spreadsheet formula injection, a text cell beginning with `=`, `+`, `-`, `@`,
/// tab or CR gets a leading single quote `'` (Excel's "text" marker; Stata/R/pandas read the quote as part of the
/// text). Numeric columns are never altered.
enum PanelCSV {
    static func encode(_ table: Table, neutralizeFormulas: Bool) throws(TableError) -> [UInt8] {
        var writer = try CSVWriter(options: .init(byteOrderMark: true, delimiter: ",", lineEnding: .crlf))
        writer.reserveCapacity(64 + table.rowCount * table.columns.count * 12)
        writer.appendRow(table.columns.map(\.name))
        // Arrays pulled out of the enum once: switching on `column.values` per cell retained and released the
        // array six million times for a 100,000 × 60 panel.
        let numbers: [[Double?]] = table.columns.map { if case .number(let v) = $0.values { v } else { [] } }
        let texts: [[String?]] = table.columns.map { if case .text(let v) = $0.values { v } else { [] } }
        let isNumber = table.columns.map(\.isNumeric)
        for row in 0..<table.rowCount {
            for c in 0..<isNumber.count {
                if isNumber[c] {
                    writer.appendNumber(numbers[c][row])
                } else if let text = texts[c][row] {
                    writer.appendField(neutralizeFormulas ? neutralized(text) : text)
                } else {
                    writer.appendEmpty()
                }
            }
            writer.endRow()
        }
        return writer.takeBytes()
    }

    /// `=1+1` → `'=1+1`; other text unchanged.
    static func neutralized(_ text: String) -> String {
        guard let first = text.utf8.first else { return text }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D: return "'" + text
        default: return text
        }
    }
}
