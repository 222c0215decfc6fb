import NQPLexicon

/// How a file's outcome is kept in the state store: the report results with their counts in compact form
/// (numbers in dictionary order; the dictionary restores keyword texts and categories, and is pinned by the
/// result key). A no-change rerun over thousands of reports decodes these; the full form was ten times slower.
struct StoredOutcome: Codable {
    struct StoredResult: Codable {
        /// The result without its counts.
        var report: ReportResult
        var counts: [CompactKeywordCounts]
    }

    var results: [StoredResult]
    var failures: [ReportFailure]

    init(_ outcome: FileOutcome) {
        results = outcome.results.map { result in
            var report = result
            report.counts = []
            return StoredResult(report: report, counts: result.counts.map(CompactKeywordCounts.init))
        }
        failures = outcome.failures
    }

    /// The full outcome, or nil when the stored counts do not fit `dictionaries` (the report is then quarantined as
    /// an unreadable cached result until a run with `--force`).
    func expanded(with dictionaries: [KeywordDictionary]) -> FileOutcome? {
        var outcome = FileOutcome(failures: failures)
        for stored in results {
            guard stored.counts.count == 0 || stored.counts.count == dictionaries.count else { return nil }
            var report = stored.report
            report.counts = []
            for (compact, dictionary) in zip(stored.counts, dictionaries) {
                guard let counts = compact.expanded(with: dictionary) else { return nil }
                report.counts.append(counts)
            }
            outcome.results.append(report)
        }
        return outcome
    }
}
