import Foundation
import Testing
@testable import NQPTable
import NQPTestSupport

@Suite("DTA writer")
struct DTAWriterTests {
    static func sample() -> Table {
        Table(columns: [
            Column(name: "firm", label: "证券代码", values: .text(["000001", "000002", "600000"])),
            Column(name: "year", label: "Fiscal year", values: .number([2019, 2020, 2019])),
            Column(name: "公司名称", label: "公司简称", values: .text(["平安银行", nil, "浦发银行"])),
            Column(name: "dt", label: "数字化转型词频", values: .number([0.5, nil, .nan])),
            Column(name: "big", values: .number([100_000, -5, nil])),
            Column(name: "mid", values: .number([1000, nil, -32767])),
            Column(name: "soe", label: "State owned", values: .number([1, 0, nil]),
                   valueLabels: [0: "非国有", 1: "国有"]),
        ], label: "NQP panel")
    }

    @Test func chooses_compact_integer_types_and_byte_widths() throws {
        let plan = try DTAWriter().variables(for: Self.sample())
        #expect(plan.map(\.type) == [.str(6), .int, .str(12), .double, .long, .int, .byte])
        #expect(plan.map(\.format) == ["%-6s", "%8.0g", "%-12s", "%10.0g", "%12.0g", "%8.0g", "%8.0g"])
        #expect(plan[6].valueLabelName == "soe")
    }

    @Test func round_trips_through_own_reader() throws {
        let table = Self.sample()
        let bytes = try DTAWriter(options: .init(sortColumns: ["firm"])).encode(table)
        let file = try DTAReader.read(bytes: bytes)
        #expect(file.release == 118)
        #expect(file.table.label == "NQP panel")
        #expect(file.sortColumns == ["firm"])
        #expect(file.table.columns.map(\.name) == table.columns.map(\.name))
        #expect(file.table.columns.map(\.label) == table.columns.map(\.label))
        #expect(file.table.columns[0].values == .text(["000001", "000002", "600000"]))
        #expect(file.table.columns[3].values == .number([0.5, nil, nil]))
        #expect(file.table.columns[6].valueLabels == [0: "非国有", 1: "国有"])
        #expect(file.timestamp == "")
    }
}
