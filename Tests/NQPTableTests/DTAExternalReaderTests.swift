import Foundation
import Testing
@testable import NQPTable
import NQPTestSupport

/// Our .dta files read back by the readers economists use: pandas, pyreadstat, R haven and the readstat tool —
/// same names, types, values (doubles bitwise), missing values, variable and value labels.
@Suite("DTA read back by external readers")
struct DTAExternalReaderTests {
    /// Writes `table` plus the expectation files; returns the .dta URL.
    static func prepare(_ table: Table, sortColumns: [String] = ["firm"]) throws -> URL {
        let folder = try TestPaths.temporaryDirectory("nqp-dta")
        let writer = DTAWriter(options: .init(sortColumns: sortColumns))
        let url = folder.appendingPathComponent("panel.dta")
        try writer.write(table, to: url)
        try ReaderScripts.writeExpectation(table, types: try writer.variables(for: table).map(\.type), into: folder)
        return url
    }

    /// Removes the temporary folder of `url` (the 100k case leaves ~200 MB otherwise).
    static func cleanUp(_ url: URL) {
        try? FileManager.default.removeItem(at: url.deletingLastPathComponent())
    }

    static func check(_ mode: String, _ url: URL) throws {
        let output = try ExternalReaders.runPython(ReaderScripts.checkDTA,
                                                   [mode, url.path, url.deletingLastPathComponent().path])
        #expect(output.contains("ok"), "\(mode): \(output)")
    }

    static func checkHaven(_ url: URL) throws {
        _ = try ExternalReaders.runR(ReaderScripts.havenDump, [url.path])
        try check("haven-dump", url)
    }

    /// readstat's summary (rows, format) and its CSV dump (`readstat file.dta -`): names, strings and integers
    /// exactly, doubles to the 6 decimals it prints. (Its own .dta/.sav writer cannot re-write strL values, so a
    /// conversion round trip is not usable; pyreadstat checks the same ReadStat parser bitwise.)
    static func checkReadstat(_ url: URL, rows: Int) throws {
        let info = try ExternalReaders.runReadstat([url.path])
        #expect(info.status == 0, "readstat: \(info.stderr)")
        #expect(info.stdout.contains("Rows: \(rows)"), "readstat summary: \(info.stdout)")
        #expect(info.stdout.contains("Format version: 118"))
        let dump = try ExternalReaders.runReadstat([url.path, "-"])
        #expect(dump.status == 0, "readstat CSV: \(dump.stderr)")
        try Data(dump.stdout.utf8).write(to: URL(fileURLWithPath: url.path + ".readstat.csv"))
        try check("readstat-csv", url)
    }

    @Test(.enabled(if: ExternalReaders.hasPython, "python3 with pandas/pyreadstat/numpy is not installed"))
    func pandas_reads_rich_panel() throws {
        let url = try Self.prepare(DTAFixtures.richPanel())
        defer { Self.cleanUp(url) }
        try Self.check("pandas", url)
    }

    @Test(.enabled(if: ExternalReaders.hasPython, "python3 with pandas/pyreadstat/numpy is not installed"))
    func pyreadstat_reads_rich_panel() throws {
        let url = try Self.prepare(DTAFixtures.richPanel())
        defer { Self.cleanUp(url) }
        try Self.check("pyreadstat", url)
    }

    @Test(.enabled(if: ExternalReaders.hasR && ExternalReaders.hasPython, "Rscript with haven (and python3 for the comparison) is not installed"))
    func haven_reads_rich_panel() throws {
        let url = try Self.prepare(DTAFixtures.richPanel())
        defer { Self.cleanUp(url) }
        try Self.checkHaven(url)
    }

    @Test(.enabled(if: ExternalReaders.hasReadstat && ExternalReaders.hasPython, "readstat (and python3 for the comparison) is not installed"))
    func readstat_reads_rich_panel() throws {
        let url = try Self.prepare(DTAFixtures.richPanel())
        defer { Self.cleanUp(url) }
        try Self.checkReadstat(url, rows: 4)
    }

    @Test(.enabled(if: ExternalReaders.hasPython, "python3 with pandas/pyreadstat/numpy is not installed"))
    func every_reader_reads_zero_rows() throws {
        let url = try Self.prepare(DTAFixtures.richPanel(rows: 0))
        defer { Self.cleanUp(url) }
        try Self.check("pandas", url)
        try Self.check("pyreadstat", url)
        if ExternalReaders.hasR { try Self.checkHaven(url) }
        if ExternalReaders.hasReadstat { try Self.checkReadstat(url, rows: 0) }
    }

    /// One combined check for the 100,000 × 60 panel (to keep the suite fast).
    @Test(.enabled(if: ExternalReaders.hasPython, "python3 with pandas/pyreadstat/numpy is not installed"))
    func every_reader_reads_100k_by_60_panel() throws {
        let url = try Self.prepare(DTAFixtures.largePanel(rows: 100_000), sortColumns: ["firm", "year"])
        defer { Self.cleanUp(url) }
        try Self.check("pandas", url)
        try Self.check("pyreadstat", url)
        if ExternalReaders.hasR { try Self.checkHaven(url) }
        if ExternalReaders.hasReadstat { try Self.checkReadstat(url, rows: 100_000) }
    }
}
