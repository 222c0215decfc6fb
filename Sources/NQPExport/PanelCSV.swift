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
        for row in 0..<table.rowCount {
            for column in table.columns {
                switch column.values {
                case .number(let values): writer.appendNumber(values[row])
                case .text(let values):
                    if let text = values[row] {
                        writer.appendField(neutralizeFormulas ? neutralized(text) : text)
                    } else {
                        writer.appendEmpty()
                    }
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
