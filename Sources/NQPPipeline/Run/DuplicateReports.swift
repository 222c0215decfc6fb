import NQPConfig
import NQPExtract
import NQPPanel
import NQPTable

/// Chooses one report per firm-year when several claim it (a corrected version, a duplicate download): the one
/// the report manifest lists, else by the configured rule; says which files were set aside. Never a silent
/// double count.
enum DuplicateReports {
    struct Choice {
        /// The reports that feed the panel, sorted by firm and year.
        var chosen: [ReportResult]
        /// File → status for `reports.csv` ("duplicate of X", "duplicate (rule error)").
        var status: [String: String]
        var warnings: [String]
    }

    static func choose(_ results: [ReportResult], rule: DuplicateReportRule) -> Choice {
        var groups: [PanelKey: [ReportResult]] = [:]
        for result in results {
            guard let firm = result.firm, let year = result.year else { continue }
            groups[PanelKey(firm: firm, year: year), default: []].append(result)
        }
        var choice = Choice(chosen: [], status: [:], warnings: [])
        for key in groups.keys.sorted() {
            // Sorted by filing date when the SEC header gives one (an amendment 10-K/A sorts after its 10-K), then
            // by file name: cninfo names begin with the publication date, so the last is the latest.
            guard let group = groups[key]?.sorted(by: { a, b in
                let filedA = a.filed ?? "", filedB = b.filed ?? ""
                if filedA != filedB { return filedA < filedB }
                return a.file.utf8.lexicographicallyPrecedes(b.file.utf8)
            }),
                  let first = group.first, let last = group.last else { continue }
            if group.count == 1 {
                choice.chosen.append(first)
                continue
            }
            let names = group.map(\.file).joined(separator: ", ")
            // A report the manifest names for this firm-year wins over the rule: the user chose it explicitly.
            let listed = group.filter { $0.identityRoute.isFromManifest }
            if listed.count == 1, let kept = listed.first {
                choice.chosen.append(kept)
                for other in group where other.file != kept.file {
                    choice.status[other.file] = "duplicate: \(key.firm) \(key.year) taken from \(kept.file) (listed in the manifest)"
                }
                choice.warnings.append("\(group.count) reports for \(key.firm) \(key.year) (\(names)); kept \(kept.file), the one the manifest lists")
                continue
            }
            switch rule {
            case .latest, .first:
                // `latest` prefers a corrected publication (更正后, 修订版 …) to the original and never picks a
                // cancelled one over another, then the name sorting last; `first` is plain name order.
                let best = group.map(Self.preference).max() ?? 1
                let kept = rule == .latest ? (group.last { Self.preference($0) == best } ?? last) : first
                choice.chosen.append(kept)
                for other in group where other.file != kept.file {
                    choice.status[other.file] = "duplicate: \(key.firm) \(key.year) taken from \(kept.file)"
                }
                choice.warnings.append("\(group.count) reports for \(key.firm) \(key.year) (\(names)); kept \(kept.file) by rule '\(rule.rawValue)'\(kept.document?.version == .corrected && rule == .latest ? " (the corrected version)" : "")")
            case .error:
                for other in group {
                    choice.status[other.file] = "duplicate: \(key.firm) \(key.year) left out (rule 'error')"
                }
                choice.warnings.append("\(group.count) reports for \(key.firm) \(key.year) (\(names)); none used (rule 'error'): keep one or list the right one in the manifest")
            }
        }
        return choice
    }

    /// Corrected over original over cancelled; reports cached without a kind count as original.
    static func preference(_ result: ReportResult) -> Int {
        switch result.document?.version ?? .original {
        case .corrected: 2
        case .original: 1
        case .cancelled: 0
        }
    }
}
