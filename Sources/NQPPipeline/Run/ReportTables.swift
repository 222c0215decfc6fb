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
                result.file, result.firm ?? "", result.year.map(String.init) ?? "", result.format, result.encoding,
                String(result.bytes), String(result.chars), String(result.decodeErrors), sections,
                status[result.file] ?? "ok", result.warnings.joined(separator: "; "), result.identityRoute,
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

    /// Tidy keyword counts of the reports in the panel: one row per firm-year, dictionary, category and keyword.
    /// `nqp run` streams the same rows into the file (`CountsCSVStreaming`); this builds them in memory.
    static func countsCSV(chosen: [ReportResult]) -> [UInt8] {
        guard var writer = makeWriter() else { return [] }
        appendCountsHeader(to: &writer)
        for result in chosen { appendCountsRows(of: result, to: &writer) }
        return writer.takeBytes()
    }

    static func appendCountsHeader(to writer: inout CSVWriter) {
        writer.appendRow(["firm", "year", "dictionary", "category", "keyword", "count", "negated", "excluded", "file"])
    }

    /// The counts.csv rows of one report (none without firm and year): the one renderer of the file.
    static func appendCountsRows(of result: ReportResult, to writer: inout CSVWriter) {
        guard let firm = result.firm, let year = result.year.map(String.init) else { return }
        for counts in result.counts {
            for tally in counts.keywords {
                for category in tally.categories {
                    writer.appendField(firm)
                    writer.appendField(year)
                    writer.appendField(counts.dictionary)
                    writer.appendField(category)
                    writer.appendField(tally.keyword)
                    writer.appendNumber(Double(tally.count))
                    writer.appendNumber(Double(tally.negated))
                    writer.appendNumber(Double(tally.excluded))
                    writer.appendField(result.file)
                    writer.endRow()
                }
            }
        }
    }

    /// Every hit with its context, for auditing a count.
    static func kwicCSV(chosen: [ReportResult]) -> [UInt8] {
        guard var writer = makeWriter() else { return [] }
        writer.appendRow(["firm", "year", "file", "dictionary", "keyword", "categories", "status", "reason",
                          "offset", "before", "match", "after", "page"])
        for result in chosen {
            guard let firm = result.firm, let year = result.year else { continue }
            for counts in result.counts {
                for hit in counts.hits {
                    writer.appendRow([firm, String(year), result.file, counts.dictionary, hit.keyword,
                                      counts.keywords[hit.keywordIndex].categories.joined(separator: ";"),
                                      hit.status.rawValue, hit.reason ?? "", String(hit.start), hit.before,
                                      hit.matched, hit.after, result.page(atOffset: hit.start).map(String.init) ?? ""])
                }
            }
        }
        return writer.takeBytes()
    }

    static func errorsCSV(_ failures: [ReportStage.FailedReport]) -> [UInt8] {
        csv(header: ErrorsCSV.columns, rows: failures.map {
            [$0.file, $0.sha256, $0.stage, $0.reason, $0.firstSeen, $0.lastSeen]
        })
    }

    /// Rows of `errors.csv` for what discovery skipped (stage `discover`, no hash: the file was never opened).
    static func discoveryFailures(_ problems: [DiscoveryProblem], at date: Date) -> [ReportStage.FailedReport] {
        let time = BatchTimestamp.string(from: date)
        return problems.map {
            ReportStage.FailedReport(file: $0.displayPath, sha256: "", stage: "discover", reason: $0.reason,
                                     firstSeen: time, lastSeen: time)
        }
    }

    static func csv(header: [String], rows: [[String]]) -> [UInt8] {
        guard var writer = makeWriter() else { return [] }
        writer.appendRow(header)
        for row in rows { writer.appendRow(row) }
        return writer.takeBytes()
    }

    /// The pipeline's CSV dialect: UTF-8, comma, RFC 4180 quoting, LF line ends.
    static func makeWriter() -> CSVWriter? {
        // CSVWriter only rejects invalid delimiter options; these are valid, so nil never happens.
        try? CSVWriter(options: .init(byteOrderMark: false, lineEnding: .lf))
    }
}
