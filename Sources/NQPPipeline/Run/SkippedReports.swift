import NQPConfig

/// Sets aside the reports `reports.skip` names (summaries, English versions, cancelled and interim reports)
/// before duplicates are resolved, so a summary never competes with, or is counted beside, its full report.
/// Skipped reports stay in `reports.csv` with their kind and a `skipped: …` status; a warning names each one.
enum SkippedReports {
    struct Split {
        var kept: [ReportResult]
        /// File → status for `reports.csv`.
        var status: [String: String]
        var warnings: [String]
    }

    static func split(_ results: [ReportResult], skip: [ReportSkip]) -> Split {
        var split = Split(kept: [], status: [:], warnings: [])
        for result in results {
            guard let document = result.document, let reason = skip.first(where: { $0.matches(document) }) else {
                split.kept.append(result)
                continue
            }
            let what = "\(document.description), from the \(document.source == .filename ? "file name" : "first pages' title")"
            split.status[result.file] = "skipped: \(reason.rawValue) (\(what))"
            split.warnings.append("\(result.file): skipped as \(reason.rawValue) (\(what)); remove '\(reason.rawValue)' from reports.skip to count it")
        }
        return split
    }
}
