import Foundation
import NQPExtract
import NQPLexicon
@testable import NQPPipeline
import NQPTable
import Testing

@Suite("Pipeline parts")
struct PipelinePartsTests {
    static func dictionary() throws -> KeywordDictionary {
        try KeywordDictionary(name: "dt", categories: [KeywordCategory(name: "AI", column: "dt_ai", keywords: ["人工智能"])])
    }

    static func result(_ file: String, firm: String = "000001", year: Int = 2019, route: IdentityRoute = [.filename],
                       total: Int = 0, scopeChars: Int? = 10_000) throws -> ReportResult {
        let dictionary = try dictionary()
        let counts = CompactKeywordCounts(dictionary: "dt", mode: .longest, chars: scopeChars ?? 0,
                                          counted: [total], negated: [0], excluded: [0], hits: [])
            .expanded(with: dictionary)
        return ReportResult(file: file, sha256: "", firm: firm, year: year, identityRoute: route, format: .html,
                            encoding: "utf-8", encodingSource: "", bytes: 1, chars: 1, decodeErrors: 0, sections: [],
                            scopeChars: scopeChars, counts: scopeChars == nil ? [] : [counts].compactMap { $0 },
                            warnings: [])
    }

    @Test func duplicateFirmYearsKeepOneByRuleAndSaySo() throws {
        let reports = [try Self.result("a/2020-04-01__x.html"), try Self.result("a/2021-03-01__x_更正后.html"),
                       try Self.result("b.html", firm: "000002")]
        let latest = DuplicateReports.choose(reports, rule: .latest)
        #expect(latest.chosen.map(\.file) == ["a/2021-03-01__x_更正后.html", "b.html"])
        #expect(latest.status["a/2020-04-01__x.html"]?.hasPrefix("duplicate") == true)
        #expect(latest.warnings.count == 1)
        #expect(DuplicateReports.choose(reports, rule: .first).chosen.first?.file == "a/2020-04-01__x.html")
        #expect(DuplicateReports.choose(reports, rule: .error).chosen.map(\.file) == ["b.html"])
    }

    @Test func theManifestsChoiceWinsOverTheRule() throws {
        let reports = [try Self.result("x1.html", route: [.manifest]), try Self.result("x2.html")]
        let choice = DuplicateReports.choose(reports, rule: .latest)
        #expect(choice.chosen.map(\.file) == ["x1.html"])
    }

    @Test func textMeasuresHaveCountsTotalIndexAndFrequency() throws {
        let measures = TextMeasures(results: [try Self.result("a.html", total: 3),
                                              try Self.result("b.html", firm: "000002", scopeChars: nil)],
                                    dictionaries: [try Self.dictionary()], scopeName: "mdna")
        let names = measures.table.columns.map(\.name)
        #expect(names == ["firm", "year", "dt_ai", "dt_total", "dt_index", "dt_per10k", "text_chars"])
        guard case .number(let index)? = measures.table.column(named: "dt_index")?.values,
              case .number(let per10k)? = measures.table.column(named: "dt_per10k")?.values,
              case .number(let total)? = measures.table.column(named: "dt_total")?.values else {
            Issue.record("numeric columns expected")
            return
        }
        #expect(index[0] == log(4.0))
        #expect(per10k[0] == 3.0)
        // No MD&A found: measures missing, not zero.
        #expect(total[1] == nil && index[1] == nil && per10k[1] == nil)
    }

    @Test func globsMatchWholeNamesCaseInsensitively() {
        #expect(Glob.matches("000001_2019.HTML", pattern: "*.html"))
        #expect(Glob.matches("a.html.gz", pattern: "*.gz"))
        #expect(!Glob.matches("a.html.gz", pattern: "*.html"))
        #expect(Glob.matches("smpl-2021.htm", pattern: "smpl-*"))
        #expect(Glob.matches("x1.txt", pattern: "x?.txt"))
    }

    @Test func anUpToDateRunRefreshesOnlyTheManifestsTimesAndSummary() throws {
        let previous = """
        {
          "configuration" : {
            "x" : 1
          },
          "finished_at" : "2026-01-01T00:00:10Z",
          "started_at" : "2026-01-01T00:00:00Z",
          "summary" : {
            "exit_status" : 0,
            "firm_years" : 5
          },
          "tool" : "nqp"
        }
        """
        var summary = RunSummary(firmYears: 7, exitStatus: .success)
        summary.reports.unchanged = 3
        let refreshed = try #require(RunManifest.refreshed(Array(previous.utf8), summary: summary,
                                                           started: Date(timeIntervalSince1970: 0),
                                                           finished: Date(timeIntervalSince1970: 1)))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(refreshed)) as? [String: Any])
        #expect(object["started_at"] as? String == "1970-01-01T00:00:00Z")
        #expect(object["tool"] as? String == "nqp")
        let newSummary = try #require(object["summary"] as? [String: Any])
        #expect(newSummary["firm_years"] as? Int == 7)
        #expect(RunManifest.refreshed(Array("{}".utf8), summary: summary, started: Date(), finished: Date()) == nil)
    }
}
