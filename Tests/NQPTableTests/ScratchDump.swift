import Foundation
import Testing
@testable import NQPTable
import ZIPFoundation

@Test func scratch_dump() throws {
    let bytes = try DTAWriter(options: .init(sortColumns: ["firm"])).encode(DTAWriterTests.sample())
    try AtomicFile.write(bytes, to: URL(fileURLWithPath: "/tmp/tables_sample.dta"))
}

@Test func scratch_xlsx() throws {
    let url = URL(fileURLWithPath: "/work/shared/realdata/MetaGLM__FinGLM/firm_year_extracted_xlsx/profit_statement.xlsx")
    let a = try ZIPFoundation.Archive(url: url, accessMode: .read)
    var t0 = Date()
    var n = 0
    for e in a { _ = try a.extract(e, skipCRC32: true) { n += $0.count } }
    print("XLSX unzip nocrc", n, Date().timeIntervalSince(t0))
    t0 = Date()
    for e in a { _ = try a.extract(e, skipCRC32: false) { n += $0.count } }
    print("XLSX unzip crc", n, Date().timeIntervalSince(t0))
    t0 = Date()
    let rows = try XLSXReader.rows(contentsOf: url)
    print("XLSX", rows.count, Date().timeIntervalSince(t0), rows[0].fields.prefix(8), rows[1].fields.prefix(8), rows.last!.row)
    print(try XLSXReader.sheetNames(contentsOf: url))
}
