/// What the page takes from `counts.csv`: per dictionary, counted hits per category and year, and per keyword the
/// hits summed over reports. `ReportReader` fills it row by row from the file; `nqp run` fills it with the same
/// rows while it writes the file (README, "The run report"), so the page of a run does not read its largest
/// output a second time. Either way one `add` per row, so both give the same page.
public struct CountsAggregate: Sendable {
    /// Dictionaries in the order of their first row.
    private(set) var order: [String] = []
    /// Dictionary → category → year → counted hits.
    private(set) var categoryYearTotals: [String: [String: [Int: Int]]] = [:]
    /// Dictionary → keyword → totals.
    private(set) var keywords: [String: [String: KeywordTotals]] = [:]
    private var previous: (file: String, dictionary: String, keyword: String) = ("", "", "")

    public init() {}

    /// One row of `counts.csv` (`year` nil when the row's year is empty or not a number).
    public mutating func add(year: Int?, dictionary: String, category: String, keyword: String, file: String,
                             count: Int, negated: Int, excluded: Int) {
        note(dictionary: dictionary)
        if let year {
            add(dictionary: dictionary, category: category, year: year, count: count)
        }
        // A keyword in several categories has one row per category with the same hits: count it once
        // (its rows are adjacent: counts.csv lists a report's keywords with their categories innermost).
        guard (file, dictionary, keyword) != previous else { return }
        previous = (file, dictionary, keyword)
        add(dictionary: dictionary, keyword: keyword, counted: count, negated: negated, excluded: excluded)
    }

    // The parts of `add`, for a writer that sums rows ahead: the sums are the same in any grouping.

    /// A row of `dictionary` was written (fixes the dictionaries' order).
    public mutating func note(dictionary: String) {
        if categoryYearTotals[dictionary] == nil {
            categoryYearTotals[dictionary] = [:]
            order.append(dictionary)
        }
    }

    /// Rows of `category` in `year` with `count` counted hits in all (zero still marks the category and year).
    public mutating func add(dictionary: String, category: String, year: Int, count: Int) {
        categoryYearTotals[dictionary, default: [:]][category, default: [:]][year, default: 0] += count
    }

    /// Hits of `keyword`, each report's once.
    public mutating func add(dictionary: String, keyword: String, counted: Int, negated: Int, excluded: Int) {
        keywords[dictionary, default: [:]][keyword, default: KeywordTotals(keyword: keyword, counted: 0, negated: 0,
                                                                           excluded: 0)].add(counted, negated, excluded)
    }
}

extension CountsAggregate {
    /// Adds what `other` summed (its dictionaries after this one's).
    public mutating func merge(_ other: CountsAggregate) {
        for dictionary in other.order { note(dictionary: dictionary) }
        for (dictionary, categories) in other.categoryYearTotals {
            for (category, years) in categories {
                for (year, count) in years { add(dictionary: dictionary, category: category, year: year, count: count) }
            }
        }
        for (dictionary, keywords) in other.keywords {
            for totals in keywords.values {
                add(dictionary: dictionary, keyword: totals.keyword, counted: totals.counted, negated: totals.negated,
                    excluded: totals.excluded)
            }
        }
    }
}

extension KeywordTotals {
    mutating func add(_ counted: Int, _ negated: Int, _ excluded: Int) {
        self.counted += counted
        self.negated += negated
        self.excluded += excluded
    }
}
