import Foundation
import NQPConfig
import NQPExtract
import NQPTable

/// The optional `reports.manifest` CSV (`file,firm,year`) that names each report's firm and year. It wins over
/// file-name patterns and XBRL facts. `file` is a path relative to the manifest's folder, or a bare file name.
enum ReportManifest {
    static func load(config loaded: LoadedConfig) throws(ConfigError) -> [String: ManifestEntry] {
        guard let path = loaded.config.reports.manifest else { return [:] }
        let url = loaded.resolve(path)
        let records: [CSVRecord]
        do {
            records = try CSVReader.records(contentsOf: url)
        } catch {
            throw ConfigError(ConfigProblem(file: path, message: "cannot read the report manifest: \(Diagnostic.text(of: error))",
                                            hint: "reports.manifest must name a CSV with columns file,firm,year"))
        }
        guard let header = records.first?.fields.map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }),
              let fileIndex = header.firstIndex(of: "file"), let firmIndex = header.firstIndex(of: "firm"),
              let yearIndex = header.firstIndex(of: "year") else {
            throw ConfigError(ConfigProblem(file: path, line: 1, message: "the report manifest needs a header row with columns file, firm and year"))
        }
        var entries: [String: ManifestEntry] = [:]
        var problems: [ConfigProblem] = []
        for record in records.dropFirst() {
            let fields = record.fields
            guard fields.count > max(fileIndex, firmIndex, yearIndex) else {
                problems.append(ConfigProblem(file: path, line: record.line, message: "expected at least \(max(fileIndex, firmIndex, yearIndex) + 1) fields, found \(fields.count)"))
                continue
            }
            let firm = fields[firmIndex].trimmingCharacters(in: .whitespaces)
            guard let year = Int(fields[yearIndex].trimmingCharacters(in: .whitespaces)), !firm.isEmpty else {
                problems.append(ConfigProblem(file: path, line: record.line, message: "firm must be non-empty and year a whole number, found '\(firm)', '\(fields[yearIndex])'"))
                continue
            }
            let file = fields[fileIndex].trimmingCharacters(in: .whitespaces)
            let entry = ManifestEntry(firm: firm, year: year)
            // A bare name matches any report of that name; a path is relative to the manifest's own folder.
            entries[(file as NSString).lastPathComponent] = entry
            let absolute = file.hasPrefix("/") ? URL(fileURLWithPath: file)
                                               : url.deletingLastPathComponent().appendingPathComponent(file)
            entries[absolute.standardizedFileURL.path] = entry
        }
        guard problems.isEmpty else { throw ConfigError(problems: problems) }
        return entries
    }
}
