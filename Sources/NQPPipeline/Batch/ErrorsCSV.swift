import Foundation
import NQPTable

/// `errors.csv`: the quarantined reports, one row per file with the columns
/// `file,sha256,stage,reason,first_seen,last_seen`, sorted by file (UTF-8 byte order).
///
/// In nqp's CSV dialect (`CSVDialect`: UTF-8 without BOM, RFC 4180 quoting, LF line ends). Only the bytes are
/// produced here: write them with `NQPTable.AtomicFile.write(_:to:)` so a reader never sees a half-written file.
/// Timestamps come from the store and change only when a failure is (re)recorded, so a rerun with no changes
/// produces identical bytes.
public enum ErrorsCSV {
    /// `errors.csv`.
    public static let fileName = "errors.csv"
    /// The column names, in order.
    public static let columns = ["file", "sha256", "stage", "reason", "first_seen", "last_seen"]

    /// The file's bytes for the failed records among `records` (rows with status `ok` are ignored), sorted by
    /// path; just the header when there are none.
    public static func render(_ records: [ReportRecord]) -> [UInt8] {
        let failed = records.filter { $0.status == .failed }
            .sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        return CSVDialect.file(header: columns, rows: failed.map {
            [$0.path, $0.sha256, $0.stage?.rawValue ?? "", $0.reason ?? "", $0.firstSeen, $0.lastSeen]
        })
    }

    /// The file's bytes for the quarantined reports of `store`.
    public static func render(from store: StateStore) throws(BatchError) -> [UInt8] {
        render(try store.reports(withStatus: .failed))
    }
}
