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

    @Test func all_doubles_when_compact_integers_is_off() throws {
        let plan = try DTAWriter(options: .init(compactIntegers: false)).variables(for: Self.sample())
        #expect(plan.filter { $0.type.isNumeric }.allSatisfy { $0.type == .double })
    }

    @Test func integer_range_limits_pick_the_next_wider_type() throws {
        func type(_ values: [Double?]) throws -> DTAStorageType {
            try DTAWriter().variables(for: Table(columns: [Column(name: "x", values: .number(values))]))[0].type
        }
        #expect(try type([-127, 100]) == .byte)
        #expect(try type([101]) == .int)
        #expect(try type([-128]) == .int)
        #expect(try type([32740]) == .int)
        #expect(try type([32741]) == .long)
        #expect(try type([2_147_483_620]) == .long)
        #expect(try type([2_147_483_621]) == .double)
        #expect(try type([0.5]) == .double)
        #expect(try type([-0.0]) == .double)   // keeps the sign bit
        #expect(try type([nil, .nan]) == .byte) // all missing
    }

    @Test func strings_up_to_2045_bytes_are_str_and_longer_are_strL() throws {
        func type(_ text: String) throws -> DTAStorageType {
            try DTAWriter().variables(for: Table(columns: [Column(name: "s", values: .text([text, nil]))]))[0].type
        }
        #expect(try type(String(repeating: "a", count: 2045)) == .str(2045))
        #expect(try type(String(repeating: "a", count: 2046)) == .strL)
        #expect(try type(String(repeating: "长", count: 681)) == .str(2043))
        #expect(try type("") == .str(1))
    }

    @Test func missing_values_use_stata_codes_never_nan() throws {
        // All-missing numeric columns (nil, NaN, -inf) are stored as byte with the `.` code 101.
        let table = Table(columns: [
            Column(name: "b", values: .number([nil])),
            Column(name: "n", values: .number([.nan])),
            Column(name: "d", values: .number([-.infinity])),
        ])
        let bytes = try DTAWriter().encode(table)
        let file = try DTAReader.read(bytes: bytes)
        #expect(file.table.columns.allSatisfy { $0.values == .number([nil]) })
        let data = try #require(Self.dataSection(bytes))
        #expect(data == [0x65, 0x65, 0x65])
        let wide = Table(columns: [Column(name: "i", values: .number([nil, 1000])),
                                   Column(name: "l", values: .number([nil, 100_000])),
                                   Column(name: "d", values: .number([.infinity, 0.5]))])
        let wideData = try #require(Self.dataSection(try DTAWriter().encode(wide)))
        #expect(Array(wideData[0..<2]) == [0xE5, 0x7F])              // int 32741
        #expect(Array(wideData[2..<6]) == [0xE5, 0xFF, 0xFF, 0x7F])  // long 2147483621
        #expect(Array(wideData[6..<14]) == [0, 0, 0, 0, 0, 0, 0xE0, 0x7F])
    }

    static func dataSection(_ bytes: [UInt8]) -> [UInt8]? {
        let open = Array("<data>".utf8), close = Array("</data>".utf8)
        guard let start = bytes.firstRange(of: open)?.upperBound,
              let end = bytes[start...].firstRange(of: close)?.lowerBound else { return nil }
        return Array(bytes[start..<end])
    }

    @Test func round_trips_through_own_reader() throws {
        let table = DTAFixtures.richPanel()
        let bytes = try DTAWriter(options: .init(sortColumns: ["firm"])).encode(table)
        let file = try DTAReader.read(bytes: bytes)
        #expect(file.release == 118)
        #expect(file.table.label == "NQP 面板 panel")
        #expect(file.sortColumns == ["firm"])
        #expect(file.timestamp == "")
        #expect(file.table.columns.map(\.name) == table.columns.map(\.name))
        for (read, written) in zip(file.table.columns, table.columns) {
            #expect(read.label == StataName.truncatedLabel(written.label))
            #expect(read.valueLabels == written.valueLabels)
            switch (read.values, written.values) {
            case let (.text(r), .text(w)):
                #expect(r == w.map { ($0?.isEmpty ?? true) ? nil : $0 })
            case let (.number(r), .number(w)):
                #expect(r.map { $0?.bitPattern } == w.map { v in v.flatMap { $0.isFinite ? $0.bitPattern : nil } })
            default:
                Issue.record("column \(read.name) changed kind")
            }
        }
    }

    @Test func variable_labels_are_cut_at_80_characters_on_a_character_boundary() throws {
        let label = DTAFixtures.longLabel  // 100 Chinese characters
        let cut = StataName.truncatedLabel(label)
        #expect(cut.unicodeScalars.count == 80)
        #expect(label.hasPrefix(cut))
        #expect(cut.utf8.count == 240)
        let file = try DTAReader.read(bytes: try DTAWriter().encode(
            Table(columns: [Column(name: "x", label: label, values: .number([1]))], label: label)))
        #expect(file.table.columns[0].label == cut)
        #expect(file.table.label == cut)
    }

    @Test func invalid_names_are_rejected_with_the_reason() {
        let cases: [(String, String)] = [
            ("1abc", "starts with a digit"), ("", "empty"), (String(repeating: "a", count: 33), "at most 32"),
            ("a-b", "not a letter"), ("_N", "reserved"), ("str12", "reserved"), ("a b", "not a letter"),
        ]
        for (name, reason) in cases {
            #expect(throws: TableError.self) {
                try DTAWriter().encode(Table(columns: [Column(name: name, values: .number([1]))]))
            }
            #expect(StataName.problem(with: name)?.contains(reason) == true, "\(name)")
        }
        #expect(StataName.problem(with: "数字化_2") == nil)
        #expect(StataName.problem(with: String(repeating: "长", count: 32)) == nil)
    }

    @Test func duplicate_names_and_ragged_columns_are_errors() {
        #expect(throws: TableError.invalidName(name: "x", reason: "it is used by more than one column")) {
            try DTAWriter().encode(Table(columns: [Column(name: "x", values: .number([1])),
                                                   Column(name: "x", values: .number([2]))]))
        }
        #expect(throws: TableError.shapeMismatch(column: "y", expected: 1, actual: 2)) {
            try DTAWriter().encode(Table(columns: [Column(name: "x", values: .number([1])),
                                                   Column(name: "y", values: .number([2, 3]))]))
        }
    }

    @Test func unsorted_rows_are_refused_for_a_sortlist() {
        let table = Table(columns: [Column(name: "firm", values: .text(["000002", "000001"]))])
        #expect(throws: TableError.self) { try DTAWriter(options: .init(sortColumns: ["firm"])).encode(table) }
        #expect(throws: TableError.self) { try DTAWriter(options: .init(sortColumns: ["nope"])).encode(table) }
    }

    @Test func map_offsets_point_at_their_tags() throws {
        let bytes = try DTAWriter().encode(DTAFixtures.richPanel())
        let mapStart = try #require(bytes.firstRange(of: Array("<map>".utf8))).upperBound
        let tags = ["<stata_dta>", "<map>", "<variable_types>", "<varnames>", "<sortlist>", "<formats>",
                    "<value_label_names>", "<variable_labels>", "<characteristics>", "<data>", "<strls>",
                    "<value_labels>", "</stata_dta>"]
        for (i, tag) in tags.enumerated() {
            let offset = bytes[(mapStart + 8 * i)..<(mapStart + 8 * i + 8)].reversed().reduce(0) { $0 << 8 | Int($1) }
            #expect(Array(bytes[offset..<(offset + tag.utf8.count)]) == Array(tag.utf8), "\(tag)")
        }
        let end = bytes[(mapStart + 104)..<(mapStart + 112)].reversed().reduce(0) { $0 << 8 | Int($1) }
        #expect(end == bytes.count)
    }

    @Test func same_table_gives_same_bytes() throws {
        let a = try DTAWriter().encode(DTAFixtures.richPanel())
        let b = try DTAWriter().encode(DTAFixtures.richPanel())
        #expect(a == b)
    }

    @Test func values_beyond_stata_double_range_are_an_error() {
        #expect(throws: TableError.self) {
            try DTAWriter().encode(Table(columns: [Column(name: "x", values: .number([1e308]))]))
        }
    }
}
