import NQPTable
import Testing
@testable import NQPPanel

@Suite("Sources → crosswalk → merge → indicators → screens")
struct PanelFlowTests {
    /// Indicators of the kind the shipped pipeline.yml declares (README "NQP indicator system"), over this test's
    /// variable names: plain ratios, a lagged mean and a multi-term formula.
    static let indicators: [IndicatorDefinition] = [
        .init(name: "rd_staff_ratio", formula: "rd_staff / employees"),
        .init(name: "fixed_asset_ratio", formula: "fixed_assets / total_assets"),
        .init(name: "manufacturing_cost_ratio",
              formula: "(op_cash_outflow + depreciation + amortization + impairment - cash_paid_goods"
                  + " - cash_paid_employees) / (op_cash_outflow + depreciation + amortization + impairment)"),
        .init(name: "asset_turnover", formula: "revenue / mean_lag(total_assets)"),
        .init(name: "equity_multiplier_rec", formula: "equity / total_assets"),
    ]

    @Test("NQP indicators compute on a CSMAR-like panel, and screens/winsorising run after them")
    func defaultSystem() throws {
        let balance = sheet("""
        Stkcd,Accper,Typrep,A001000000,A001212000,A001218000,A003000000
        1,2018-12-31,A,100,30,5,50
        1,2019-12-31,A,140,35,7,70
        1,2019-12-31,B,999,1,1,1
        600000,2019-12-31,A,200,20,10,20
        """)
        let income = sheet("""
        code,year,revenue,rd_salary,rd_dep_amort,rd_lease,rd_direct,op_cash_outflow,depreciation,amortization,impairment,cash_paid_goods,cash_paid_employees,rd_staff,employees,high_edu_staff
        1,2019,240,12,2,1,6,200,10,5,5,120,40,30,100,45
        1,2018,200,10,2,1,5,180,8,4,4,100,30,25,90,40
        600000,2019,50,0,0,0,0,40,0,0,0,30,10,0,0,0
        """)
        let (b, _) = try SourceBuilder(config: FinancialSource(
            name: "balance", path: "FS_Combas.csv", firm: "Stkcd", firmWidth: 6, date: "Accper",
            filters: ["Typrep": ["A"]],
            renames: ["A001000000": "total_assets", "A001212000": "fixed_assets", "A001218000": "intangible_assets",
                      "A003000000": "equity"])).build(balance, format: "csv")
        let (i, _) = try SourceBuilder(config: FinancialSource(name: "income", path: "inc.csv", firm: "code",
                                                               firmWidth: 6, year: "year")).build(income, format: "csv")
        let text = KeyedTable(source: "text", keys: [.init(firm: "000001", year: 2019), .init(firm: "600000", year: 2019)],
                              columns: [Column(name: "dt_total", values: .number([12, 0]))])
        let (merged, report) = try PanelMerger.merge(text: text, financials: [b, i],
                                                     options: MergeOptions(how: .leftFinancials))
        #expect(report.matched == 2)
        #expect(report.financialsOnly == 1)
        let (panel, indicatorReports) = try IndicatorEngine.compute(Self.indicators, on: merged, keyColumns: .standard)
        // 000001 2019 is row 1 (000001 2018 is row 0).
        #expect(numbers(panel, "asset_turnover")[1] == 240.0 / 120.0)
        #expect(numbers(panel, "asset_turnover")[0] == nil)          // no 2017 balance sheet
        #expect(numbers(panel, "fixed_asset_ratio")[1] == 35.0 / 140.0)
        #expect(numbers(panel, "equity_multiplier_rec")[1] == 0.5)
        #expect(numbers(panel, "rd_staff_ratio")[1] == 0.3)
        #expect(numbers(panel, "manufacturing_cost_ratio")[1] == (220.0 - 160.0) / 220.0)
        let staff = try #require(indicatorReports.first { $0.name == "rd_staff_ratio" })
        #expect(staff.divisionByZero == 1)                             // 600000 has 0 employees
        #expect(numbers(panel, "rd_staff_ratio")[2] == nil)

        let (screened, screens) = try SampleScreener.apply(ScreenOptions(
            yearRange: YearRange(from: 2019), requireVariables: ["dt_total"],
            winsorize: WinsorizeOptions(variables: ["fixed_asset_ratio"])), to: panel, keyColumns: .standard)
        #expect(screened.rowCount == 2)
        #expect(screens.steps.map(\.dropped) == [1, 0])
        #expect(screens.cuts.count == 1)
        for column in screened.columns {
            if case .number(let values) = column.values { #expect(values.allSatisfy { $0?.isFinite ?? true }) }
        }
    }
}
