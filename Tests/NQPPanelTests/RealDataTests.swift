import Foundation
import NQPTable
import NQPTestSupport
import Testing
@testable import NQPPanel

@Suite("Real third-party inputs (skipped without ../shared/realdata)")
struct RealDataTests {
    static var finGLM: URL? { TestPaths.realData?.appendingPathComponent("MetaGLM__FinGLM") }

    @Test("FinGLM profit_statement.xlsx: 安靠智电 300617 FY2019 营业收入 = 318024319.30; merges with report keys",
          .enabled(if: TestPaths.hasRealData))
    func finGLMProfit() throws {
        let base = try #require(Self.finGLM)
        let path = base.appendingPathComponent("firm_year_extracted_xlsx/profit_statement.xlsx").path
        let config = FinancialSource(name: "profit", path: path, firm: "股票代码", firmWidth: 6, year: "报告年份",
                                     renames: ["营业收入": "revenue"], keep: ["revenue", "研发费用", "股票简称"],
                                     textColumns: ["股票简称"], missingCodes: ["-1"])
        let (table, report) = try FinancialSourceReader(config: config).read()
        #expect(report.rowsRead == 11_587)
        let row = try #require(table.keys.firstIndex(of: PanelKey(firm: "300617", year: 2019)))
        #expect(numbers(table, "revenue")[row] == 318024319.30)
        #expect(table.column(named: "股票简称")?.values.asText()[row] == "安靠智电")
        let bohai = try #require(table.keys.firstIndex(of: PanelKey(firm: "000415", year: 2019)))
        #expect(numbers(table, "revenue")[bohai] == nil)   // -1.0 is missing
        #expect(report.missingCodeCells > 0)

        // Text measures keyed like the reports stored beside the workbook (firm_code_year in the file names).
        let names = try FileManager.default.contentsOfDirectory(atPath: base.appendingPathComponent(
            "annual_reports_html").path).sorted()
        let keys = names.compactMap { name -> PanelKey? in
            let parts = name.split(separator: "_")
            guard parts.count > 2, let year = Int(parts[2]) else { return nil }
            return PanelKey(firm: String(parts[0]), year: year)
        }
        let text = KeyedTable(source: "text", keys: keys.sorted(),
                              columns: [Column(name: "dt_total", values: .number(keys.map { _ in 0 }))])
        let (merged, merge) = try PanelMerger.merge(text: text, financials: [table],
                                                    options: MergeOptions(how: .leftText))
        #expect(merge.matched == keys.count)
        #expect(merge.textOnly == 0)
        #expect(merged.rowCount == keys.count)
        let akzd = try #require(texts(merged, "firm").firstIndex(of: "300617"))
        #expect(numbers(merged, "revenue")[akzd] == 318024319.30)
    }

    @Test("Snowflake companyfacts: one Assets value per fiscal year, by period end, not by fy",
          .enabled(if: TestPaths.hasRealData))
    func snowflake() throws {
        let path = try #require(TestPaths.realData).appendingPathComponent(
            "dgunning__edgartools/firm_year_facts/SNOW_companyfacts.json").path
        let config = FinancialSource(name: "sec", path: path, firmWidth: 10, fiscalYearEndMonth: 1,
                                     concepts: ["Assets", "ResearchAndDevelopmentExpense"])
        let (table, report) = try FinancialSourceReader(config: config).read()
        #expect(Set(table.keys).count == table.keys.count)
        #expect(Set(table.keys.map(\.firm)) == ["0001640147"])
        let assets = Dictionary(uniqueKeysWithValues: zip(table.keys.map(\.year), numbers(table, "Assets")))
        // Values read by hand from the JSON: 10-K balance sheets at 31 January (Compustat fiscal year = year − 1).
        #expect(assets[2019] == 1_012_720_000)    // 2020-01-31
        #expect(assets[2020] == 5_921_739_000)    // 2021-01-31
        #expect(assets[2021] == 6_649_698_000)    // 2022-01-31
        #expect(assets[2024] == 9_033_938_000)    // 2025-01-31
        let rd = Dictionary(uniqueKeysWithValues: zip(table.keys.map(\.year),
                                                      numbers(table, "ResearchAndDevelopmentExpense")))
        #expect(rd[2018] == 68_681_000)           // 2018-02-01…2019-01-31 (FY2018), only in the 10-K filed 2021
        #expect(rd[2020] == 237_946_000)          // reported in three 10-Ks (fy 2021, 2022, 2023)
        #expect(report.rowsKept == table.rowCount)
    }
}
