import Foundation
import NQPTable

/// `counts.csv` written while it is rendered: with 10,000 reports × 90 keywords it is about 80 MB, which a run
/// that changed one report should neither hold in memory nor build before writing. The rows are those of
/// `CountTables.appendCountsRows` (one renderer for the file, whoever writes it); they reach the temporary file in
/// pieces of about a mebibyte, and the file appears atomically when the last piece is written.
enum CountsCSVStreaming {
    static let pieceBytes = 1 << 20

    static func write(chosen: [ReportResult], to url: URL) throws(TableError) {
        try AtomicFile.write(to: url) { (file: AtomicFileWriter) throws(TableError) in
            var writer = CSVDialect.writer()
            writer.appendRow(CountTables.countsHeader)
            for result in chosen {
                CountTables.appendCountsRows(of: result, to: &writer)
                if writer.bytes.count >= pieceBytes {
                    try file.write(writer.takeBytes())
                }
            }
            try file.write(writer.takeBytes())
        }
    }
}
