import Foundation
import NQPEncoding
import NQPTable
import Testing
@testable import NQPPanel

@Suite("SEC companyfacts → annual firm-year values")
struct CompanyFactsTests {
    /// A January fiscal year end like Snowflake's; values repeat under several `fy`, 10-Qs and quarters are noise.
    let json = """
    {"cik": 1640147, "entityName": "EXAMPLE INC.", "facts": {"us-gaap": {
      "Assets": {"label": "Assets", "units": {"USD": [
        {"end": "2020-01-31", "val": 100, "accn": "a-21", "fy": 2021, "fp": "FY", "form": "10-K", "filed": "2021-03-31"},
        {"end": "2020-10-31", "val": 150, "accn": "q-20", "fy": 2021, "fp": "Q3", "form": "10-Q", "filed": "2020-12-03"},
        {"end": "2021-01-31", "val": 200, "accn": "a-21", "fy": 2021, "fp": "FY", "form": "10-K", "filed": "2021-03-31"},
        {"end": "2021-01-31", "val": 200, "accn": "q-21", "fy": 2022, "fp": "Q1", "form": "10-Q", "filed": "2021-06-04"},
        {"end": "2021-01-31", "val": 200, "accn": "a-22", "fy": 2022, "fp": "FY", "form": "10-K", "filed": "2022-03-30"},
        {"end": "2022-01-31", "val": 300, "accn": "a-22", "fy": 2022, "fp": "FY", "form": "10-K", "filed": "2022-03-30"}
      ]}},
      "Revenues": {"label": "Revenues", "units": {"USD": [
        {"start": "2019-02-01", "end": "2020-01-31", "val": 10, "accn": "a-21", "fy": 2021, "fp": "FY", "form": "10-K", "filed": "2021-03-31"},
        {"start": "2020-02-01", "end": "2021-01-31", "val": 20, "accn": "a-21", "fy": 2021, "fp": "FY", "form": "10-K", "filed": "2021-03-31"},
        {"start": "2020-11-01", "end": "2021-01-31", "val": 6, "accn": "a-21", "fy": 2021, "fp": "FY", "form": "10-K", "filed": "2021-03-31"},
        {"start": "2020-02-01", "end": "2021-01-31", "val": 21, "accn": "a-22", "fy": 2022, "fp": "FY", "form": "10-K/A", "filed": "2022-03-30"},
        {"start": "2021-02-01", "end": "2022-01-31", "val": 30, "accn": "a-22", "fy": 2022, "fp": "FY", "form": "10-K", "filed": "2022-03-30"}
      ]}}
    }}}
    """

    func read(_ rule: FiscalYearRule = .compustat, width: Int? = 10) throws -> (KeyedTable, SourceReport) {
        let config = FinancialSource(name: "sec", path: "x.json", format: .companyfacts, firmWidth: width,
                                     fiscalYearEndMonth: 1, fiscalYearRule: rule,
                                     renames: ["Assets": "total_assets"], concepts: ["Assets", "Revenues"])
        var report = SourceReport(source: "sec", path: "x.json", format: "companyfacts")
        let table = try CompanyFactsReader(config: config).read(data: Data(json.utf8), path: "x.json",
                                                                report: &report)
        return (table, report)
    }

    @Test("Instants at fiscal-year ends and ~1-year durations from 10-K forms, one value per fiscal year")
    func annualValues() throws {
        let (t, _) = try read()
        #expect(t.keys == [.init(firm: "0001640147", year: 2019), .init(firm: "0001640147", year: 2020),
                           .init(firm: "0001640147", year: 2021)])
        #expect(numbers(t, "total_assets") == [100, 200, 300])
        #expect(numbers(t, "Revenues") == [10, 21, 30])
        #expect(t.column(named: "total_assets")?.unit == "USD")
    }

    @Test("The end-year convention labels the year ended 31 Jan 2021 as 2021")
    func endYear() throws {
        let (t, _) = try read(.endYear, width: nil)
        #expect(t.keys.map(\.year) == [2020, 2021, 2022])
        #expect(t.keys.first?.firm == "0001640147")
    }

    @Test("Differing values for one period are resolved to the latest filing and reported")
    func conflicts() throws {
        let (_, report) = try read()
        #expect(report.notes.contains { $0.contains("Revenues period ending 2021-01-31: differing values 20") })
        #expect(report.codesNormalized == 1)
    }

    @Test("Without any annual duration fact, instants in the fiscal-year-end month are taken")
    func instantsOnly() throws {
        let json = """
        {"cik": "0000000042", "facts": {"us-gaap": {"Assets": {"label": "Assets", "units": {"USD": [
          {"end": "2020-06-30", "val": 1, "form": "10-K", "filed": "2020-08-01", "accn": "a"},
          {"end": "2020-12-31", "val": 2, "form": "10-K", "filed": "2021-02-01", "accn": "b"}
        ]}}}}}
        """
        let config = FinancialSource(name: "sec", path: "x", format: .companyfacts, concepts: ["Assets"])
        var report = SourceReport(source: "sec", path: "x", format: "companyfacts")
        let t = try CompanyFactsReader(config: config).read(data: Data(json.utf8), path: "x", report: &report)
        #expect(t.keys == [PanelKey(firm: "0000000042", year: 2020)])
        #expect(numbers(t, "Assets") == [2])
        #expect(report.notes.contains { $0.contains("no annual duration facts") })
    }

    @Test("Not a companyfacts document: a clear error")
    func notCompanyFacts() {
        var report = SourceReport(source: "sec", path: "x", format: "companyfacts")
        let config = FinancialSource(name: "sec", path: "x", format: .companyfacts, concepts: ["Assets"])
        #expect(throws: PanelError.self) {
            try CompanyFactsReader(config: config).read(data: Data("{\"a\": 1}".utf8), path: "x", report: &report)
        }
        #expect(throws: PanelError.self) {
            try CompanyFactsReader(config: config).read(data: Data("not json".utf8), path: "x", report: &report)
        }
    }
}
