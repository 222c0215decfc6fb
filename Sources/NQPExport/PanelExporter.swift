import Foundation
import NQPEncoding
import NQPTable

/// Writes the panel and its documentation into an output folder, each file atomically (temporary name, fsync,
/// rename): `panel.dta` (Stata 118), `panel.csv`, `codebook.csv`, `codebook.md`, `panel_import.do`,
/// `panel_import.R` and, when configured, `panel.sqlite`. No file contains a timestamp, so the same table gives the
/// same bytes.
public struct PanelExporter: Sendable {
    public let options: PanelExportOptions

    public init(options: PanelExportOptions = PanelExportOptions()) { self.options = options }

    /// What was written.
    public struct Result: Sendable, Equatable {
        /// File names written, in writing order.
        public var files: [String]
        public var codebook: [CodebookEntry]
    }

    /// Checks everything that could make the export fail (names, shapes, sort order, value ranges) without
    /// writing — for `nqp validate`.
    public func validate(_ table: Table) throws(ExportError) {
        let dta = DTAWriter(options: dtaOptions(for: table))
        do { _ = try dta.encode(Table(columns: table.columns, label: table.label)) } catch {
            throw .table(file: options.baseName + ".dta", error)
        }
    }

    /// Writes all files into `folder` (created if needed).
    @discardableResult
    public func export(_ table: Table, to folder: URL) throws(ExportError) -> Result {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .outputFolder(path: folder.path, reason: FileErrorReason.describe(error))
        }
        let base = options.baseName
        var files: [String] = []
        let dta = DTAWriter(options: dtaOptions(for: table))
        let variables: [DTAWriter.Variable]
        do {
            variables = try dta.variables(for: table)
            try AtomicFile.write(try dta.encode(table), to: folder.appendingPathComponent(base + ".dta"))
            files.append(base + ".dta")
        } catch {
            throw .table(file: base + ".dta", error)
        }
        try step(base + ".csv", &files) { () throws(TableError) in
            try AtomicFile.write(PanelCSV.encode(table, neutralizeFormulas: options.neutralizeFormulas),
                                 to: folder.appendingPathComponent(base + ".csv"))
        }
        let entries = Codebook.entries(for: table, variables: variables)
        try step("codebook.csv", &files) { () throws(TableError) in
            try AtomicFile.write(Codebook.csv(entries), to: folder.appendingPathComponent("codebook.csv"))
        }
        try step("codebook.md", &files) { () throws(TableError) in
            try AtomicFile.write(Codebook.markdown(entries, title: table.label, rowCount: table.rowCount),
                                 to: folder.appendingPathComponent("codebook.md"))
        }
        try step(base + "_import.do", &files) { () throws(TableError) in
            try AtomicFile.write(ImportScripts.stata(table, variables: variables, csvName: base + ".csv"),
                                 to: folder.appendingPathComponent(base + "_import.do"))
        }
        try step(base + "_import.R", &files) { () throws(TableError) in
            try AtomicFile.write(ImportScripts.r(table, csvName: base + ".csv"),
                                 to: folder.appendingPathComponent(base + "_import.R"))
        }
        if options.sqlite {
            try PanelSQLite.write(table, variables: variables, to: folder.appendingPathComponent(base + ".sqlite"))
            files.append(base + ".sqlite")
        }
        return Result(files: files, codebook: entries)
    }

    private func step(_ file: String, _ files: inout [String], _ body: () throws(TableError) -> Void)
        throws(ExportError) {
        do { try body() } catch { throw .table(file: file, error) }
        files.append(file)
    }

    /// Sort columns that exist in the table (a panel without `year`, e.g. a cross-section, is still exportable);
    /// without `sortColumns`, the standard key columns.
    private func dtaOptions(for table: Table) -> DTAWriter.Options {
        DTAWriter.Options(sortColumns: (options.sortColumns ?? PanelKeyColumns.standard.names).filter { table.columnIndex(named: $0) != nil },
                          compactIntegers: options.compactIntegers)
    }
}
