import Foundation
import NQPEncoding
import Testing
@testable import NQPTable

/// Any change to the writer's bytes is noticed here. The expected bytes were checked once with pandas
/// `read_stata` and `readstat` before being frozen (see `DTAGoldenFixture`). If a change is intended, regenerate
/// with `NQP_PRINT_GOLDEN=1 swift test --filter golden`, re-check with both readers, and replace the fixture.
@Suite("DTA golden bytes")
struct DTAGoldenTests {
    static func tinyTable() -> Table {
        Table(columns: [
            Column(name: "firm", label: "证券代码", values: .text(["000001", "600000"])),
            Column(name: "year", label: "Year", values: .number([2019, 2020])),
            Column(name: "dt", label: "DT 指数", values: .number([0.25, nil])),
            Column(name: "soe", label: "SOE", values: .number([1, nil]), valueLabels: [0: "否", 1: "是"]),
        ], label: "tiny")
    }

    @Test func tiny_panel_matches_frozen_bytes() throws {
        let bytes = try DTAWriter(options: .init(sortColumns: ["firm", "year"])).encode(Self.tinyTable())
        let hex = Hex.string(bytes)
        if ProcessInfo.processInfo.environment["NQP_PRINT_GOLDEN"] != nil {
            try Data(bytes).write(to: URL(fileURLWithPath: "/tmp/nqp_golden.dta"))
            print("GOLDEN-HEX \(hex)")
        }
        #expect(hex == DTAGoldenFixture.tinyPanelHex.filter { !$0.isWhitespace })
    }
}
