import Foundation
import NQPTable
import NQPTestSupport
import Testing
@testable import NQPPanel

@Suite("Financial source files: CSV/TSV encodings, .dta, .xlsx")
struct ReaderTests {
    /// A CSMAR-style income-statement export in GBK (our own text): three header rows, CRLF, a parent-company row.
    static let gbkHex = "53746b63642c4163637065722c5479707265702c423030313130313030300d0ad6a4c8afb4fac2eb2cbbe1bcc6c6dabce42cb1a8b1edc0e0d0cd2cd3aad2b5cad5c8eb0d0ac3bbd3d0b5a5cebb2cc3bbd3d0b5a5cebb2cc3bbd3d0b5a5cebb2cd4aa0d0a312c323031392d31322d33312c412c3331383032343331392e33300d0a312e302c323031392d31322d33312c422c310d0a"

    func write(_ bytes: [UInt8], _ name: String) throws -> String {
        let url = try TestPaths.temporaryDirectory("panel-reader").appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    func bytes(hex: String) -> [UInt8] {
        var out: [UInt8] = [], chars = Array(hex.utf8)
        var i = 0
        while i + 1 < chars.count {
            out.append(UInt8(String(decoding: chars[i...(i + 1)], as: UTF8.self), radix: 16) ?? 0)
            i += 2
        }
        return out
    }

    func income(_ path: String) -> FinancialSource {
        FinancialSource(name: "income", path: path, firm: "Stkcd", firmWidth: 6, date: "Accper",
                        filters: ["Typrep": ["A"]], renames: ["B001101000": "revenue"])
    }

    @Test("A GBK CSMAR export is sniffed, its three header rows give labels and units")
    func gbkCSMAR() throws {
        let path = try write(bytes(hex: Self.gbkHex), "FS_Comins.csv")
        let (table, report) = try FinancialSourceReader(config: income(path)).read()
        #expect(table.keys == [PanelKey(firm: "000001", year: 2019)])
        #expect(numbers(table, "revenue") == [318024319.30])
        #expect(table.column(named: "revenue")?.label == "营业收入")
        #expect(table.column(named: "revenue")?.unit == "元")
        #expect(report.header == "csmar")
        #expect(report.rowsFiltered["Typrep in [A]"] == 1)
        #expect(report.notes.first?.contains("gb18030") == true)
        var forced = income(path)
        forced.encoding = "gbk"
        #expect(try FinancialSourceReader(config: forced).read().0 == table)
    }

    @Test("UTF-8 with a byte-order mark: the first column name is clean")
    func utf8BOM() throws {
        let path = try write([0xEF, 0xBB, 0xBF] + Array("code,year,rev\n1,2019,5\n".utf8), "bom.csv")
        let config = FinancialSource(name: "x", path: path, firm: "code", firmWidth: 6, year: "year")
        let (table, _) = try FinancialSourceReader(config: config).read()
        #expect(table.keys == [PanelKey(firm: "000001", year: 2019)])
    }

    @Test("UTF-16 little-endian with a BOM, tab-separated by extension")
    func utf16TSV() throws {
        var data: [UInt8] = [0xFF, 0xFE]
        for unit in "代码\t年度\t营业收入\n000002\t2020\t7.5\n".utf16 { data += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let path = try write(data, "wind.tsv")
        let config = FinancialSource(name: "x", path: path, firm: "代码", year: "年度")
        let (table, _) = try FinancialSourceReader(config: config).read()
        #expect(table.keys == [PanelKey(firm: "000002", year: 2020)])
        #expect(numbers(table, "营业收入") == [7.5])
    }

    @Test("Quoted fields with newlines stay one record; issues point at the record's first line")
    func quotedNewlines() throws {
        let text = "code,year,note,rev\n1,2019,\"first\nsecond\",5\n2,2019,\"a, b\",abc\n3,2019,x,1\n4,2019,y,2\n"
            + "5,2019,z,3\n6,2019,z,3\n7,2019,z,3\n8,2019,z,3\n9,2019,z,3\n10,2019,z,3\n"
        let path = try write(Array(text.utf8), "notes.csv")
        let config = FinancialSource(name: "x", path: path, firm: "code", year: "year", textColumns: ["note"])
        let (table, report) = try FinancialSourceReader(config: config).read()
        #expect(table.rowCount == 10)
        #expect(table.column(named: "note")?.values.asText().first == "first\nsecond")
        #expect(report.issues.map(\.description) == ["\(path):4: rev: not a number: 'abc'; read as missing"])
    }

    @Test("A Stata .dta source keeps its variable labels and reads %td dates")
    func dta() throws {
        let source = Table(columns: [
            Column(name: "stkcd", values: .number([1, 600000])),
            Column(name: "accper", values: .number([21914, 22280])),   // 2019-12-31, 2020-12-31
            Column(name: "rev", label: "营业收入", values: .number([1.5, nil])),
        ])
        let url = try TestPaths.temporaryDirectory("panel-dta").appendingPathComponent("inc.dta")
        try DTAWriter().write(source, to: url)
        let config = FinancialSource(name: "dta", path: url.path, firm: "stkcd", firmWidth: 6, date: "accper")
        let (table, report) = try FinancialSourceReader(config: config).read()
        #expect(report.format == "dta")
        #expect(table.keys == [PanelKey(firm: "000001", year: 2019), PanelKey(firm: "600000", year: 2020)])
        #expect(numbers(table, "rev") == [1.5, nil])
        #expect(table.column(named: "rev")?.label == "营业收入")
    }

    @Test("An .xlsx sheet reads with Excel serial dates", .enabled(if: Self.hasOpenpyxl))
    func xlsx() throws {
        let url = try TestPaths.temporaryDirectory("panel-xlsx").appendingPathComponent("b.xlsx")
        let script = "import openpyxl, datetime; wb = openpyxl.Workbook(); ws = wb.active; ws.title = 'data'; "
            + "ws.append(['code', 'end', 'assets']); ws.append([1, datetime.date(2019, 12, 31), 10]); "
            + "ws.append(['000002', '2019-12-31', 20]); wb.save('\(url.path)')"
        let result = try runCommand(try #require(which("python3")), ["-c", script])
        try #require(result.status == 0, "\(result.stderr)")
        let config = FinancialSource(name: "x", path: url.path, sheet: "data", firm: "code", firmWidth: 6,
                                     date: "end")
        let (table, _) = try FinancialSourceReader(config: config).read()
        #expect(table.keys == [PanelKey(firm: "000001", year: 2019), PanelKey(firm: "000002", year: 2019)])
        #expect(numbers(table, "assets") == [10, 20])
    }

    static let hasOpenpyxl: Bool = {
        guard let python = which("python3") else { return false }
        return (try? runCommand(python, ["-c", "import openpyxl"]))?.status == 0
    }()

    @Test("A missing file, a corrupt .dta and an unknown encoding stop the run with a clear error")
    func unreadable() throws {
        let missing = FinancialSource(name: "gone", path: "/nonexistent/x.csv", firm: "a", year: "b")
        #expect(throws: PanelError.unreadableSource(source: "gone", path: "/nonexistent/x.csv",
                                                    reason: "no such file")) {
            try FinancialSourceReader(config: missing).read()
        }
        let bad = try write(Array("not a dta".utf8), "bad.dta")
        #expect {
            try FinancialSourceReader(config: FinancialSource(name: "bad", path: bad, firm: "a", year: "b")).read()
        } throws: { error in
            guard case .unreadableSource(let source, _, _)? = error as? PanelError else { return false }
            return source == "bad"
        }
        let csv = try write(Array("a,b\n1,2019\n".utf8), "ok.csv")
        #expect(throws: PanelError.self) {
            try FinancialSourceReader(config: FinancialSource(name: "e", path: csv, encoding: "klingon", firm: "a",
                                                              year: "b")).read()
        }
    }

    @Test("A crosswalk file loads from disk relative to the base directory")
    func crosswalkFile() throws {
        let path = try write(Array("old,new\n1,600001\n".utf8), "xwalk.csv")
        let url = URL(fileURLWithPath: path)
        let walk = try Crosswalk.load(config: CrosswalkConfig(path: "xwalk.csv", from: "old", to: "new",
                                                              fromWidth: 6),
                                      baseDirectory: url.deletingLastPathComponent())
        #expect(walk.target(for: "000001", year: 2019) == "600001")
    }
}
