import Foundation
import Testing
@testable import NQPTable
import NQPTestSupport

@Suite("XLSX reader")
struct XLSXReaderTests {
    /// A workbook made with Python's zipfile (no Excel library): two sheets, shared strings (plain, rich text,
    /// phonetic run), inline strings, numbers, booleans, an error, a formula string, gaps and a skipped row.
    static let makeWorkbook = #"""
import sys, zipfile
out = sys.argv[1]
ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
files = {
"[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
"_rels/.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
"xl/workbook.xml": f'<?xml version="1.0"?><workbook {ns}><sheets><sheet name="利润表" sheetId="1" r:id="rId7"/><sheet name="Other" sheetId="2" r:id="rId8"/></sheets></workbook>',
"xl/_rels/workbook.xml.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
"xl/sharedStrings.xml": f'<?xml version="1.0"?><sst {ns} count="4" uniqueCount="4"><si><t>股票代码</t></si><si><r><t>营业</t></r><r><rPr><b/></rPr><t xml:space="preserve">收入 </t></r></si><si><t>平安银行</t><rPh sb="0" eb="1"><t>ピン</t></rPh></si><si><t>A&amp;B_x000D_C</t></si></sst>',
"xl/worksheets/sheet2.xml": f'<?xml version="1.0"?><worksheet {ns}><dimension ref="A1:E4"/><sheetData>'
  '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="E1" t="inlineStr"><is><t>备注</t></is></c></row>'
  '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>318024319.30000001</v></c><c r="C2" t="b"><v>1</v></c><c r="D2" t="e"><v>#DIV/0!</v></c></row>'
  '<row r="4"><c r="A4"><v>1</v></c><c r="B4" s="3"><v>43830</v></c><c r="C4" t="str"><f>A4&amp;"x"</f><v>1x</v></c><c r="E4" t="s"><v>3</v></c></row>'
  '<row r="5"><c r="B5"/></row>'
  '</sheetData></worksheet>',
"xl/worksheets/sheet1.xml": f'<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row><x:c t="inlineStr"><x:is><x:t>only</x:t></x:is></x:c><x:c><x:v>1E-3</x:v></x:c></x:row></x:sheetData></x:worksheet>',
}
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for name, text in files.items(): z.writestr(name, text)
print("ok")
"""#

    static func workbook() throws -> URL {
        let url = try TestPaths.temporaryDirectory("nqp-xlsx").appendingPathComponent("book.xlsx")
        #expect(try ExternalReaders.runPython(makeWorkbook, [url.path]).contains("ok"))
        return url
    }


    @Test(.enabled(if: ExternalReaders.hasPython, "python3 (stdlib zipfile) is needed to build the workbook"))
    func reads_first_sheet_with_all_cell_kinds_at_the_right_columns() throws {
        let url = try Self.workbook()
        let rows = try XLSXReader.rows(contentsOf: url)
        #expect(rows.map(\.row) == [1, 2, 4, 5])
        #expect(rows[0].fields == ["股票代码", "营业收入 ", "", "", "备注"])
        #expect(rows[1].fields == ["平安银行", "318024319.30000001", "TRUE", "#DIV/0!", ""])
        #expect(rows[2].fields == ["1", "43830", "1x", "", "A&B\rC"])
        #expect(rows[3].fields == ["", "", "", "", ""])
    }

    @Test(.enabled(if: ExternalReaders.hasPython, "python3 (stdlib zipfile) is needed to build the workbook"))
    func reads_a_named_sheet_with_prefixed_xml_and_no_cell_references() throws {
        let rows = try XLSXReader.rows(contentsOf: try Self.workbook(), sheet: "Other")
        #expect(rows == [XLSXRow(fields: ["only", "1E-3"], row: 1)])
    }

    @Test(.enabled(if: ExternalReaders.hasPython, "python3 (stdlib zipfile) is needed to build the workbook"))
    func unknown_sheet_names_list_the_available_ones() throws {
        let url = try Self.workbook()
        #expect(throws: TableError.sheetNotFound(path: url.path, sheet: "Nope", available: ["利润表", "Other"])) {
            _ = try XLSXReader.rows(contentsOf: url, sheet: "Nope")
        }
    }

    @Test func a_file_that_is_not_a_zip_is_a_clear_error() throws {
        let url = try TestPaths.temporaryDirectory("nqp-xlsx").appendingPathComponent("fake.xlsx")
        try Data("not a zip".utf8).write(to: url)
        #expect(throws: TableError.self) { _ = try XLSXReader.rows(contentsOf: url) }
    }

    @Test func cell_references_map_to_column_indices() {
        #expect(XLSXText.columnIndex(ofCellReference: "A1") == 0)
        #expect(XLSXText.columnIndex(ofCellReference: "C5") == 2)
        #expect(XLSXText.columnIndex(ofCellReference: "AA10") == 26)
        #expect(XLSXText.columnIndex(ofCellReference: "AX11588") == 49)
        #expect(XLSXText.columnIndex(ofCellReference: "12") == nil)
    }

    @Test(.enabled(if: TestPaths.hasRealData))
    func realdata_finglm_profit_statement_header_and_row_count() throws {
        let url = try #require(TestPaths.realData)
            .appendingPathComponent("MetaGLM__FinGLM/firm_year_extracted_xlsx/profit_statement.xlsx")
        let rows = try XLSXReader.rows(contentsOf: url)
        #expect(rows.count - 1 == 11_587)
        #expect(Array(rows[0].fields.prefix(5)) == ["报告年份", "信息来源", "股票代码", "股票简称", "营业总收入"])
        // 安靠智电 (300617) 2019 operating revenue as stored, the figure the FinGLM gold answers give.
        let ankao = rows.first { $0.fields[0] == "2019" && $0.fields[2] == "300617" }
        #expect(ankao.map { Double($0.fields[4]) } == 318024319.30)
    }
}

/// A small workbook whose worksheet inflates far beyond the limit is refused while inflating.
@Suite("XLSX decompression limit")
struct XLSXDecompressionLimitTests {
    @Test(.enabled(if: which("python3") != nil, "python3 (stdlib zipfile) is needed to build the workbook"))
    func an_inflated_sheet_beyond_the_limit_is_an_error_not_an_allocation() throws {
        let url = try TestPaths.temporaryDirectory("nqp-xlsx").appendingPathComponent("bomb.xlsx")
        let script = """
        import sys, zipfile
        with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
            z.writestr("xl/workbook.xml", '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>')
            z.writestr("xl/_rels/workbook.xml.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
            z.writestr("xl/worksheets/sheet1.xml", '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' + ' ' * (24 << 20) + '</sheetData></worksheet>')
        """
        let made = try runCommand(try #require(which("python3")), ["-c", script, url.path])
        #expect(made.status == 0, "\(made.stderr)")
        do {
            _ = try XLSXReader.rows(contentsOf: url, maxPartBytes: 4 << 20)
            Issue.record("a 24 MiB sheet passed a 4 MiB limit")
        } catch {
            #expect("\(error)".contains("inflates to more than"), "\(error)")
            #expect("\(error)".contains("xl/worksheets/sheet1.xml"))
        }
        #expect(try XLSXReader.rows(contentsOf: url).isEmpty, "under the default limit it is an empty sheet")
    }
}
