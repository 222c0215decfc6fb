import Foundation
@testable import NQPTable
import NQPTestSupport

/// Hand-made panels for the .dta tests.
enum DTAFixtures {
    static let longLabel = String(repeating: "数字化转型", count: 20)  // 100 characters, 300 bytes

    /// Chinese names and labels, str# up to exactly 2045 bytes, a strL (> 2045 bytes) with a missing cell, missing
    /// values in byte/int/long/double, NaN/±∞, negative zero, an all-missing numeric and text column, value labels.
    static func richPanel(rows: Int = 4) -> Table {
        let exact2045 = String(repeating: "a", count: 2043) + "é"  // 2043 + 2 bytes = 2045 bytes
        let over = String(repeating: "长", count: 1000)  // 3000 bytes → strL
        func cycle<T>(_ values: [T]) -> [T] { (0..<rows).map { values[$0 % values.count] } }
        return Table(columns: [
            Column(name: "firm", label: "证券代码", values: .text(cycle(["000001", "000002", "300617", "600000"]))),
            Column(name: "year", label: "会计年度", values: .number(cycle([2019, 2020, 2019, 2021]))),
            Column(name: "公司简称", label: "公司简称", values: .text(cycle(["平安银行", "万 科Ａ", nil, "浦发\"银行\""]))),
            Column(name: "note", label: longLabel, values: .text(cycle([exact2045, "", nil, "x"]))),
            Column(name: "essay", label: "Long text (strL)", values: .text(cycle([over, nil, "短", over + "!"]))),
            Column(name: "soe", label: "产权性质", values: .number(cycle([1, 0, nil, 1])),
                   valueLabels: [0: "非国有", 1: "国有企业",
                                 2: "a value label longer than thirty-two characters (haven#259) 中文"]),
            Column(name: "staff_k", label: "Employees (thousands)", values: .number(cycle([-32767, nil, 32740, 7]))),
            Column(name: "patents", label: "Patents", values: .number(cycle([nil, 2_147_483_620, -2_147_483_647, 0]))),
            Column(name: "dt_freq", label: "DT keyword frequency", values: .number(cycle([0.1, nil, .nan, -0.0]))),
            Column(name: "ratio", label: "Ratio", values: .number(cycle([.infinity, 8.98e307, 5e-324, -1e-300]))),
            Column(name: "empty_num", label: "All missing", values: .number(cycle([nil, .nan]))),
            Column(name: "empty_txt", label: "All missing text", values: .text(cycle([nil, ""]))),
        ], label: "NQP 面板 panel")
    }

    /// `rows` × 60 columns: firm, year, then 58 columns cycling double / int / text / byte, with missing values.
    /// Values follow integer formulas that Python can reproduce exactly if needed.
    static func largePanel(rows: Int) -> Table {
        var columns: [Column] = [
            Column(name: "firm", label: "证券代码",
                   values: .text((0..<rows).map { r in
                       let s = String(r / 10)
                       return String(repeating: "0", count: max(0, 6 - s.count)) + s
                   })),
            Column(name: "year", label: "年度", values: .number((0..<rows).map { Double(2010 + $0 % 10) })),
        ]
        for c in 2..<60 {
            let values: ColumnValues
            switch c % 4 {
            case 0:
                values = .number((0..<rows).map { (r: Int) -> Double? in
                    if (r + c) % 97 == 0 { return nil }
                    let numerator = Double((r * 7919 + c * 104_729) % 1_000_003)
                    return numerator / 7.0 - 50000.0
                })
            case 1:
                values = .number((0..<rows).map { (r: Int) -> Double? in
                    (r * c) % 89 == 0 ? nil : Double((r * 31 + c) % 30000 - 15000)
                })
            case 2:
                values = .text((0..<rows).map { r in r % 13 == 0 ? nil : "名称\(r % 1000)" })
            default:
                values = .number((0..<rows).map { (r: Int) -> Double? in r % 7 == 0 ? nil : Double(r % 100) })
            }
            columns.append(Column(name: "v\(c)", label: "变量 \(c)", values: values))
        }
        return Table(columns: columns, label: "large panel")
    }
}
