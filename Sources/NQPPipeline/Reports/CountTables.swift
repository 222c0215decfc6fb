import NQPLexicon
import NQPTable

/// The keyword tables: `counts.csv` and `kwic.csv` of a run (README "Outputs"), which are also exactly what
/// `nqp count` and `nqp count --kwic` print, so a count checked on one file reads like the run's.
public enum CountTables {
    /// `counts.csv`: one row per report, dictionary, category and keyword (zeros included). `chars` is the length
    /// of the counted scope in Unicode characters, the denominator of the scaled measures.
    public static let countsHeader = ["firm", "year", "dictionary", "category", "keyword", "count", "negated",
                                      "excluded", "file", "chars"]
    /// `kwic.csv`: one row per hit with its context; `page` is the PDF page, empty for other formats.
    public static let kwicHeader = ["firm", "year", "file", "dictionary", "keyword", "categories", "status", "reason",
                                    "offset", "before", "match", "after", "page"]

    /// Appends the `counts.csv` rows of one report. Firm and year are empty when unknown (only `nqp count` shows
    /// such reports; a run quarantines them).
    public static func appendCountsRows(of result: ReportResult, to writer: inout CSVWriter) {
        var pieces = CountsRowPieces()
        appendCountsRows(of: result, to: &writer, reusing: &pieces)
    }

    /// The same rows, with the columns every report repeats (dictionary, category, keyword) rendered once in
    /// `pieces` for all the reports of a table: 900,000 rows for 10,000 reports.
    static func appendCountsRows(of result: ReportResult, to writer: inout CSVWriter,
                                 reusing pieces: inout CountsRowPieces) {
        var scratch = writer.pieceWriter()
        scratch.appendField(result.firm ?? "")
        scratch.appendField(result.year.map(String.init) ?? "")
        let key = scratch.takePiece()
        for counts in result.counts {
            scratch.appendField(result.file)
            scratch.appendNumber(Double(counts.chars))
            let tail = scratch.takePiece()
            let middles = pieces.middles(of: counts, writer: writer)
            for (position, tally) in counts.keywords.enumerated() {
                for middle in middles[position] {
                    writer.appendRendered(key)
                    writer.appendRendered(middle)
                    writer.appendNumber(Double(tally.count))
                    writer.appendNumber(Double(tally.negated))
                    writer.appendNumber(Double(tally.excluded))
                    writer.appendRendered(tail)
                    writer.endRow()
                }
            }
        }
    }

    /// Appends the `kwic.csv` rows of one report (its hits, in text order per dictionary).
    public static func appendKwicRows(of result: ReportResult, to writer: inout CSVWriter) {
        let firm = result.firm ?? "", year = result.year.map(String.init) ?? ""
        for counts in result.counts {
            for hit in counts.hits {
                writer.appendRow([firm, year, result.file, counts.dictionary, hit.keyword,
                                  counts.keywords[hit.keywordIndex].categories.joined(separator: ";"),
                                  hit.status.rawValue, hit.reason ?? "", String(hit.start), hit.before,
                                  hit.matched, hit.after, result.page(atOffset: hit.start).map(String.init) ?? ""])
            }
        }
    }

    /// The whole `counts.csv` of `results`, in their order. Written straight into the CSV buffer: with thousands
    /// of reports this is the largest output.
    public static func countsCSV(_ results: [ReportResult]) -> [UInt8] {
        table(countsHeader, results, appendCountsRows)
    }

    /// The whole `kwic.csv` of `results`, in their order.
    public static func kwicCSV(_ results: [ReportResult]) -> [UInt8] {
        table(kwicHeader, results, appendKwicRows)
    }

    private static func table(_ header: [String], _ results: [ReportResult],
                              _ append: (ReportResult, inout CSVWriter) -> Void) -> [UInt8] {
        var writer = CSVDialect.writer()
        writer.appendRow(header)
        for result in results { append(result, &writer) }
        return writer.takeBytes()
    }

}

/// The `dictionary,category,keyword` fields of `counts.csv` rows, rendered once per dictionary, keyword and
/// category. Reports counted with one dictionary list the same keywords in the same order; counts that list others
/// under the same name are rendered afresh (and replace the remembered ones).
struct CountsRowPieces {
    private struct Rendered {
        var keywords: [String]
        var categories: [[String]]
        /// Per keyword position, one rendered piece per category.
        var middles: [[[UInt8]]]
    }

    private var byDictionary: [String: Rendered] = [:]

    mutating func middles(of counts: KeywordCounts, writer: CSVWriter) -> [[[UInt8]]] {
        if let known = byDictionary[counts.dictionary],
           counts.hasLayout(keywords: known.keywords, categories: known.categories) {
            return known.middles
        }
        var scratch = writer.pieceWriter()
        let middles = counts.keywords.map { tally in
            tally.categories.map { category -> [UInt8] in
                scratch.appendField(counts.dictionary)
                scratch.appendField(category)
                scratch.appendField(tally.keyword)
                return scratch.takePiece()
            }
        }
        byDictionary[counts.dictionary] = Rendered(keywords: counts.keywords.map(\.keyword),
                                                   categories: counts.keywords.map(\.categories), middles: middles)
        return middles
    }
}
