import Foundation
import NQPTable

/// `counts.csv` written while it is rendered: with 10,000 reports × 90 keywords it is about 80 MB, which a run
/// that changed one report should neither hold in memory nor build before writing. The rows are those of
/// `ReportTables.appendCountsRows` (one renderer for the file, whoever writes it); they reach the temporary file in
/// pieces of about a mebibyte, and the file appears atomically when the last piece is written.
enum CountsCSVStreaming {
    static let pieceBytes = 1 << 20

    static func write(chosen: [ReportResult], to url: URL) throws(TableError) {
        try AtomicFile.write(to: url) { (file: AtomicFileWriter) throws(TableError) in
            guard var writer = ReportTables.makeWriter() else { return }
            ReportTables.appendCountsHeader(to: &writer)
            for result in chosen {
                ReportTables.appendCountsRows(of: result, to: &writer)
                if writer.bytes.count >= pieceBytes {
                    try file.write(writer.takeBytes())
                }
            }
            try file.write(writer.takeBytes())
        }
    }
}
