import Foundation
import Testing
@testable import NQPTable
import NQPTestSupport

@Suite("DTA reader")
struct DTAReaderTests {
    static let makeFilesScript = #"""
import sys, numpy as np, pandas as pd, pyreadstat
out = sys.argv[1]
df = pd.DataFrame({
    "firm": ["000001", "000002", "600000"],
    "year": np.array([2019, 2020, 2021], dtype=np.int16),
    "roa": [0.05, np.nan, -0.125],
    "emp": np.array([10, 20, 30], dtype=np.int32),
    "flag": np.array([1, 0, 1], dtype=np.int8),
    "f32": np.array([1.5, 2.25, np.nan], dtype=np.float32),
})
labels = {"firm": "Stock code", "roa": "Return on assets"}
df.to_stata(f"{out}/p117.dta", version=117, write_index=False, variable_labels=labels, data_label="from pandas 117",
            value_labels={"flag": {0: "no", 1: "yes"}})
df2 = df.copy(); df2["name"] = ["平安银行", "万科", ""]
df2.to_stata(f"{out}/p118.dta", version=118, write_index=False, variable_labels={**labels, "name": "公司简称"},
             data_label="from pandas 118", value_labels={"flag": {0: "否", 1: "是"}})
pyreadstat.write_dta(df2, f"{out}/p119.dta", file_label="from pyreadstat", column_labels={"roa": "资产收益率"},
                     variable_value_labels={"flag": {0: "否", 1: "是"}}, version=15)
df4 = pd.DataFrame({"id": [1.0, 2.0], "essay": ["长" * 1000, "short"]})
df4.to_stata(f"{out}/strl118.dta", version=118, write_index=False, convert_strl=["essay"])
df5 = pd.DataFrame({"id": [1.0, 2.0], "essay": ["x" * 3000, "short"]})
df5.to_stata(f"{out}/strl117.dta", version=117, write_index=False, convert_strl=["essay"])
df2.to_stata(f"{out}/p118msf.dta", version=118, write_index=False, byteorder=">", variable_labels={"name": "公司简称"},
             value_labels={"flag": {0: "否", 1: "是"}})
print("ok")
"""#

    static func makeFiles() throws -> URL {
        let folder = try TestPaths.temporaryDirectory("nqp-dta-read")
        let output = try ExternalReaders.runPython(makeFilesScript, [folder.path])
        #expect(output.contains("ok"))
        return folder
    }

    static func numbers(_ column: Column?) -> [Double?] {
        if case .number(let v)? = column?.values { return v }
        return []
    }

    static func texts(_ column: Column?) -> [String?] {
        if case .text(let v)? = column?.values { return v }
        return []
    }

    @Test(.enabled(if: ExternalReaders.hasPython, "python3 with pandas/pyreadstat/numpy is not installed"))
    func reads_what_pandas_writes_as_117_and_118_and_pyreadstat_as_119() throws {
        let folder = try Self.makeFiles()
        for (name, release) in [("p117.dta", 117), ("p118.dta", 118), ("p119.dta", 119)] {
            let file = try DTAReader.read(contentsOf: folder.appendingPathComponent(name))
            let table = file.table
            #expect(file.release == release, "\(name)")
            #expect(Self.texts(table.column(named: "firm")) == ["000001", "000002", "600000"], "\(name)")
            #expect(Self.numbers(table.column(named: "year")) == [2019, 2020, 2021], "\(name)")
            #expect(Self.numbers(table.column(named: "roa")) == [0.05, nil, -0.125], "\(name)")
            #expect(Self.numbers(table.column(named: "emp")) == [10, 20, 30], "\(name)")
            #expect(Self.numbers(table.column(named: "f32")) == [1.5, 2.25, nil], "\(name)")
            #expect(!(table.column(named: "flag")?.valueLabels.isEmpty ?? true), "\(name)")
        }
        let p118 = try DTAReader.read(contentsOf: folder.appendingPathComponent("p118.dta"))
        #expect(p118.table.label == "from pandas 118")
        #expect(p118.table.column(named: "firm")?.label == "Stock code")
        #expect(p118.table.column(named: "name")?.label == "公司简称")
        #expect(Self.texts(p118.table.column(named: "name")) == ["平安银行", "万科", nil])
        #expect(p118.table.column(named: "flag")?.valueLabels == [0: "否", 1: "是"])
        let p119 = try DTAReader.read(contentsOf: folder.appendingPathComponent("p119.dta"))
        #expect(p119.table.column(named: "roa")?.label == "资产收益率")
        #expect(p119.table.label == "from pyreadstat")
        let strl117 = try DTAReader.read(contentsOf: folder.appendingPathComponent("strl117.dta"))
        #expect(strl117.storageTypes[1] == .strL)
        #expect(Self.texts(strl117.table.column(named: "essay")) == [String(repeating: "x", count: 3000), "short"])
        let msf = try DTAReader.read(contentsOf: folder.appendingPathComponent("p118msf.dta"))
        #expect(Self.numbers(msf.table.column(named: "roa")) == [0.05, nil, -0.125])
        #expect(Self.numbers(msf.table.column(named: "emp")) == [10, 20, 30])
        #expect(Self.numbers(msf.table.column(named: "year")) == [2019, 2020, 2021])
        #expect(Self.texts(msf.table.column(named: "name")) == ["平安银行", "万科", nil])
        #expect(msf.table.column(named: "flag")?.valueLabels == [0: "否", 1: "是"])
        let strl = try DTAReader.read(contentsOf: folder.appendingPathComponent("strl118.dta"))
        #expect(strl.storageTypes[1] == .strL)
        #expect(Self.texts(strl.table.column(named: "essay")) == [String(repeating: "长", count: 1000), "short"])
    }

    @Test func rejects_old_formats_and_garbage_with_a_clear_error() {
        #expect(throws: TableError.unsupportedDTAVersion(path: "<memory>", version: "114")) {
            try DTAReader.read(bytes: [114, 2, 1, 0] + Array(repeating: 0, count: 100))
        }
        #expect(throws: TableError.self) { try DTAReader.read(bytes: Array("hello".utf8)) }
        #expect(throws: TableError.self) { try DTAReader.read(bytes: Array("<stata_dta><header><release>121".utf8)) }
    }

    @Test func truncated_files_report_an_offset() throws {
        let bytes = try DTAWriter().encode(DTAFixtures.richPanel())
        do {
            _ = try DTAReader.read(bytes: Array(bytes.prefix(bytes.count - 200)))
            Issue.record("no error")
        } catch {
            guard case .malformedDTA = error else { Issue.record("wrong error \(error)"); return }
            #expect("\(error)".contains("byte offset"))
        }
    }
}
