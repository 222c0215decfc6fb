import Foundation
import NQPEncoding
import NQPTable

/// Reads SEC `companyfacts` JSON (https://data.sec.gov/api/xbrl/companyfacts/CIK##########.json) into annual
/// firm-year values.
///
/// Which facts count as annual — by period, never by the `fy` field (`fy` is the fiscal year of the FILING, so a
/// balance reported as a comparative appears under two or more `fy`):
/// - only facts from the configured `forms` (10-K, 10-K/A, 20-F, … by default);
/// - duration facts (with `start`): the period is 350–380 days long;
/// - instant facts (no `start`): the date is a fiscal-year end, i.e. the end of some 350–380-day duration fact of
///   the same filer in those forms (any concept of the taxonomy); if the filer has none, an instant in
///   `fiscal_year_end_month` (or the first 7 days of the next month).
/// The same (concept, period end) reported by several filings: identical values collapse to one; differing values
/// (restatements) resolve to the LATEST `filed` date (then the larger accession number) and are listed in the
/// report notes. The fiscal year is the period end under `fiscal_year_rule` (Compustat by default: Snowflake's year
/// ended 2021-01-31 is FY 2020; `end_year` would label it 2021). Two period ends with the same fiscal year (a
/// change of fiscal year end) keep the later end and are reported.
public struct CompanyFactsReader: Sendable {
    public var config: FinancialSource

    public init(config: FinancialSource) { self.config = config }

    public static let annualDays = 350...380

    /// Reads a companyfacts file, or every `*.json` file of a directory (one per CIK).
    public func read(path: String) throws(PanelError) -> (KeyedTable, SourceReport) {
        var report = SourceReport(source: config.name, path: path, format: "companyfacts", header: "json")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .unreadableSource(source: config.name, path: path, reason: "no such file or directory")
        }
        var files = [path]
        if isDirectory.boolValue {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            files = names.filter { $0.lowercased().hasSuffix(".json") }.sorted().map { path + "/" + $0 }
        }
        var parts: [KeyedTable] = []
        for file in files {
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: file)) } catch {
                throw .unreadableSource(source: config.name, path: file, reason: FileErrorReason.describe(error))
            }
            parts.append(try read(data: data, path: file, report: &report))
        }
        var keys: [PanelKey] = [], columnsByName: [String: Column] = [:]
        // Concatenate per-file tables; all share the concept columns.
        for part in parts {
            let offset = keys.count
            keys += part.keys
            for column in part.columns {
                var merged = columnsByName[column.name] ?? Column(name: column.name, label: column.label,
                                                                  unit: column.unit, sources: [],
                                                                  values: .number([]))
                var values = merged.values.numbers ?? []
                values += Array(repeating: nil, count: offset - values.count)
                values += column.values.numbers ?? []
                merged.values = .number(values)
                merged.sources += column.sources
                columnsByName[column.name] = merged
            }
        }
        let names = config.concepts.map { config.renames[$0] ?? $0 }
        let columns = names.compactMap { name -> Column? in
            guard var c = columnsByName[name] else { return nil }
            var values = c.values.numbers ?? []
            values += Array(repeating: nil, count: keys.count - values.count)
            c.values = .number(values)
            return c
        }
        var table = KeyedTable(source: config.name, keys: keys, columns: columns)
        try table.requireUniqueKeys(lines: keys.indices.map { $0 + 1 }, lineWord: "fact row")
        table.sortByKey()
        report.rowsKept = table.rowCount
        report.variables = table.columns.map { "\($0.name) (number)" }
        return (table, report)
    }

    /// Reads one companyfacts document.
    public func read(data: Data, path: String, report: inout SourceReport) throws(PanelError) -> KeyedTable {
        let root: [String: Any]
        do {
            guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw PanelError.unreadableSource(source: config.name, path: path, reason: "not a JSON object")
            }
            root = object
        } catch let error as PanelError {
            throw error
        } catch {
            throw .unreadableSource(source: config.name, path: path, reason: "invalid JSON: \(FileErrorReason.describe(error))")
        }
        guard let facts = root["facts"] as? [String: Any], let rawCIK = root["cik"] else {
            throw .unreadableSource(source: config.name, path: path,
                                    reason: "no `cik`/`facts`: not an SEC companyfacts file")
        }
        let cikText = (rawCIK as? NSNumber).map { "\($0.int64Value)" } ?? "\(rawCIK)"
        // CIKs default to SEC's ten-digit form, the form the extract stage gives reports identified by dei facts,
        // so text and financials meet in the merge.
        guard let firm = FirmCode.normalize(cikText, width: config.firmWidth ?? 10) else {
            throw .unreadableSource(source: config.name, path: path, reason: "empty cik")
        }
        if firm != cikText {
            report.codesNormalized += 1
            if report.codeExamples.count < 5 { report.codeExamples.append("\"\(cikText)\" → \"\(firm)\" (cik)") }
        }
        let taxonomy = facts[config.taxonomy] as? [String: Any] ?? [:]
        let forms = Set(config.forms)
        let fiscalYearEnds = annualPeriodEnds(taxonomy, forms: forms)
        if fiscalYearEnds.isEmpty {
            report.notes.append("\(path): no annual duration facts; instants taken in month "
                + "\(config.fiscalYearEndMonth)")
        }

        var valuesByYear: [String: [Int: Double]] = [:]
        var labels: [String: String] = [:]
        for concept in config.concepts {
            let name = config.renames[concept] ?? concept
            guard let entry = taxonomy[concept] as? [String: Any] else {
                report.notes.append("\(path): concept \(config.taxonomy):\(concept) not reported")
                continue
            }
            labels[name] = entry["label"] as? String ?? concept
            let units = entry["units"] as? [String: Any] ?? [:]
            let rawFacts = units[config.unit] as? [[String: Any]] ?? []
            report.rowsRead += rawFacts.count
            var byEnd: [CalendarDate: [Fact]] = [:]
            for raw in rawFacts {
                guard let fact = Fact(raw), forms.contains(fact.form) else { continue }
                if let start = fact.start {
                    guard Self.annualDays.contains(fact.end.dayNumber - start.dayNumber) else { continue }
                } else if fiscalYearEnds.isEmpty {
                    guard SourceBuilder.isFiscalYearEnd(fact.end, month: config.fiscalYearEndMonth) else { continue }
                } else if !fiscalYearEnds.contains(fact.end) {
                    continue
                }
                byEnd[fact.end, default: []].append(fact)
            }
            var endByYear: [Int: CalendarDate] = [:]
            for (end, candidates) in byEnd.sorted(by: { $0.key < $1.key }) {
                let chosen = candidates.max { ($0.filed, $0.accession) < ($1.filed, $1.accession) }
                guard let chosen else { continue }
                let distinct = Set(candidates.map(\.value))
                if distinct.count > 1 {
                    let listed = candidates.sorted { ($0.filed, $0.accession) < ($1.filed, $1.accession) }
                        .map { "\(NumberText.format($0.value)) (\($0.form) filed \($0.filed))" }
                    report.notes.append("\(firm) \(concept) period ending \(end): differing values "
                        + listed.joined(separator: ", ") + "; latest filed used")
                }
                let year = config.fiscalYearRule.fiscalYear(of: end)
                if let previous = endByYear[year] {
                    report.notes.append("\(firm) \(concept) FY\(year): period ends \(previous) and \(end) fall in "
                        + "the same fiscal year; \(end) used")
                }
                endByYear[year] = end
                valuesByYear[name, default: [:]][year] = chosen.value
            }
        }
        let years = Set(valuesByYear.values.flatMap(\.keys)).sorted()
        let keys = years.map { PanelKey(firm: firm, year: $0) }
        let columns = config.concepts.map { concept -> Column in
            let name = config.renames[concept] ?? concept
            let byYear = valuesByYear[name] ?? [:]
            return Column(name: name, label: config.labels[name] ?? config.labels[concept] ?? labels[name] ?? "",
                          unit: config.units[name] ?? config.units[concept] ?? config.unit,
                          definition: "\(config.taxonomy):\(concept), annual (10-K) value by period end",
                          sources: [path],
                          values: .number(years.map { byYear[$0].map { $0 * (config.scale[name] ?? config.scale[concept] ?? 1) } }))
        }
        return KeyedTable(source: config.name, keys: keys, columns: columns)
    }

    /// End dates of 350–380-day duration facts in annual forms, over every concept and unit of the taxonomy.
    private func annualPeriodEnds(_ taxonomy: [String: Any], forms: Set<String>) -> Set<CalendarDate> {
        var ends = Set<CalendarDate>()
        for (_, entry) in taxonomy {
            guard let units = (entry as? [String: Any])?["units"] as? [String: Any] else { continue }
            for (_, list) in units {
                for raw in list as? [[String: Any]] ?? [] {
                    guard let form = raw["form"] as? String, forms.contains(form),
                          let startText = raw["start"] as? String, let start = CalendarDate(parsing: startText),
                          let endText = raw["end"] as? String, let end = CalendarDate(parsing: endText),
                          Self.annualDays.contains(end.dayNumber - start.dayNumber) else { continue }
                    ends.insert(end)
                }
            }
        }
        return ends
    }
}

/// One fact of a companyfacts unit list.
private struct Fact {
    var start: CalendarDate?
    var end: CalendarDate
    var value: Double
    var form: String
    var filed: String
    var accession: String

    init?(_ raw: [String: Any]) {
        guard let endText = raw["end"] as? String, let end = CalendarDate(parsing: endText),
              let number = raw["val"] as? NSNumber, let form = raw["form"] as? String else { return nil }
        self.end = end
        self.start = (raw["start"] as? String).flatMap { CalendarDate(parsing: $0) }
        self.value = number.doubleValue
        self.form = form
        self.filed = raw["filed"] as? String ?? ""
        self.accession = raw["accn"] as? String ?? ""
    }
}
