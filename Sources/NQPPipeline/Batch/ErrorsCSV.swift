import Foundation

/// `errors.csv`: the quarantined reports, one row per file with the columns
/// `file,sha256,stage,reason,first_seen,last_seen`, sorted by file (UTF-8 byte order). The rows are written in
/// the pipeline's CSV dialect with the other tables (`ReportTables.errorsCSV`). Timestamps come from the store
/// and change only when a failure is (re)recorded, so a rerun with no changes produces identical bytes.
enum ErrorsCSV {
    /// `errors.csv`.
    static let fileName = "errors.csv"
    /// The column names, in order.
    static let columns = ["file", "sha256", "stage", "reason", "first_seen", "last_seen"]
}
