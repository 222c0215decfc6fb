import Dispatch
import NQPTable
import Synchronization

/// panel.csv: nqp's CSV dialect (`CSVDialect`) with the byte-order mark (Excel detects UTF-8), header row of names, empty
/// field for missing, numbers in shortest round-trip form (`NumberFormatting`), text (firm codes included)
/// verbatim — except that, against spreadsheet formula injection, a text cell beginning with `=`, `+`, `-`, `@`,
/// tab or CR gets a leading single quote `'` (Excel's "text" marker; Stata/R/pandas read the quote as part of the
/// text). Numeric columns are never altered.
enum PanelCSV {
    /// Rows per chunk when a large panel is encoded on several cores (the bytes are the same either way).
    static let rowsPerChunk = 8_192

    static func encode(_ table: Table, neutralizeFormulas: Bool) -> [UInt8] {
        var header = CSVDialect.writer(byteOrderMark: true)
        header.appendRow(table.columns.map(\.name))
        // Arrays pulled out of the enum once: switching on `column.values` per cell retained and released the
        // array six million times for a 100,000 × 60 panel.
        let columns = ColumnArrays(table)
        let chunkCount = (table.rowCount + rowsPerChunk - 1) / rowsPerChunk
        // Formatting doubles dominates the export of a large panel; chunks of rows are encoded in parallel and
        // joined in row order, so the output does not depend on the number of cores.
        let chunks = Mutex<[[UInt8]]>(Array(repeating: [], count: chunkCount))
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            let rows = (chunk * rowsPerChunk)..<min(table.rowCount, (chunk + 1) * rowsPerChunk)
            let bytes = encodeRows(rows, of: columns, neutralizeFormulas: neutralizeFormulas)
            chunks.withLock { $0[chunk] = bytes }
        }
        var out = header.takeBytes()
        out.reserveCapacity(out.count + chunks.withLock { $0.reduce(0) { $0 + $1.count } })
        chunks.withLock { for chunk in $0 { out.append(contentsOf: chunk) } }
        return out
    }

    /// The column storage, unpacked once for fast per-cell access.
    struct ColumnArrays: Sendable {
        var numbers: [[Double?]]
        var texts: [[String?]]
        var isNumber: [Bool]

        init(_ table: Table) {
            numbers = table.columns.map { if case .number(let v) = $0.values { v } else { [] } }
            texts = table.columns.map { if case .text(let v) = $0.values { v } else { [] } }
            isNumber = table.columns.map(\.isNumeric)
        }
    }

    static func encodeRows(_ rows: Range<Int>, of columns: ColumnArrays,
                           neutralizeFormulas: Bool) -> [UInt8] {
        var writer = CSVDialect.writer()
        writer.reserveCapacity(rows.count * columns.isNumber.count * 12)
        for row in rows {
            for c in 0..<columns.isNumber.count {
                if columns.isNumber[c] {
                    writer.appendNumber(columns.numbers[c][row])
                } else if let text = columns.texts[c][row] {
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
