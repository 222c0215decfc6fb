import Foundation
import NQPLexicon
import NQPReport
import NQPTable

/// `counts.csv` written while it is rendered: with 10,000 reports × 90 keywords it is about 80 MB, which a run
/// that changed one report should neither hold in memory nor build before writing. The rows are those of
/// `CountTables.appendCountsRows` (one renderer for the file, whoever writes it); they reach the temporary file in
/// pieces of about a mebibyte, and the file appears atomically when the last piece is written.
///
/// The same pass sums the rows for the run report (`CountsAggregate`), so the page does not parse the file again.
enum CountsCSVStreaming {
    static let pieceBytes = 1 << 20

    static func write(chosen: [ReportResult], to url: URL) throws(TableError) -> CountsAggregate {
        var sums = CountsRowSums()
        try AtomicFile.write(to: url) { (file: AtomicFileWriter) throws(TableError) in
            var writer = CSVDialect.writer()
            writer.appendRow(CountTables.countsHeader)
            var pieces = CountsRowPieces()
            for result in chosen {
                CountTables.appendCountsRows(of: result, to: &writer, reusing: &pieces)
                sums.add(result)
                if writer.bytes.count >= pieceBytes {
                    try file.write(writer.takeBytes())
                }
            }
            try file.write(writer.takeBytes())
        }
        return sums.aggregate()
    }
}

/// The rows of `counts.csv` summed per dictionary, year and keyword position before they reach `CountsAggregate`:
/// every report of a dictionary has the same keywords in the same order, so a report's rows add into arrays instead
/// of costing a few string-keyed look-ups each (900,000 rows for 10,000 reports). A report whose keywords differ
/// from the first one's goes to the aggregate row by row, as the page would read it from the file.
struct CountsRowSums {
    private struct Slot {
        var dictionary: String
        var keywords: [String]
        var categories: [[String]]
        var counted: [Int], negated: [Int], excluded: [Int]
        /// Per year (in the order first seen), counted hits per keyword position; every position with a category
        /// has rows in each of these years.
        var years: [Int] = []
        var yearCounts: [[Int]] = []
        var yearIndex: [Int: Int] = [:]

        mutating func add(_ counts: KeywordCounts, year: Int?) {
            var row: Int?
            if let year {
                if let known = yearIndex[year] {
                    row = known
                } else {
                    row = years.count
                    yearIndex[year] = years.count
                    years.append(year)
                    yearCounts.append(Array(repeating: 0, count: keywords.count))
                }
            }
            for (position, tally) in counts.keywords.enumerated() where !categories[position].isEmpty {
                counted[position] += tally.count
                negated[position] += tally.negated
                excluded[position] += tally.excluded
                if let row { yearCounts[row][position] += tally.count }
            }
        }
    }

    private var slots: [Slot] = []
    private var slotOf: [String: Int] = [:]
    private var rest = CountsAggregate()
    /// Dictionaries in the order of their first row, and which of them only `rest` holds rows of.
    private var order: [String] = []

    mutating func add(_ result: ReportResult) {
        for counts in result.counts {
            // Rows exist only for keywords with a category; a dictionary without such keywords writes none.
            guard counts.keywords.contains(where: { !$0.categories.isEmpty }) else { continue }
            if !order.contains(counts.dictionary) { order.append(counts.dictionary) }
            let index: Int
            if let known = slotOf[counts.dictionary] {
                index = known
            } else {
                index = slots.count
                slotOf[counts.dictionary] = index
                let n = counts.keywords.count
                slots.append(Slot(dictionary: counts.dictionary, keywords: counts.keywords.map(\.keyword),
                                  categories: counts.keywords.map(\.categories),
                                  counted: Array(repeating: 0, count: n), negated: Array(repeating: 0, count: n),
                                  excluded: Array(repeating: 0, count: n)))
            }
            guard counts.hasLayout(keywords: slots[index].keywords, categories: slots[index].categories) else {
                addRows(counts, of: result)
                continue
            }
            slots[index].add(counts, year: result.year)
        }
    }

    private mutating func addRows(_ counts: KeywordCounts, of result: ReportResult) {
        for tally in counts.keywords {
            for category in tally.categories {
                rest.add(year: result.year, dictionary: counts.dictionary, category: category, keyword: tally.keyword,
                         file: result.file, count: tally.count, negated: tally.negated, excluded: tally.excluded)
            }
        }
    }

    func aggregate() -> CountsAggregate {
        var aggregate = CountsAggregate()
        for dictionary in order { aggregate.note(dictionary: dictionary) }
        for slot in slots {
            for (year, counts) in zip(slot.years, slot.yearCounts) {
                for (position, categories) in slot.categories.enumerated() {
                    for category in categories {
                        aggregate.add(dictionary: slot.dictionary, category: category, year: year,
                                      count: counts[position])
                    }
                }
            }
            for position in slot.keywords.indices where !slot.categories[position].isEmpty {
                aggregate.add(dictionary: slot.dictionary, keyword: slot.keywords[position],
                              counted: slot.counted[position], negated: slot.negated[position],
                              excluded: slot.excluded[position])
            }
        }
        aggregate.merge(rest)
        return aggregate
    }
}
