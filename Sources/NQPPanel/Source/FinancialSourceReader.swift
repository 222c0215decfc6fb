import Foundation
import NQPEncoding
import NQPTable

/// Reads one configured financial source from disk into a keyed table and a report.
///
/// A malformed row or cell is reported and skipped (or read as missing); a source that cannot be read at all —
/// missing file, wrong format, bad encoding label, missing key column — throws, and the pipeline stops (exit 2).
public struct FinancialSourceReader: Sendable {
    public var config: FinancialSource
    /// Resolves relative paths (the directory of pipeline.yml); nil = the current directory.
    public var baseDirectory: URL?

    public init(config: FinancialSource, baseDirectory: URL? = nil) {
        self.config = config
        self.baseDirectory = baseDirectory
    }

    public var resolvedPath: String {
        if config.path.hasPrefix("/") || baseDirectory == nil { return config.path }
        return baseDirectory?.appendingPathComponent(config.path).path ?? config.path
    }

    public func read() throws(PanelError) -> (KeyedTable, SourceReport) {
        try config.validate()
        let path = resolvedPath
        let format = config.resolvedFormat
        if format == .companyfacts { return try CompanyFactsReader(config: config).read(path: path) }
        guard FileManager.default.fileExists(atPath: path) else {
            throw .unreadableSource(source: config.name, path: path, reason: "no such file")
        }
        if format == .csv || format == .tsv { return try readDelimited(path: path, format: format) }
        let sheet = try Self.rawSheet(path: path, format: format, sheetName: config.sheet,
                                      delimiter: try config.resolvedDelimiter(), encodingLabel: config.encoding,
                                      source: config.name, maxInflatedBytes: max(1, config.maxInflatedMB) << 20)
        var (table, report) = try SourceBuilder(config: config).build(sheet.sheet, format: format.rawValue)
        report.notes += sheet.notes
        return (table, report)
    }

    /// Streams a CSV/TSV file through the builder: only kept columns of rows that pass the filters stay in memory.
    private func readDelimited(path: String, format: SourceFormat) throws(PanelError) -> (KeyedTable, SourceReport) {
        let reader = try Self.csvReader(path: path, format: format, delimiter: try config.resolvedDelimiter(),
                                        encodingLabel: config.encoding, source: config.name)
        let builder = SourceBuilder(config: config)
        do {
            var leading: [RawRow] = []
            while leading.count < 3, let record = try reader.next() {
                leading.append(RawRow(fields: record.fields, line: record.line))
            }
            var accumulator = try builder.start(path: path, format: format.rawValue, leadingRows: leading,
                                                numericDates: .none, labels: [:], lineWord: "line")
            for row in leading.dropFirst(accumulator.headerCount) { accumulator.add(row) }
            while let record = try reader.next() { accumulator.add(RawRow(fields: record.fields, line: record.line)) }
            accumulator.report.notes += Self.notes(reader)
            return try builder.finish(accumulator)
        } catch let error as PanelError {
            throw error
        } catch let error as TableError {
            throw .unreadableSource(source: config.name, path: path, reason: error.description)
        } catch {
            throw .unreadableSource(source: config.name, path: path, reason: FileErrorReason.describe(error))
        }
    }

    private static func csvReader(path: String, format: SourceFormat, delimiter: Unicode.Scalar?,
                                  encodingLabel: String?, source: String) throws(PanelError) -> CSVReader {
        var options = CSVReadOptions(delimiter: delimiter ?? (format == .tsv ? "\t" : nil))
        if let encodingLabel {
            guard let encoding = TextEncoding(label: encodingLabel), encoding.isSupported else {
                throw .invalidConfiguration(source: source,
                    reason: "unknown encoding '\(encodingLabel)' (try gbk, gb18030, utf-8, utf-16)")
            }
            options.encoding = encoding
        }
        do {
            return try CSVReader(contentsOf: URL(fileURLWithPath: path), options: options)
        } catch {
            throw .unreadableSource(source: source, path: path, reason: error.description)
        }
    }

    private static func notes(_ reader: CSVReader) -> [String] {
        var notes = ["read as \(reader.encoding.name) (\(reader.encodingSource)), delimiter "
            + "U+\(String(format: "%04X", reader.delimiter.value))"]
        if reader.decodeErrors > 0 {
            notes.append("\(reader.decodeErrors) undecodable byte sequences replaced by U+FFFD — check `encoding:`")
        }
        return notes
    }

    /// Reads any supported tabular file as rows of strings (header rows included).
    public static func rawSheet(path: String, format: SourceFormat, sheetName: String? = nil,
                                delimiter: Unicode.Scalar? = nil, encodingLabel: String? = nil,
                                source: String, maxInflatedBytes: Int = XLSXReader.defaultMaxPartBytes)
        throws(PanelError) -> (sheet: RawSheet, notes: [String]) {
        let url = URL(fileURLWithPath: path)
        do {
            switch format {
            case .csv, .tsv:
                let reader = try csvReader(path: path, format: format, delimiter: delimiter,
                                           encodingLabel: encodingLabel, source: source)
                var rows: [RawRow] = []
                while let record = try reader.next() { rows.append(RawRow(fields: record.fields, line: record.line)) }
                return (RawSheet(path: path, rows: rows, numericDates: .none, lineWord: "line"), notes(reader))
            case .xlsx:
                let rows = try XLSXReader.rows(contentsOf: url, sheet: sheetName, maxPartBytes: maxInflatedBytes)
                return (RawSheet(path: path, rows: rows.map { RawRow(fields: $0.fields, line: $0.row) },
                                 numericDates: .excel, lineWord: "row"), [])
            case .dta:
                let file = try DTAReader.read(contentsOf: url)
                return (rawSheet(from: file.table, path: path), ["Stata .dta release \(file.release)"])
            case .companyfacts:
                throw PanelError.invalidConfiguration(source: source, reason: "companyfacts is not tabular")
            }
        } catch let error as PanelError {
            throw error
        } catch let error as TableError {
            throw .unreadableSource(source: source, path: path, reason: error.description)
        } catch {
            throw .unreadableSource(source: source, path: path, reason: FileErrorReason.describe(error))
        }
    }

    /// A typed table (from .dta) as text rows: numbers print integrally when whole (2019, not 2019.0), other
    /// numbers in shortest round-trip form, so nothing is lost when the builder parses them back.
    static func rawSheet(from table: Table, path: String) -> RawSheet {
        var rows = [RawRow(fields: table.columns.map(\.name), line: 0)]
        let texts = table.columns.map { $0.values.asText() }
        rows.reserveCapacity(table.rowCount + 1)
        for r in 0..<table.rowCount {
            rows.append(RawRow(fields: texts.map { $0[r] ?? "" }, line: r + 1))
        }
        var labels: [String: String] = [:]
        for column in table.columns where !column.label.isEmpty { labels[column.name] = column.label }
        return RawSheet(path: path, rows: rows, numericDates: .stata, labels: labels, lineWord: "observation")
    }
}

extension Crosswalk {
    /// Reads and loads a crosswalk file (CSV/TSV/xlsx/dta by extension).
    public static func load(config: CrosswalkConfig, baseDirectory: URL? = nil) throws(PanelError) -> Crosswalk {
        let path = config.path.hasPrefix("/") || baseDirectory == nil
            ? config.path : baseDirectory?.appendingPathComponent(config.path).path ?? config.path
        guard FileManager.default.fileExists(atPath: path) else {
            throw .unreadableSource(source: "crosswalk", path: path, reason: "no such file")
        }
        let format = SourceFormat.inferred(fromPath: path) ?? .csv
        let delimiter = try FinancialSource(name: "crosswalk", path: path, delimiter: config.delimiter)
            .resolvedDelimiter()
        let sheet = try FinancialSourceReader.rawSheet(path: path, format: format == .companyfacts ? .csv : format,
                                                       delimiter: delimiter, encodingLabel: config.encoding,
                                                       source: "crosswalk")
        return try load(sheet.sheet, config: config)
    }
}
