import Foundation
import NQPLexicon
import NQPTable

/// The report-level output files: `reports.csv`, `counts.csv`, `kwic.csv`, `errors.csv`. Each function returns
/// the file's bytes; `OutputWriter` writes them atomically.
enum ReportTables {
    /// One row per report (and per quarantined file), sorted by file.
    static func reportsCSV(results: [ReportResult], failures: [ReportStage.FailedReport],
                           status: [String: String]) -> [UInt8] {
        var rows: [(file: String, fields: [String])] = []
        for result in results {
            let sections = result.sections.map { "\($0.name)[\($0.start)..<\($0.end)]" }.joined(separator: ";")
            rows.append((result.file, [
                result.file, result.firm ?? "", result.year.map(String.init) ?? "", result.format, result.encoding,
                String(result.bytes), String(result.chars), String(result.decodeErrors), sections,
                status[result.file] ?? "ok", result.warnings.joined(separator: "; "),
            ]))
        }
        for failure in failures {
            rows.append((failure.file, [failure.file, "", "", "", "", "", "", "", "", "quarantined",
                                        "[\(failure.stage)] \(failure.reason)"]))
        }
        rows.sort { $0.file.utf8.lexicographicallyPrecedes($1.file.utf8) }
        return csv(header: ["file", "firm", "year", "format", "encoding", "bytes", "chars", "decode_errors",
                            "sections", "status", "warnings"], rows: rows.map(\.fields))
    }

    /// Tidy keyword counts of the reports in the panel: one row per firm-year, dictionary, category and keyword.
    static func countsCSV(chosen: [ReportResult]) -> [UInt8] {
        var rows: [[String]] = []
        for result in chosen {
            guard let firm = result.firm, let year = result.year else { continue }
            for counts in result.counts {
                for tally in counts.keywords {
                    for category in tally.categories {
                        rows.append([firm, String(year), counts.dictionary, category, tally.keyword,
                                     String(tally.count), String(tally.negated), String(tally.excluded), result.file])
                    }
                }
            }
        }
        return csv(header: ["firm", "year", "dictionary", "category", "keyword", "count", "negated", "excluded",
                            "file"], rows: rows)
    }

    /// Every hit with its context, for auditing a count.
    static func kwicCSV(chosen: [ReportResult]) -> [UInt8] {
        var rows: [[String]] = []
        for result in chosen {
            guard let firm = result.firm, let year = result.year else { continue }
            for counts in result.counts {
                for hit in counts.hits {
                    rows.append([firm, String(year), result.file, counts.dictionary, hit.keyword,
                                 counts.keywords[hit.keywordIndex].categories.joined(separator: ";"),
                                 hit.status.rawValue, hit.reason ?? "", String(hit.start), hit.before, hit.matched,
                                 hit.after])
                }
            }
        }
        return csv(header: ["firm", "year", "file", "dictionary", "keyword", "categories", "status", "reason",
                            "offset", "before", "match", "after"], rows: rows)
    }

    static func errorsCSV(_ failures: [ReportStage.FailedReport]) -> [UInt8] {
        csv(header: ErrorsCSV.columns, rows: failures.map {
            [$0.file, $0.sha256, $0.stage, $0.reason, $0.firstSeen, $0.lastSeen]
        })
    }

    static func csv(header: [String], rows: [[String]], byteOrderMark: Bool = false) -> [UInt8] {
        // CSVWriter only rejects invalid delimiter options; the defaults are valid.
        guard var writer = try? CSVWriter(options: .init(byteOrderMark: byteOrderMark, lineEnding: .lf)) else {
            return []
        }
        writer.appendRow(header)
        for row in rows { writer.appendRow(row) }
        return writer.takeBytes()
    }
}
