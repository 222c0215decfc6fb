import Foundation

/// `errors.csv`: the quarantined reports, one row per file with the columns
/// `file,sha256,stage,reason,first_seen,last_seen`, sorted by file (UTF-8 byte order).
///
/// RFC 4180: comma-separated, CRLF line ends (as NQPTable's `CSVWriter`), fields containing a comma, quote, CR
/// or LF are quoted with inner quotes doubled; UTF-8 without BOM. Only the bytes are produced here: write them
/// with `NQPTable.AtomicFile.write(_:to:)` so a reader never sees a half-written file. Timestamps come from the
/// store and change only when a failure is (re)recorded, so a rerun with no changes produces identical bytes.
enum ErrorsCSV {
    /// `errors.csv`.
    static let fileName = "errors.csv"
    /// The column names, in order.
    static let columns = ["file", "sha256", "stage", "reason", "first_seen", "last_seen"]

    /// The file's bytes for the failed records among `records` (rows with status `ok` are ignored), sorted by
    /// path; just the header when there are none.
    static func render(_ records: [ReportRecord]) -> [UInt8] {
        let failed = records.filter { $0.status == .failed }
            .sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        var bytes: [UInt8] = []
        appendRow(columns, to: &bytes)
        for record in failed {
            appendRow([record.path, record.sha256, record.stage ?? "", record.reason ?? "", record.firstSeen,
                       record.lastSeen], to: &bytes)
        }
        return bytes
    }

    /// The file's bytes for the quarantined reports of `store`.
    static func render(from store: StateStore) throws(BatchError) -> [UInt8] {
        render(try store.reports(withStatus: .failed))
    }

    static func appendRow(_ fields: [String], to bytes: inout [UInt8]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            appendField(field, to: &bytes)
        }
        bytes.append(contentsOf: [0x0D, 0x0A])
    }

    static func appendField(_ field: String, to bytes: inout [UInt8]) {
        let utf8 = field.utf8
        let comma: UInt8 = 0x2C, quote: UInt8 = 0x22, lineFeed: UInt8 = 0x0A, carriageReturn: UInt8 = 0x0D
        let needsQuotes = utf8.contains { (byte: UInt8) -> Bool in
            byte == comma || byte == quote || byte == lineFeed || byte == carriageReturn
        }
        guard needsQuotes else {
            bytes.append(contentsOf: utf8)
            return
        }
        bytes.append(UInt8(ascii: "\""))
        var runStart = utf8.startIndex
        for index in utf8.indices where utf8[index] == quote {
            // Copy up to and including the quote, then double it.
            bytes.append(contentsOf: utf8[runStart...index])
            bytes.append(UInt8(ascii: "\""))
            runStart = utf8.index(after: index)
        }
        bytes.append(contentsOf: utf8[runStart...])
        bytes.append(UInt8(ascii: "\""))
    }
}
