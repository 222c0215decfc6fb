import Foundation
import NQPLexicon
import NQPTable

/// The report-level output files: `reports.csv`, `counts.csv`, `kwic.csv`, `errors.csv`. Each function returns
/// the file's bytes; `OutputWriter` writes them atomically.
enum ReportTables {
    /// The columns of `reports.csv` (README "Outputs"), in the order `reportsCSV` writes them.
    static let reportsHeader = ["file", "firm", "year", "format", "encoding", "bytes", "chars", "decode_errors",
                                "sections", "status", "warnings", "identified_by", "pages", "running_lines_removed",
                                "form_type", "company", "kind", "version"]

    /// One row per report (and per quarantined file), sorted by file.
    static func reportsCSV(results: [ReportResult], failures: [ReportStage.FailedReport],
                           status: [String: String]) -> [UInt8] {
        var rows: [(file: String, fields: [String])] = []
        for result in results {
            let sections = result.sections.map {
                "\($0.name)\($0.document.map { "@" + $0 } ?? "")[\($0.start)..<\($0.end)]"
            }.joined(separator: ";")
            rows.append((result.file, [
                result.file, result.firm ?? "", result.year.map(String.init) ?? "", result.format.rawValue, result.encoding,
                String(result.bytes), String(result.chars), String(result.decodeErrors), sections,
                status[result.file] ?? "ok", result.warnings.joined(separator: "; "), result.identityRoute.rawValue,
                result.pages.map { String($0.count) } ?? "", result.pages.map { String($0.runningLinesRemoved) } ?? "",
                result.formType ?? "", result.company ?? "",
                result.document?.kind.rawValue ?? "", result.document?.version.rawValue ?? "",
            ]))
        }
        for failure in failures {
            // A quarantined file has a name, a status and a reason; every other column is empty.
            var fields = [String](repeating: "", count: reportsHeader.count)
            fields[0] = failure.file
            fields[9] = "quarantined"
            fields[10] = "[\(failure.stage)] \(failure.reason)"
            rows.append((failure.file, fields))
        }
        rows.sort { $0.file.utf8.lexicographicallyPrecedes($1.file.utf8) }
        return csv(header: reportsHeader, rows: rows.map(\.fields))
    }

    /// `counts.csv` of the reports in the panel (`CountTables`, the same rows as `nqp count`).
    static func countsCSV(chosen: [ReportResult]) -> [UInt8] { CountTables.countsCSV(chosen) }

    /// `kwic.csv`: every hit of the reports in the panel with its context, for auditing a count.
    static func kwicCSV(chosen: [ReportResult]) -> [UInt8] { CountTables.kwicCSV(chosen) }

    static func errorsCSV(_ failures: [ReportStage.FailedReport]) -> [UInt8] {
        csv(header: ErrorsCSV.columns, rows: failures.map {
            [$0.file, $0.sha256, $0.stage.rawValue, $0.reason, $0.firstSeen, $0.lastSeen]
        })
    }

    /// Rows of `errors.csv` for what discovery skipped (stage `discover`, no hash: the file was never opened).
    static func discoveryFailures(_ problems: [DiscoveryProblem], at date: Date) -> [ReportStage.FailedReport] {
        let time = BatchTimestamp.string(from: date)
        return problems.map {
            ReportStage.FailedReport(file: $0.displayPath, sha256: "", stage: .discover, reason: $0.reason,
                                     firstSeen: time, lastSeen: time)
        }
    }

    static func csv(header: [String], rows: [[String]]) -> [UInt8] {
        CSVDialect.file(header: header, rows: rows)
    }
}
