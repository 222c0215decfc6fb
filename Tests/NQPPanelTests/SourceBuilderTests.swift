import Foundation
import NQPTable
import Testing
@testable import NQPPanel

@Suite("Financial source rows → keyed table")
struct SourceBuilderTests {
    let csmar = """
    Stkcd,Accper,Typrep,A001000000,A001212000
    证券代码,会计期间,报表类型,资产总计,固定资产净额
    没有单位,没有单位,没有单位,元,元
    1,2019-12-31,A,100,10
    1,2019-12-31,B,90,9
    1,2019-06-30,A,95,9.5
    000002,2019-12-31,A,200,20
    2.0,2020-12-31,A,210,-1
    """

    func balance(_ extra: (inout FinancialSource) -> Void = { _ in }) -> FinancialSource {
        var s = FinancialSource(name: "balance", path: "balance.csv", firm: "Stkcd", firmWidth: 6, date: "Accper",
                                filters: ["Typrep": ["A"]], renames: ["A001000000": "total_assets"],
                                missingCodes: ["-1"])
        extra(&s)
        return s
    }

    @Test("CSMAR three-row header: labels and units are kept, unit '没有单位' means none")
    func csmarHeader() throws {
        let config = balance { $0.keep = ["total_assets", "Typrep"] }
        let (table, report) = try SourceBuilder(config: config).build(sheet(csmar), format: "csv")
        #expect(report.header == "csmar")
        #expect(table.columns.map(\.name) == ["total_assets", "Typrep"])
        let assets = try #require(table.column(named: "total_assets"))
        #expect(assets.label == "资产总计")
        #expect(assets.unit == "元")
        #expect(table.column(named: "Typrep")?.unit == "")
        #expect(table.column(named: "Typrep")?.label == "报表类型")
    }

    @Test("Configured labels and units override the CSMAR ones; forced layouts win over detection")
    func overridesAndLayouts() throws {
        let config = balance {
            $0.labels = ["total_assets": "Total assets"]
            $0.units = ["A001000000": "CNY"]
        }
        let (table, _) = try SourceBuilder(config: config).build(sheet(csmar), format: "csv")
        #expect(table.column(named: "total_assets")?.label == "Total assets")
        #expect(table.column(named: "total_assets")?.unit == "CNY")

        // `single` on a CSMAR file: the label and unit rows are read as data (and fail the Typrep filter).
        let (_, single) = try SourceBuilder(config: balance { $0.header = .single }).build(sheet(csmar), format: "csv")
        #expect(single.header == "single")
        #expect(single.rowsFiltered["Typrep in [A]"] == 3)
        // `csmar` on a file whose second row holds data would swallow it, so auto-detection is the default.
        let plain = sheet("code,year,rev\n1,2019,5\n2,2019,6\n3,2019,7\n4,2019,8\n")
        let forced = FinancialSource(name: "x", path: "x", header: .csmar, firm: "code", year: "year")
        let (t, r) = try SourceBuilder(config: forced).build(plain, format: "csv")
        #expect(r.header == "csmar")
        #expect(t.rowCount == 2)
    }

    @Test("Filters and the fiscal-year-end month drop rows and say how many")
    func filters() throws {
        let (table, report) = try SourceBuilder(config: balance()).build(sheet(csmar), format: "csv")
        #expect(report.rowsRead == 5)
        #expect(report.rowsFiltered["Typrep in [A]"] == 1)
        #expect(report.rowsFiltered["month of Accper = 12"] == 1)
        #expect(table.keys == [PanelKey(firm: "000001", year: 2019), PanelKey(firm: "000002", year: 2019),
                               PanelKey(firm: "000002", year: 2020)])
        #expect(numbers(table, "total_assets") == [100, 200, 210])
        #expect(table.columns.map(\.name) == ["total_assets", "A001212000"])   // filter column not kept
    }

    @Test("Code normalisation is counted with examples, and -1 is missing")
    func normalisationReported() throws {
        let (table, report) = try SourceBuilder(config: balance()).build(sheet(csmar), format: "csv")
        #expect(report.codesNormalized == 2)
        #expect(report.codeExamples.first == "\"1\" → \"000001\" (line 4)")
        #expect(numbers(table, "A001212000") == [10, 20, nil])
        #expect(report.missingCodeCells == 1)
    }

    @Test("A single header row is detected when row 2 holds data")
    func singleHeader() throws {
        let s = sheet("code,year,rev\n1,2019,5\n2,2019,6\n")
        let config = FinancialSource(name: "x", path: "x", firm: "code", firmWidth: 6, year: "year")
        let (table, report) = try SourceBuilder(config: config).build(s, format: "csv")
        #expect(report.header == "single")
        #expect(table.rowCount == 2)
    }

    @Test("Non-December fiscal years follow the configured month and rule")
    func nonDecember() throws {
        let s = sheet("cik,end,assets\n1,2021-01-31,5\n1,2021-10-31,6\n1,2022-01-31,7\n")
        var config = FinancialSource(name: "us", path: "x", firm: "cik", date: "end", fiscalYearEndMonth: 1)
        var (table, report) = try SourceBuilder(config: config).build(s, format: "csv")
        #expect(table.keys.map(\.year) == [2020, 2021])
        #expect(report.rowsFiltered["month of end = 1"] == 1)
        config.fiscalYearRule = .endYear
        (table, report) = try SourceBuilder(config: config).build(s, format: "csv")
        #expect(table.keys.map(\.year) == [2021, 2022])
    }

    @Test("Duplicate keys are an error that lists them with their lines")
    func duplicateError() throws {
        let s = sheet("code,year,rev\n1,2019,5\n000001,2019,6\n2,2019,1\n2,2019,2\n3,2019,3\n")
        let config = FinancialSource(name: "income", path: "x", firm: "code", firmWidth: 6, year: "year")
        #expect(throws: PanelError.duplicateKeys(source: "income", count: 2,
                                                 examples: ["000001 2019 (lines 2, 3)", "000002 2019 (lines 4, 5)"])) {
            try SourceBuilder(config: config).build(s, format: "csv")
        }
        let message = PanelError.duplicateKeys(source: "income", count: 2, examples: ["000001 2019 (lines 2, 3)"])
            .description
        #expect(message.contains("000001 2019 (lines 2, 3)"))
        #expect(message.contains("duplicates: first|last|mean"))
    }

    @Test("Duplicate policies first, last and mean resolve and report")
    func duplicatePolicies() throws {
        let s = sheet("code,year,rev,name\n1,2019,4,a\n1,2019,,b\n1,2019,8,c\n2,2019,1,d\n")
        func run(_ policy: DuplicatePolicy) throws -> (KeyedTable, SourceReport) {
            try SourceBuilder(config: FinancialSource(name: "x", path: "x", firm: "code", year: "year",
                                                      textColumns: ["name"], duplicates: policy))
                .build(s, format: "csv")
        }
        #expect(numbers(try run(.first).0, "rev") == [4, 1])
        #expect(numbers(try run(.last).0, "rev") == [8, 1])
        let (mean, report) = try run(.mean)
        #expect(numbers(mean, "rev") == [6, 1])
        #expect(mean.column(named: "name")?.values == .text(["a", "d"]))
        #expect(report.duplicateKeys == 1)
        #expect(report.duplicateRowsResolved == 2)
    }

    @Test("Malformed rows and cells are reported with file, line and field; the rest is read")
    func malformed() throws {
        let s = sheet("code,year,rev,cost\n1,2019,5,1\n2,2019,abc,2\n3,2019,7\n4,20x9,8,1\n5,2019,9,1\n6,2019,1,1\n"
            + "7,2019,1,1\n8,2019,1,1\n9,2019,1,1\n10,2019,1,1\n11,2019,1,1\n12,2019,1,1\n")
        let config = FinancialSource(name: "x", path: "x", firm: "code", year: "year")
        let (table, report) = try SourceBuilder(config: config).build(s, format: "csv")
        #expect(table.rowCount == 11)
        #expect(report.rowsWithoutKey == 1)
        let lines = report.issues.map(\.description)
        #expect(lines.contains("test.csv:3: rev: not a number: 'abc'; read as missing"))
        #expect(lines.contains { $0.hasPrefix("test.csv:4: expected 4 fields, found 3") })
        #expect(lines.contains("test.csv:5: year: not a year: '20x9'; row skipped"))
        #expect(table.column(named: "rev")?.values.numbers?.count == 11)
    }

    @Test("Mostly-text columns stay text; text_columns forces text; scale multiplies")
    func typesAndScale() throws {
        let s = sheet("code,year,ind,rev\n1,2019,C27,5\n2,2019,J66,6\n")
        let config = FinancialSource(name: "x", path: "x", firm: "code", year: "year", renames: ["rev": "revenue"],
                                     textColumns: [], scale: ["revenue": 0.5])
        let (table, _) = try SourceBuilder(config: config).build(s, format: "csv")
        #expect(table.column(named: "ind")?.values == .text(["C27", "J66"]))
        #expect(numbers(table, "revenue") == [2.5, 3])
        var forced = config
        forced.textColumns = ["revenue"]
        let (t2, _) = try SourceBuilder(config: forced).build(s, format: "csv")
        #expect(t2.column(named: "revenue")?.values == .text(["5", "6"]))
    }

    @Test("Per-column missing codes apply to that column only; numeric codes match numerically")
    func columnMissing() throws {
        let s = sheet("code,year,a,b\n1,2019,-1.0,-1\n2,2019,0,0\n")
        let config = FinancialSource(name: "x", path: "x", firm: "code", year: "year",
                                     columnMissingCodes: ["a": ["-1"], "b": ["0"]])
        let (table, _) = try SourceBuilder(config: config).build(s, format: "csv")
        #expect(numbers(table, "a") == [nil, 0])
        #expect(numbers(table, "b") == [-1, nil])
    }

    @Test("A missing firm column is an error naming the available columns")
    func missingColumn() {
        let config = FinancialSource(name: "x", path: "x", firm: "Stkcd", year: "year")
        #expect(throws: PanelError.missingColumn(source: "x", column: "Stkcd", role: "firm",
                                                 available: ["code", "year"])) {
            try SourceBuilder(config: config).build(sheet("code,year\n1,2019\n"), format: "csv")
        }
    }
}
