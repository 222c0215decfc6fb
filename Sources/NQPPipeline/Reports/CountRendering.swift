import Foundation
import NQPLexicon

/// Renders `nqp count` output: per file and category (zeros included), or per hit with `--kwic`.
public struct CountRendering: Sendable {
    public var kwic: Bool

    public init(kwic: Bool) { self.kwic = kwic }

    public var header: [String] {
        kwic ? ["file", "firm", "year", "dictionary", "keyword", "category", "status", "offset", "before", "match", "after",
                "page"]
             : ["file", "firm", "year", "dictionary", "category", "count", "chars"]
    }

    /// The CSV rows of one report.
    public func rows(_ result: ReportResult) -> [[String]] {
        var rows: [[String]] = []
        let firm = result.firm ?? "", year = result.year.map(String.init) ?? ""
        for counts in result.counts {
            if kwic {
                for hit in counts.hits {
                    let categories = counts.keywords[hit.keywordIndex].categories.joined(separator: ";")
                    rows.append([result.file, firm, year, counts.dictionary, hit.keyword, categories,
                                 hit.status.rawValue, String(hit.start), hit.before, hit.matched, hit.after,
                                 result.page(atOffset: hit.start).map(String.init) ?? ""])
                }
            } else {
                for category in counts.categories {
                    rows.append([result.file, firm, year, counts.dictionary, category.name, String(category.count),
                                 String(counts.chars)])
                }
            }
        }
        return rows
    }

    /// The whole CSV (LF line ends, RFC 4180 quoting).
    public func csv(_ results: [ReportResult]) -> [UInt8] {
        ReportTables.csv(header: header, rows: results.flatMap(rows))
    }

    public func jsonLine(_ result: ReportResult) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try encoder.encode(result), as: UTF8.self)
    }
}
