import Foundation
import Testing
@testable import NQPExport
import NQPTable
import NQPTestSupport

@Suite("Panel exporter")
struct PanelExporterTests {
    static func panel() -> NQPTable.Table {
        NQPTable.Table(columns: [
            Column(name: "firm", label: "证券代码", sources: ["text"], values: .text(["000001", "000001", "300617"])),
            Column(name: "year", label: "会计年度", values: .number([2019, 2020, 2019])),
            Column(name: "name", label: "公司简称", values: .text(["平安银行", "=HYPERLINK(\"x\")", nil])),
            Column(name: "note", label: "Note, with \"quotes\"", values: .text(["+1", "-2", "@x"])),
            Column(name: "revenue", label: "营业收入", unit: "CNY", definition: "Operating revenue",
                   sources: ["profit_statement.xlsx"], values: .number([318024319.30, nil, -0.0])),
            Column(name: "dt", label: "DT frequency", definition: "dictionary dt, category all",
                   values: .number([0.1, 1e-05, .nan])),
            Column(name: "soe", label: "State owned", values: .number([1, 1, 0]), valueLabels: [0: "非国有", 1: "国有"]),
        ], label: "NQP panel 面板")
    }

    static func export(_ table: NQPTable.Table = panel(), sqlite: Bool = false) throws -> URL {
        let folder = try TestPaths.temporaryDirectory("nqp-export").appendingPathComponent("out")
        try PanelExporter(options: PanelExportOptions(sqlite: sqlite)).export(table, to: folder)
        return folder
    }

    static var hasPython: Bool {
        guard let python = which("python3") else { return false }
        return (try? runCommand(python, ["-c", "import pandas"]))?.status == 0
    }

    static var hasR: Bool {
        guard let r = which("Rscript") else { return false }
        return (try? runCommand(r, ["-e", "library(readr); library(haven)"]))?.status == 0
    }

    @Test func writes_every_file_and_nothing_else() throws {
        let folder = try Self.export(sqlite: true)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files == ["codebook.csv", "codebook.md", "panel.csv", "panel.dta", "panel.sqlite", "panel_import.R",
                          "panel_import.do"])
    }

    @Test func same_table_gives_identical_bytes() throws {
        let a = try Self.export(sqlite: true), b = try Self.export(sqlite: true)
        for file in ["panel.dta", "panel.csv", "codebook.csv", "codebook.md", "panel_import.do", "panel_import.R",
                     "panel.sqlite"] {
            #expect(try Data(contentsOf: a.appendingPathComponent(file)) == Data(contentsOf: b.appendingPathComponent(file)),
                    "\(file)")
        }
    }

    @Test func csv_has_bom_lf_quotes_missing_as_empty_and_neutralised_formulas() throws {
        let bytes = try [UInt8](Data(contentsOf: try Self.export().appendingPathComponent("panel.csv")))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(!text.contains("\r\n"), "every CSV ends its rows with LF (README \"Outputs\")")
        let lines = text.components(separatedBy: "\n")
        #expect(lines[0] == "firm,year,name,note,revenue,dt,soe")
        #expect(lines[1] == "000001,2019,平安银行,'+1,318024319.3,0.1,1")
        #expect(lines[2] == "000001,2020,\"'=HYPERLINK(\"\"x\"\")\",'-2,,1e-05,1")
        #expect(lines[3] == "300617,2019,,'@x,-0,,0")
        #expect(PanelCSV.neutralized("\tx") == "'\tx")
        #expect(PanelCSV.neutralized("\rx") == "'\rx")
        #expect(PanelCSV.neutralized("平安") == "平安")
    }

    @Test func codebook_lists_types_units_sources_and_statistics() throws {
        let folder = try Self.export()
        let records = try CSVReader.records(contentsOf: folder.appendingPathComponent("codebook.csv"))
        #expect(records[0].fields == ["name", "label", "type", "unit", "definition", "sources", "non_missing", "mean",
                                      "min", "max"])
        #expect(records[1].fields == ["firm", "证券代码", "str6", "", "", "text", "3", "", "", ""])
        #expect(records[2].fields == ["year", "会计年度", "int", "", "", "", "3", "2019.3333333333333", "2019", "2020"])
        #expect(records[5].fields == ["revenue", "营业收入", "double", "CNY", "Operating revenue",
                                      "profit_statement.xlsx", "2", "159012159.65", "-0", "318024319.3"])
        let markdown = try String(contentsOf: folder.appendingPathComponent("codebook.md"), encoding: .utf8)
        #expect(markdown.contains("| revenue | 营业收入 | double | CNY | Operating revenue | profit_statement.xlsx | 2 | 1.59012e+08 | -0 | 3.18024e+08 |"))
    }

    @Test func import_scripts_name_types_and_labels() throws {
        let folder = try Self.export()
        let doFile = try String(contentsOf: folder.appendingPathComponent("panel_import.do"), encoding: .utf8)
        #expect(doFile.contains("import delimited using \"panel.csv\", clear varnames(1) encoding(utf8) bindquote(strict) case(preserve) asdouble stringcols(1 3 4) numericcols(2 5 6 7)"))
        #expect(doFile.contains("label variable firm `\"证券代码\"'"))
        #expect(doFile.contains("label variable note `\"Note, with \"quotes\"\"'"))
        #expect(doFile.contains("label define soe 0 `\"非国有\"' 1 `\"国有\"', replace"))
        let rFile = try String(contentsOf: folder.appendingPathComponent("panel_import.R"), encoding: .utf8)
        #expect(rFile.contains("col_types = \"ccccccc\""))
        #expect(rFile.contains("for (i in c(2, 5, 6, 7)) panel[[i]] <- as.numeric(panel[[i]])"))
        #expect(rFile.unicodeScalars.allSatisfy { $0.isASCII })
    }

    @Test func invalid_names_fail_validation_before_anything_is_written() throws {
        let table = NQPTable.Table(columns: [Column(name: "2nd", values: .number([1]))])
        #expect(throws: ExportError.self) { try PanelExporter().validate(table) }
        let folder = try TestPaths.temporaryDirectory("nqp-export")
        #expect(throws: ExportError.self) { try PanelExporter().export(table, to: folder) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    /// Checked with Python's standard sqlite3 module (the test target does not link GRDB itself).
    @Test(.enabled(if: which("python3") != nil, "python3 is not installed"))
    func sqlite_holds_the_panel_and_its_labels() throws {
        let folder = try Self.export(sqlite: true)
        let script = #"""
import sys, sqlite3
db = sqlite3.connect(sys.argv[1])
rows = db.execute("SELECT firm, year, revenue, dt, typeof(year), typeof(revenue) FROM panel ORDER BY rowid").fetchall()
assert len(rows) == 3, rows
assert rows[0] == ("000001", 2019, 318024319.30, 0.1, "integer", "real"), rows[0]
assert rows[2][3] is None and rows[1][2] is None
assert db.execute("SELECT label, unit FROM labels WHERE name = 'revenue'").fetchone() == ("营业收入", "CNY")
print("ok")
"""#
        let python = try #require(which("python3"))
        let result = try runCommand(python, ["-c", script, folder.appendingPathComponent("panel.sqlite").path])
        #expect(result.stdout.contains("ok"), "\(result.stderr)")
    }

    @Test(.enabled(if: hasPython, "python3 with pandas is not installed"))
    func pandas_reads_the_csv_with_firm_as_text() throws {
        let folder = try Self.export()
        let script = #"""
import sys, pandas as pd
df = pd.read_csv(sys.argv[1], dtype={"firm": str, "name": str, "note": str}, encoding="utf-8-sig", keep_default_na=False, na_values=[""], float_precision="round_trip")
assert list(df["firm"]) == ["000001", "000001", "300617"], list(df["firm"])
assert df["revenue"][0] == 318024319.30 and pd.isna(df["revenue"][1])
assert str(df["revenue"][2]) == "-0.0"
assert df["dt"][1] == 1e-05 and pd.isna(df["dt"][2])
assert df["name"][1] == "'=HYPERLINK(\"x\")"
assert list(df.columns) == ["firm", "year", "name", "note", "revenue", "dt", "soe"]
print("ok")
"""#
        let python = try #require(which("python3"))
        let result = try runCommand(python, ["-c", script, folder.appendingPathComponent("panel.csv").path])
        #expect(result.stdout.contains("ok"), "\(result.stderr)")
    }

    @Test(.enabled(if: hasR, "Rscript with readr and haven is not installed"))
    func r_import_script_loads_types_values_and_labels() throws {
        let folder = try Self.export()
        let script = #"""
source("panel_import.R")
stopifnot(identical(as.character(panel$firm), c("000001", "000001", "300617")))
stopifnot(is.numeric(panel$year), identical(panel$revenue[1], 318024319.30), is.na(panel$revenue[2]))
stopifnot(identical(panel$dt[2], 1e-05), is.na(panel$name[3]))
stopifnot(identical(attr(panel$firm, "label"), "\u8bc1\u5238\u4ee3\u7801"))
stopifnot(inherits(panel$soe, "haven_labelled"), identical(unname(attr(panel$soe, "labels")), c(0, 1)))
stopifnot(identical(names(attr(panel$soe, "labels")), c("\u975e\u56fd\u6709", "\u56fd\u6709")))
cat("ok\n")
"""#
        let r = try #require(which("Rscript"))
        let result = try runCommand(r, ["-e", script], currentDirectory: folder)
        #expect(result.stdout.contains("ok"), "\(result.stderr)")
    }

    @Test(.enabled(if: hasPython, "python3 with pandas is not installed"))
    func pandas_reads_the_dta_with_labels() throws {
        let folder = try Self.export()
        let script = #"""
import sys, pandas as pd
with pd.io.stata.StataReader(sys.argv[1]) as r:
    df = r.read(convert_categoricals=False); labels = r.variable_labels(); vl = r.value_labels()
assert list(df["firm"]) == ["000001", "000001", "300617"]
assert labels["revenue"] == "营业收入" and vl["soe"] == {0: "非国有", 1: "国有"}
assert r.data_label == "NQP panel 面板"
print("ok")
"""#
        let python = try #require(which("python3"))
        let result = try runCommand(python, ["-c", script, folder.appendingPathComponent("panel.dta").path])
        #expect(result.stdout.contains("ok"), "\(result.stderr)")
    }

    @Test func an_empty_panel_still_writes_every_file() throws {
        let empty = NQPTable.Table(columns: Self.panel().columns.map { column in
            var column = column
            column.values = column.isNumeric ? .number([]) : .text([])
            return column
        }, label: "empty")
        let folder = try Self.export(empty, sqlite: true)
        let csv = try [UInt8](Data(contentsOf: folder.appendingPathComponent("panel.csv")))
        #expect(csv == [0xEF, 0xBB, 0xBF] + Array("firm,year,name,note,revenue,dt,soe\n".utf8))
        let file = try DTAReader.read(contentsOf: folder.appendingPathComponent("panel.dta"))
        #expect(file.table.rowCount == 0)
        #expect(file.table.columns.map(\.name) == empty.columns.map(\.name))
    }

    @Test func value_labels_on_a_text_column_are_refused() {
        let table = NQPTable.Table(columns: [Column(name: "x", values: .text(["a"]), valueLabels: [1: "one"])])
        #expect(throws: ExportError.self) { try PanelExporter().validate(table) }
    }
}
