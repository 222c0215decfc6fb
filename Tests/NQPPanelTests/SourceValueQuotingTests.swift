import Foundation
import NQPTable
import NQPTestSupport
import Testing
@testable import NQPPanel

/// Offending values are quoted as a short prefix (a 100 MB cell used to be echoed whole into the warning and the
/// manifest), and firm codes a spreadsheet wrote as numbers (`1.5`, `1.000e+00`) are reported with their line.
@Suite("Financial sources: short quotes and odd firm codes")
struct SourceValueQuotingTests {
    func write(_ text: String, _ name: String) throws -> String {
        let url = try TestPaths.temporaryDirectory("panel-quote").appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test func aHugeCellIsQuotedAsAShortPrefix() throws {
        let huge = "12" + String(repeating: "x", count: 10 << 20)
        let ordinary = (4...12).map { "\($0),2019,\($0),z\n" }.joined()
        let path = try write("code,year,rev,note\n1,2019,\(huge),a\n2,2019,5,b\n3,\(huge),5,c\n" + ordinary, "huge.csv")
        let config = FinancialSource(name: "x", path: path, firm: "code", firmWidth: 6, year: "year")
        let (_, report) = try FinancialSourceReader(config: config).read()
        #expect(report.issueCount == 2)
        for issue in report.issues {
            #expect(issue.description.utf8.count < 300, "\(issue.description.prefix(300))")
            #expect(issue.message.contains("(\(huge.utf8.count) bytes)"), "the size is named")
        }
        #expect(report.issues.contains { $0.line == 2 && $0.message.hasPrefix("not a number: '12xxx") })
        #expect(report.issues.contains { $0.line == 4 && $0.message.hasPrefix("not a year: '12xxx") })
        let json = try JSONEncoder().encode(report)
        #expect(json.count < 10_000, "the manifest's copy of the report is small too")
    }

    @Test func firmCodesWrittenAsNumbersAreWarnedWithTheirLine() throws {
        let path = try write("code,year,rev\n1.5,2019,1\n1.000e+00,2019,2\n000001,2020,3\n2.0,2019,4\n", "codes.csv")
        let config = FinancialSource(name: "x", path: path, firm: "code", firmWidth: 6, year: "year")
        let (table, report) = try FinancialSourceReader(config: config).read()
        #expect(table.keys.count == 4, "rows are kept: the code might be meant")
        let odd = report.issues.filter { $0.message.contains("firm code") }
        #expect(odd.map(\.line) == [2, 3], "\(report.issues)")
        #expect(odd.first?.message.contains("'1.5'") == true)
        #expect(odd.last?.message.contains("exponent notation") == true)
        #expect(odd.allSatisfy { $0.field == "code" && $0.description.contains(":2:") || $0.description.contains(":3:") })
    }

    @Test func oddityRecognisesNumbersOnly() {
        for code in ["1.5", "-3.25", "1.000e+00", "6E5", ".5"] { #expect(FirmCode.oddity(code) != nil, "\(code)") }
        for code in ["000001", "600000.SH", "AAPL", "0001987654", "1e", "BRK.B", "A1.5"] {
            #expect(FirmCode.oddity(code) == nil, "\(code)")
        }
    }

    @Test func shortQuote() {
        #expect(ShortQuote.quote("abc") == "'abc'")
        let long = String(repeating: "数", count: 100)
        #expect(ShortQuote.quote(long) == "'\(String(repeating: "数", count: 40))…' (300 bytes)")
    }
}
