import NQPTable
import Testing
@testable import NQPPanel

@Suite("Id crosswalk")
struct CrosswalkTests {
    let table = KeyedTable(source: "compustat",
                           keys: [.init(firm: "1690", year: 2018), .init(firm: "1690", year: 2019),
                                  .init(firm: "9999", year: 2019)],
                           columns: [Column(name: "at", values: .number([1, 2, 3]))])

    @Test("Ids are mapped within their year bounds and the mapping is counted")
    func yearBounded() throws {
        let s = sheet("gvkey,cik,from_year,to_year\n1690,320193,,2018\n1690,0000320193,2019,\n")
        let walk = try Crosswalk.load(s, config: CrosswalkConfig(path: "x", from: "gvkey", to: "cik",
                                                                 startYear: "from_year", endYear: "to_year",
                                                                 toWidth: 10))
        let (mapped, report) = walk.apply(to: table)
        #expect(mapped.keys.map(\.firm) == ["0000320193", "0000320193", "9999"])
        #expect(report.rowsMapped == 2)
        #expect(report.idsMapped == 1)
        #expect(report.idsWithoutMapping == 1)
        #expect(report.description.contains("2 of 3 rows mapped"))
    }

    @Test("One id mapped to two targets for overlapping years is an error")
    func conflict() {
        let s = sheet("from,to,start\n1,A,2010\n1,B,2015\n")
        #expect(throws: PanelError.crosswalkConflict(path: "test.csv", from: "1", targets: ["A", "B"])) {
            try Crosswalk.load(s, config: CrosswalkConfig(path: "x", startYear: "start"))
        }
    }

    @Test("Old codes mapped onto an existing code make a duplicate the merge reports")
    func createsDuplicate() throws {
        let walk = try Crosswalk.load(sheet("from,to\n9999,1690\n"), config: CrosswalkConfig(path: "x"))
        let (mapped, _) = walk.apply(to: table)
        #expect(throws: PanelError.self) {
            try PanelMerger.merge(text: KeyedTable(source: "text"), financials: [mapped])
        }
    }
}
