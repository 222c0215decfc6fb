import Foundation
import NQPLexicon
import NQPTable
import NQPEncoding

/// Reads the output folder's files into `ReportData`. Used by `nqp run` (on the files it just wrote) and by
/// `nqp report` (on an existing folder): one code path, so the page never depends on in-memory state.
///
/// Big files (counts.csv, panel.csv) are streamed and aggregated row by row. A missing or malformed file is
/// noted on the page (`unreadable`) and its section left out; reading never fails the run.
public struct ReportReader {
    public let folder: URL
    /// Only these file names are read (what the run wrote); nil = every known file present in the folder.
    public let files: Set<String>?

    static let quarantineListLimit = 100
    static let keywordLimit = 20
    static let warningKindLimit = 40
    /// Long messages are cut on the page (the CSVs keep them whole).
    static let messageLimit = 300

    static func clipped(_ text: String) -> String {
        text.count <= messageLimit ? text : String(text.prefix(messageLimit)) + "…"
    }

    /// The rows of `counts.csv` already summed by whoever wrote the file (`nqp run`); nil = read the file.
    public let countsAggregate: CountsAggregate?

    public init(folder: URL, files: Set<String>? = nil, countsAggregate: CountsAggregate? = nil) {
        self.folder = folder
        self.files = files
        self.countsAggregate = countsAggregate
    }

    func location(_ name: String) -> URL? {
        if let files, !files.contains(name) { return nil }
        let url = folder.appendingPathComponent(name)
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    public func read(incomplete: IncompleteRun? = nil) -> ReportData {
        var data = ReportData()
        data.incomplete = incomplete
        var manifest: Manifest?
        if incomplete == nil, let url = location("manifest.json") {
            do {
                manifest = try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: url))
            } catch {
                data.unreadable.append(FileProblem(file: "manifest.json", reason: FileErrorReason.describe(error)))
            }
        }
        data.run = manifest.map(Self.runInfo)
        var warnings = WarningGroups()
        do {
            data.coverage = try coverage(warnings: &warnings)
        } catch {
            data.unreadable.append(error.problem)
        }
        let dictionaries = data.run?.dictionaries ?? []
        do {
            data.text = try textMeasures(dictionaries: dictionaries)
        } catch {
            data.unreadable.append(error.problem)
        }
        do {
            data.funnel = try funnel(manifest: manifest)
        } catch {
            data.unreadable.append(error.problem)
        }
        do {
            data.scores = try scores(manifest: manifest)
            try panelStatistics(&data, file: "\(manifest?.configuration?.output?.baseName ?? "panel").csv")
        } catch {
            data.unreadable.append(error.problem)
        }
        for warning in manifest?.warnings ?? [] { warnings.add(warning, example: warning) }
        let kinds = warnings.kinds
        data.warnings = Array(kinds.prefix(Self.warningKindLimit))
        data.warningKindsTotal = kinds.count
        return data
    }

    // MARK: - run

    static func runInfo(_ manifest: Manifest) -> RunInfo {
        let summary = manifest.summary
        let r = summary?.reports
        let counts = [NamedCount("new", r?.new ?? 0), NamedCount("changed", r?.changed ?? 0),
                      NamedCount("unchanged", r?.unchanged ?? 0), NamedCount("re-counted", r?.reconfigured ?? 0),
                      NamedCount("retried", r?.retried ?? 0), NamedCount("failed", r?.failed ?? 0),
                      NamedCount("removed", r?.removed ?? 0), NamedCount("quarantined", r?.quarantined ?? 0)]
        // A run that found its outputs up to date times only its "plan" stage (see Pipeline.upToDateSummary);
        // every run that makes outputs times "extract+count" and the later stages.
        let stages = (summary?.stageSeconds ?? []).map(\.stage)
        let noChange = stages == ["plan"]
        return RunInfo(version: manifest.version ?? "?", configFile: manifest.configFile ?? "",
                       configSHA256: manifest.configSHA256 ?? "", startedAt: manifest.startedAt ?? "",
                       finishedAt: manifest.finishedAt ?? "",
                       stageSeconds: (summary?.stageSeconds ?? []).map { NamedValue($0.stage, $0.seconds) },
                       reportCounts: counts, exitStatus: summary?.exitStatus ?? 0, firmYears: summary?.firmYears ?? 0,
                       noChange: noChange, scope: manifest.scope ?? "",
                       dictionaries: (manifest.dictionaries ?? []).map {
                           DictionaryInfo(name: $0.name, categoryColumns: $0.categories ?? [:])
                       })
    }

    // MARK: - coverage (reports.csv, errors.csv)

    func coverage(warnings: inout WarningGroups) throws(ReadError) -> Coverage? {
        guard let url = location("reports.csv") else { return nil }
        var coverage = Coverage()
        var routes: [String: Int] = [:], statuses: [String: Int] = [:]
        var formatTotals: [String: Int] = [:]
        var worst: [NamedCount] = []
        // Thousands of reports share a few warning cells ("MD&A not found: …"): split each distinct cell once.
        var splitCells: [String: [String]] = [:]
        try CSVTable.stream(url, name: "reports.csv", required: ["file", "year", "format", "status"]) { row in
            let status = row["status"]
            statuses[Self.statusKind(status), default: 0] += 1
            guard status != "quarantined" else { return }
            coverage.reports += 1
            let file = row["file"]
            let errors = Int(row["decode_errors"]) ?? 0
            if errors > 0 {
                coverage.decodeErrorReports += 1
                coverage.decodeErrors += errors
                worst.append(NamedCount(file, errors))
            }
            let route = row["identified_by"]
            if row.has("identified_by") { routes[route.isEmpty ? "none" : route, default: 0] += 1 }
            let cell = row["warnings"]
            let split: [String]
            if let known = splitCells[cell] {
                split = known
            } else {
                split = Self.splitWarnings(cell)
                splitCells[cell] = split
            }
            for warning in split { warnings.add(warning, example: "\(file): \(warning)") }
            guard let year = Int(row["year"]) else {
                coverage.withoutYear += 1
                return
            }
            let format = row["format"].isEmpty ? "unknown" : row["format"]
            coverage.perYearFormat[year, default: [:]][format, default: 0] += 1
            formatTotals[format, default: 0] += 1
            coverage.reportsPerYear[year, default: 0] += 1
            if row["sections"].split(separator: ";").contains(where: { $0.hasPrefix("mdna[") }) {
                coverage.mdnaFound[year, default: 0] += 1
            }
        }
        coverage.years = coverage.reportsPerYear.keys.sorted()
        // Largest format first (the bottom of each stack), ties by name: deterministic for any set of formats.
        coverage.formats = formatTotals.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map(\.key)
        coverage.routes = Self.sortedCounts(routes)
        coverage.statuses = Self.sortedCounts(statuses)
        coverage.worstDecoded = Array(worst.sorted { ($1.count, $0.name) < ($0.count, $1.name) }.prefix(20))
        if let errors = location("errors.csv") {
            try CSVTable.stream(errors, name: "errors.csv", required: ["file", "stage", "reason"]) { row in
                coverage.quarantineTotal += 1
                if coverage.quarantine.count < Self.quarantineListLimit {
                    coverage.quarantine.append(QuarantinedReport(file: row["file"], stage: row["stage"],
                                                                 reason: Self.clipped(row["reason"])))
                }
            }
        }
        return coverage
    }

    /// "duplicate of a.html" → "duplicate": statuses grouped by their kind.
    static func statusKind(_ status: String) -> String {
        if status.isEmpty { return "ok" }
        return String(status.prefix { $0 != " " && $0 != "(" })
    }

    /// reports.csv joins a report's warnings with "; "; a warning may itself contain "; " inside parentheses.
    static func splitWarnings(_ cell: String) -> [String] {
        guard !cell.isEmpty else { return [] }
        var parts: [String] = []
        for piece in cell.components(separatedBy: "; ") {
            if let last = parts.last, last.filter({ $0 == "(" }).count > last.filter({ $0 == ")" }).count {
                parts[parts.count - 1] = last + "; " + piece
            } else {
                parts.append(piece)
            }
        }
        return parts
    }

    static func sortedCounts(_ counts: [String: Int]) -> [NamedCount] {
        counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { NamedCount($0.key, $0.value) }
    }

    // MARK: - text measures (counts.csv; panel statistics in panelStatistics)

    func textMeasures(dictionaries: [DictionaryInfo]) throws(ReadError) -> [DictionaryMeasures] {
        var measures: [String: DictionaryMeasures] = [:]
        var order: [String] = dictionaries.map(\.name)
        for dictionary in dictionaries { measures[dictionary.name] = DictionaryMeasures(name: dictionary.name) }
        let url = location("counts.csv")
        var aggregate = url == nil ? nil : countsAggregate
        if aggregate == nil, let url {
            var read = CountsAggregate()
            try CSVTable.stream(url, name: "counts.csv",
                                required: ["year", "dictionary", "category", "keyword", "count", "negated", "excluded", "file"]) { row in
                read.add(year: Int(row["year"]), dictionary: row["dictionary"], category: row["category"],
                         keyword: row["keyword"], file: row["file"], count: Int(row["count"]) ?? 0,
                         negated: Int(row["negated"]) ?? 0, excluded: Int(row["excluded"]) ?? 0)
            }
            aggregate = read
        }
        if let aggregate {
            for dictionary in aggregate.order where measures[dictionary] == nil {
                measures[dictionary] = DictionaryMeasures(name: dictionary)
                order.append(dictionary)
            }
            for (dictionary, totals) in aggregate.categoryYearTotals {
                measures[dictionary]?.categoryYearTotals = totals
            }
            for (dictionary, byKeyword) in aggregate.keywords {
                // Keywords never found (no hit of any status) are not "top" keywords.
                let found = byKeyword.values.filter { $0.counted + $0.negated + $0.excluded > 0 }
                measures[dictionary]?.keywords = Array(found.sorted {
                    ($1.counted, $1.negated + $1.excluded, $0.keyword) < ($0.counted, $0.negated + $0.excluded, $1.keyword)
                }.prefix(Self.keywordLimit))
            }
        }
        for name in order {
            guard var m = measures[name] else { continue }
            let columns = dictionaries.first { $0.name == name }?.categoryColumns ?? [:]
            m.categories = Set(m.categoryYearTotals.keys).union(columns.keys).sorted {
                (columns[$0] ?? $0) < (columns[$1] ?? $1)
            }
            // The totals' column prefix is the head the category columns share (dt_ai, dt_cloud → dt), as
            // TextMeasures names them; `panelStatistics` checks the columns exist.
            let heads = Set(columns.values.map { $0.split(separator: "_").first.map(String.init) ?? $0 })
            let prefix: String
            if heads.count == 1, let head = heads.first, !head.isEmpty, columns.values.allSatisfy({ $0.contains("_") }) {
                prefix = head
            } else {
                prefix = ColumnName.derive(from: name, position: 0, avoiding: [])
            }
            m.indexColumn = "\(prefix)_index"
            m.totalColumn = "\(prefix)_total"
            measures[name] = m
        }
        return order.compactMap { measures[$0] }
    }

    // MARK: - merge and screens (merge_report.csv, manifest)

    func funnel(manifest: Manifest?) throws(ReadError) -> Funnel? {
        guard let url = location("merge_report.csv") else { return nil }
        var all: [String: Int] = [:]
        var sources: [String] = []
        var matched: [String: Int] = [:], rows: [String: Int] = [:]
        try CSVTable.stream(url, name: "merge_report.csv", required: ["source", "category", "count"]) { row in
            let source = row["source"], category = row["category"], count = Int(row["count"]) ?? 0
            if source == "all" {
                all[category] = count
            } else {
                if !sources.contains(source) { sources.append(source) }
                if category == "matched" { matched[source] = count }
                if category == "rows" { rows[source] = count }
            }
        }
        var funnel = Funnel()
        funnel.steps.append(FunnelStep(label: "text firm-years", count: all["text"] ?? 0,
                                       note: "firm-years with a report (merge_report.csv: all, text)"))
        for source in sources {
            funnel.steps.append(FunnelStep(label: "matched in \(source)", count: matched[source] ?? 0,
                                           note: "text firm-years found in source '\(source)' (\(rows[source] ?? 0) rows)"))
        }
        funnel.steps.append(FunnelStep(
            label: "kept by the merge", count: all["kept"] ?? 0,
            note: "\(all["matched"] ?? 0) matched, \(all["text_only"] ?? 0) text only, \(all["financials_only"] ?? 0) financials only; \(all["dropped"] ?? 0) dropped"))
        for step in manifest?.stages?.screens?.steps ?? [] {
            funnel.steps.append(FunnelStep(label: "after \(step.screen)", count: step.remaining,
                                           note: "\(step.dropped) dropped"))
        }
        funnel.cuts = (manifest?.stages?.screens?.cuts ?? []).map {
            WinsorCut(variable: $0.variable, lowerPercentile: $0.lowerPercentile, lower: $0.lower,
                      upperPercentile: $0.upperPercentile, upper: $0.upper, n: $0.n, clippedLow: $0.clippedLow,
                      clippedHigh: $0.clippedHigh)
        }.sorted { $0.variable < $1.variable }
        return funnel
    }

    // MARK: - scores (weights.csv, manifest)

    func scores(manifest: Manifest?) throws(ReadError) -> [ScoreSystem] {
        var systems: [ScoreSystem] = []
        if let url = location("weights.csv") {
            try CSVTable.stream(url, name: "weights.csv",
                                required: ["system", "level", "dimension", "indicator", "direction", "year", "e", "composite_weight"]) { row in
                let name = row["system"]
                // Systems in the order weights.csv lists them.
                let position = systems.firstIndex { $0.name == name } ?? {
                    systems.append(ScoreSystem(name: name))
                    return systems.count - 1
                }()
                var system = systems[position]
                let year = row["year"]
                if !system.years.contains(year) { system.years.append(year) }
                let level = Int(row["level"]) ?? 0
                let key = (row["dimension"], row["indicator"])
                let weight = Double(row["composite_weight"]) ?? .nan
                if let index = system.weights.firstIndex(where: { ($0.dimension, $0.indicator) == key }) {
                    system.weights[index].compositeWeight[year] = weight
                } else {
                    // Only indicators have an entropy (e); dimensions carry the sums of their indicators' weights.
                    system.weights.append(WeightLine(level: level, dimension: key.0, indicator: key.1,
                                                     direction: row["direction"], isIndicator: !row["e"].isEmpty,
                                                     compositeWeight: [year: weight]))
                }
                systems[position] = system
            }
        }
        for scoring in manifest?.scoring ?? [] {
            if let index = systems.firstIndex(where: { $0.name == scoring.system }) {
                systems[index].scoredRows = scoring.scoredRows
                systems[index].droppedRows = scoring.droppedRows
            }
        }
        return systems
    }

    // MARK: - panel.csv: index and score distributions per year

    func panelStatistics(_ data: inout ReportData, file: String) throws(ReadError) {
        guard let url = location(file) else { return }
        let wanted = data.text.flatMap { [$0.indexColumn, $0.totalColumn].compactMap { $0 } } + data.scores.map(\.name)
        var values: [String: [Int: [Double]]] = [:]
        var positives: [String: [Int: Int]] = [:]
        var missing: [String: Int] = [:]
        var present: Set<String> = []
        try CSVTable.stream(url, name: file, required: ["year"]) { row in
            if present.isEmpty { present = Set(wanted.filter(row.has)) }
            guard let year = Int(row["year"]) else { return }
            for column in present {
                guard let value = Double(row[column]), value.isFinite else {
                    missing[column, default: 0] += 1
                    continue
                }
                values[column, default: [:]][year, default: []].append(value)
            }
            for measure in data.text {
                if let total = measure.totalColumn, present.contains(total), let value = Double(row[total]), value > 0 {
                    positives[total, default: [:]][year, default: 0] += 1
                }
            }
        }
        for index in data.text.indices {
            guard let column = data.text[index].indexColumn, let byYear = values[column] else {
                data.text[index].indexColumn = nil
                continue
            }
            let total = data.text[index].totalColumn ?? ""
            data.text[index].perYear = byYear.keys.sorted().map { year in
                Statistics.yearStats(year: year, values: byYear[year] ?? [], positive: positives[total]?[year] ?? 0)
            }
        }
        for index in data.scores.indices {
            let name = data.scores[index].name
            data.scores[index].missingInPanel = missing[name] ?? 0
            guard let byYear = values[name] else { continue }
            data.scores[index].perYear = byYear.keys.sorted().map {
                Statistics.yearStats(year: $0, values: byYear[$0] ?? [], positive: 0)
            }
        }
    }
}

/// Mean, median and quartiles. Quartiles interpolate linearly between order statistics (R's default type 7,
/// numpy's default), so anyone can recompute them from panel.csv with `quantile()` / `np.percentile()`.
public enum Statistics {
    public static func yearStats(year: Int, values: [Double], positive: Int) -> YearStats {
        let sorted = values.sorted()
        let mean = sorted.isEmpty ? .nan : sorted.reduce(0, +) / Double(sorted.count)
        return YearStats(year: year, n: sorted.count, mean: mean, median: quantile(sorted, 0.5),
                         q1: quantile(sorted, 0.25), q3: quantile(sorted, 0.75), positive: positive)
    }

    /// The p-quantile of sorted values (type 7).
    public static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let h = Double(sorted.count - 1) * p
        let low = Int(h.rounded(.down))
        let high = min(low + 1, sorted.count - 1)
        return sorted[low] + (h - Double(low)) * (sorted[high] - sorted[low])
    }
}

/// Warnings grouped by kind: the message with its particulars (quoted names, numbers, paths) taken out.
struct WarningGroups {
    private var groups: [String: (count: Int, examples: [String])] = [:]
    /// Warning → kind: thousands of reports repeat a few warning texts, and `kind(of:)` walks every character.
    private var kindOf: [String: String] = [:]

    mutating func add(_ warning: String, example: String) {
        let kind: String
        if let known = kindOf[warning] {
            kind = known
        } else {
            kind = Self.kind(of: warning)
            kindOf[warning] = kind
        }
        var group = groups[kind] ?? (0, [])
        group.count += 1
        if group.examples.count < 5 { group.examples.append(ReportReader.clipped(example)) }
        groups[kind] = group
    }

    var kinds: [WarningKind] {
        groups.sorted { ($1.value.count, $0.key) < ($0.value.count, $1.key) }
            .map { WarningKind(kind: $0.key, count: $0.value.count, examples: $0.value.examples) }
    }

    /// The text before the first colon when it is short ("MD&A not found: …"), else the first six words; quoted
    /// parts become "…" and plain numbers "N", so `declared "gbk" …` and `declared "gb2312" …` are one kind.
    static func kind(of warning: String) -> String {
        var text = ""
        var inQuote = false
        for character in warning {
            if character == "\"" {
                if !inQuote { text += "\"…\"" }
                inQuote.toggle()
            } else if !inQuote {
                text.append(character)
            }
        }
        let words = text.split(separator: " ").map { word -> String in
            let core = word.trimmingCharacters(in: .punctuationCharacters)
            return !core.isEmpty && core.allSatisfy({ $0.isNumber || $0 == "," || $0 == "." })
                ? word.replacingOccurrences(of: core, with: "N") : String(word)
        }
        text = words.joined(separator: " ")
        if let colon = text.firstIndex(of: ":"), text.distance(from: text.startIndex, to: colon) <= 48 {
            return String(text[..<colon])
        }
        return words.prefix(6).joined(separator: " ") + (words.count > 6 ? " …" : "")
    }
}

struct ReadError: Error {
    var file: String
    var reason: String
    var problem: FileProblem { FileProblem(file: file, reason: reason) }
}

/// A CSV of the output folder read row by row, fields by column name.
struct CSVTable {
    struct Row {
        let index: [String: Int]
        let fields: [String]
        subscript(_ column: String) -> String {
            guard let i = index[column], i < fields.count else { return "" }
            return fields[i]
        }
        func has(_ column: String) -> Bool { index[column] != nil }
    }

    static func stream(_ url: URL, name: String, required: [String],
                       _ body: (Row) throws(ReadError) -> Void) throws(ReadError) {
        do {
            let reader = try CSVReader(contentsOf: url, options: CSVReadOptions(delimiter: ",", encoding: .utf8))
            guard let header = try reader.next() else { return }
            var index: [String: Int] = [:]
            for (i, column) in header.fields.enumerated() where index[column] == nil { index[column] = i }
            let missing = required.filter { index[$0] == nil }
            guard missing.isEmpty else {
                throw ReadError(file: name, reason: "no column \(missing.joined(separator: ", ")) in the header (line 1); rerun nqp run to rewrite the outputs")
            }
            while let record = try reader.next() {
                try body(Row(index: index, fields: record.fields))
            }
        } catch let error as ReadError {
            throw error
        } catch {
            throw ReadError(file: name, reason: FileErrorReason.describe(error))
        }
    }
}

/// The members of manifest.json the report uses (see RunManifest in NQPPipeline); every one optional, so an
/// older or newer manifest still gives a page.
struct Manifest: Decodable {
    struct Summary: Decodable {
        struct Reports: Decodable {
            var new, changed, unchanged, reconfigured, retried, failed, removed, quarantined: Int?
        }
        struct Stage: Decodable {
            var stage: String
            var seconds: Double
        }
        var reports: Reports?
        var firmYears: Int?
        var stageSeconds: [Stage]?
        var outputs: [String]?
        var exitStatus: Int?
        enum CodingKeys: String, CodingKey {
            case reports, firmYears = "firm_years", stageSeconds = "stage_seconds", outputs, exitStatus = "exit_status"
        }
    }
    struct Dictionary: Decodable {
        var name: String
        var categories: [String: String]?
    }
    struct Stages: Decodable {
        struct Screens: Decodable {
            struct Step: Decodable {
                var screen: String
                var dropped: Int
                var remaining: Int
            }
            struct Cut: Decodable {
                var variable: String
                var lower: Double
                var lowerPercentile: Double
                var upper: Double
                var upperPercentile: Double
                var n: Int
                var clippedLow: Int
                var clippedHigh: Int
            }
            var steps: [Step]?
            var cuts: [Cut]?
        }
        var screens: Screens?
    }
    struct Scoring: Decodable {
        var system: String
        var scoredRows: Int?
        var droppedRows: Int?
        enum CodingKeys: String, CodingKey {
            case system, scoredRows = "scored_rows", droppedRows = "dropped_rows"
        }
    }
    struct Configuration: Decodable {
        struct Output: Decodable {
            var baseName: String?
            enum CodingKeys: String, CodingKey { case baseName = "base_name" }
        }
        var output: Output?
    }
    var configuration: Configuration?
    var version: String?
    var startedAt: String?
    var finishedAt: String?
    var configFile: String?
    var configSHA256: String?
    var scope: String?
    var dictionaries: [Dictionary]?
    var stages: Stages?
    var scoring: [Scoring]?
    var summary: Summary?
    var warnings: [String]?

    enum CodingKeys: String, CodingKey {
        case version, startedAt = "started_at", finishedAt = "finished_at", configFile = "config_file"
        case configSHA256 = "config_sha256", scope, dictionaries, stages, scoring, summary, warnings, configuration
    }
}
