import Foundation
import NQPTestSupport
import Testing
@testable import NQPReport

/// A small output folder written by hand, so each aggregate of the page can be checked against numbers worked
/// out here: formats taken from the data (including ones nqp does not read yet), keyword totals counted once per
/// report, quartiles, warnings by kind, the incomplete-run page, and the size bound of a very large run.
@Suite("run report")
struct RunReportTests {
    static let manifest = """
    {"version": "9.9.9", "config_file": "/x/pipeline.yml", "config_sha256": "abc", "started_at": "2026-01-01T00:00:00Z",
     "finished_at": "2026-01-01T00:01:00Z", "scope": "mdna",
     "dictionaries": [{"name": "dt", "categories": {"AI": "dt_ai", "Cloud": "dt_cloud"}}],
     "stages": {"screens": {"steps": [{"screen": "year range 2019–2020", "dropped": 1, "remaining": 4}],
                            "cuts": [{"variable": "x", "lower": 0.1, "lowerPercentile": 1, "upper": 0.9, "upperPercentile": 99,
                                      "n": 4, "clippedLow": 1, "clippedHigh": 0}]}},
     "scoring": [{"system": "nqp", "scored_rows": 3, "dropped_rows": 1}],
     "summary": {"reports": {"new": 5, "changed": 0, "unchanged": 0, "reconfigured": 0, "retried": 0, "failed": 1,
                             "removed": 0, "quarantined": 1},
                 "firm_years": 4, "stage_seconds": [{"stage": "extract+count", "seconds": 1.5}], "exit_status": 3},
     "warnings": ["score nqp: 1 of 4 rows have a missing indicator"]}
    """

    static let files: [String: String] = [
        "manifest.json": manifest,
        "reports.csv": """
        file,firm,year,format,encoding,bytes,chars,decode_errors,sections,status,warnings,identified_by
        a.html,000001,2019,html,utf-8,10,10,0,mdna[1..<5],ok,,filename
        b.pdf,000002,2019,pdf,utf-8,10,10,3,,ok,"MD&A not found: no heading; declared ""gbk"" but decoded as GB18030 (superset; kept)",filename
        c.txt,000001,2020,edgar,utf-8,10,10,0,mdna[1..<5],ok,"declared ""gb2312"" but decoded as GB18030 (superset; kept)",header
        d.pdf,000002,2020,pdf,utf-8,10,10,0,mdna[1..<5],duplicate of c.txt,,manifest
        e.html,,,,,,,,,quarantined,[read] unreadable,

        """,
        "errors.csv": """
        file,sha256,stage,reason,first_seen,last_seen
        e.html,,read,unreadable,t,t

        """,
        "counts.csv": """
        firm,year,dictionary,category,keyword,count,negated,excluded,file
        000001,2019,dt,AI,cloud AI,2,1,0,a.html
        000001,2019,dt,Cloud,cloud AI,2,1,0,a.html
        000001,2019,dt,AI,robot,1,0,0,a.html
        000002,2019,dt,AI,robot,4,0,2,b.pdf
        000001,2020,dt,Cloud,cloud,3,0,0,c.txt
        000001,2020,dt,Cloud,never found,0,0,0,c.txt

        """,
        "merge_report.csv": """
        source,category,count
        all,text,4
        all,kept,5
        all,matched,3
        all,text_only,1
        all,financials_only,1
        all,dropped,0
        balance,rows,4
        balance,matched,3

        """,
        "weights.csv": """
        system,level,dimension,indicator,direction,year,n,e,d,w,composite_weight
        nqp,1,nqp,x,+,2019,2,0.9,0.1,0.25,0.25
        nqp,1,nqp,y,-,2019,2,0.8,0.2,0.75,0.75
        nqp,1,nqp,x,+,2020,2,0.9,0.1,0.5,0.5
        nqp,1,nqp,y,-,2020,2,0.9,0.1,0.5,0.5

        """,
        "panel.csv": """
        \u{FEFF}firm,year,dt_ai,dt_cloud,dt_total,dt_index,nqp
        000001,2019,1,2,3,1.3862943611198906,0.5
        000002,2019,4,0,4,1.6094379124341003,
        000003,2019,0,0,0,0,0.25
        000004,2019,,,,,1
        000001,2020,0,3,3,1.3862943611198906,0.75

        """,
    ]

    static func folder(_ files: [String: String] = files) throws -> URL {
        let folder = try TestPaths.temporaryDirectory("nqp-report-unit")
        for (name, text) in files {
            try text.replacingOccurrences(of: "\n        ", with: "\n")
                .write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return folder
    }

    @Test func aggregatesEqualTheNumbersWorkedOutByHand() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = ReportReader(folder: folder).read()
        #expect(data.unreadable.isEmpty, "\(data.unreadable)")

        let coverage = try #require(data.coverage)
        // Formats come from the data: pdf and edgar appear without any list naming them.
        #expect(coverage.formats == ["pdf", "edgar", "html"])
        #expect(coverage.perYearFormat[2019] == ["html": 1, "pdf": 1])
        #expect(coverage.perYearFormat[2020] == ["edgar": 1, "pdf": 1])
        #expect(coverage.mdnaFound == [2019: 1, 2020: 2])
        #expect(coverage.routes == [NamedCount("filename", 2), NamedCount("header", 1), NamedCount("manifest", 1)])
        #expect(coverage.decodeErrorReports == 1 && coverage.decodeErrors == 3)
        #expect(coverage.statuses == [NamedCount("ok", 3), NamedCount("duplicate", 1), NamedCount("quarantined", 1)])
        #expect(coverage.quarantineTotal == 1 && coverage.quarantine.first?.reason == "unreadable")

        let text = try #require(data.text.first)
        #expect(text.indexColumn == "dt_index" && text.totalColumn == "dt_total")
        // "cloud AI" is in two categories: its hits count once in the keyword totals, once per category below.
        #expect(text.keywords == [KeywordTotals(keyword: "robot", counted: 5, negated: 0, excluded: 2),
                                  KeywordTotals(keyword: "cloud", counted: 3, negated: 0, excluded: 0),
                                  KeywordTotals(keyword: "cloud AI", counted: 2, negated: 1, excluded: 0)])
        #expect(text.categoryYearTotals == ["AI": [2019: 7], "Cloud": [2019: 2, 2020: 3]])
        let y2019 = try #require(text.perYear.first)
        // dt_index 2019: 0, ln 4, ln 5 (the empty row is not a firm-year with text).
        #expect(y2019.n == 3 && y2019.positive == 2)
        #expect(abs(y2019.median - 1.3862943611198906) < 1e-12)
        #expect(abs(y2019.q1 - 0.6931471805599453) < 1e-12)
        #expect(abs(y2019.q3 - (1.3862943611198906 + 1.6094379124341003) / 2) < 1e-12)

        let funnel = try #require(data.funnel)
        #expect(funnel.steps.map(\.count) == [4, 3, 5, 4])
        #expect(funnel.cuts.first?.clippedLow == 1)

        let score = try #require(data.scores.first)
        #expect(score.weights.map(\.indicator) == ["x", "y"])
        #expect(score.weights[1].compositeWeight == ["2019": 0.75, "2020": 0.5])
        #expect(score.scoredRows == 3 && score.droppedRows == 1 && score.missingInPanel == 1)
        #expect(score.perYear.map(\.n) == [3, 1])
        #expect(score.perYear.first?.median == 0.5)

        let run = try #require(data.run)
        #expect(run.version == "9.9.9" && run.exitStatus == 3 && !run.noChange)
        // The warning with "; " inside its parentheses stays whole; gbk and gb2312 are one kind.
        #expect(data.warnings.contains { $0.kind == "declared \"…\" but decoded as GB18030 …" && $0.count == 2 })
        #expect(data.warnings.contains { $0.kind == "MD&A not found" && $0.count == 1 })
        #expect(data.warnings.contains { $0.kind == "score nqp" })
    }

    /// Index columns named from the dictionary when its category columns share no head (as the panel names
    /// them), and the panel file named by `output.base_name`.
    @Test func indexColumnAndPanelFileFollowTheConfiguration() throws {
        var files = Self.files
        files["manifest.json"] = Self.manifest
            .replacingOccurrences(of: "\"categories\": {\"AI\": \"dt_ai\", \"Cloud\": \"dt_cloud\"}",
                                  with: "\"categories\": {\"AI\": \"ai\", \"Cloud\": \"cloud_x\"}")
            .replacingOccurrences(of: "\"scope\": \"mdna\",", with: "\"scope\": \"mdna\", \"configuration\": {\"output\": {\"base_name\": \"firms\"}},")
            .replacingOccurrences(of: "\"name\": \"dt\"", with: "\"name\": \"Digital Tech\"")
        files["firms.csv"] = "firm,year,digital_tech_total,digital_tech_index\n1,2019,3,1.3862943611198906\n"
        files["panel.csv"] = nil
        let folder = try Self.folder(files)
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = ReportReader(folder: folder).read()
        let measures = try #require(data.text.first { $0.name == "Digital Tech" })
        #expect(measures.indexColumn == "digital_tech_index")
        #expect(measures.perYear.map(\.n) == [1])
        #expect(measures.perYear.first?.positive == 1)
    }

    @Test func quartilesInterpolateLikeRAndNumpy() {
        // R: quantile(c(1, 2, 3, 4)) → 1.75, 2.5, 3.25; quantile(c(1, 2, 3, 4, 10), .9) → 7.6.
        #expect(Statistics.quantile([1, 2, 3, 4], 0.25) == 1.75)
        #expect(Statistics.quantile([1, 2, 3, 4], 0.5) == 2.5)
        #expect(Statistics.quantile([1, 2, 3, 4], 0.75) == 3.25)
        #expect(abs(Statistics.quantile([1, 2, 3, 4, 10], 0.9) - 7.6) < 1e-12)
        #expect(Statistics.quantile([7], 0.25) == 7)
    }

    @Test func thePageIsSelfContainedAccessibleAndDeterministic() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = String(decoding: RunReport.html(folder: folder), as: UTF8.self)
        #expect(page == String(decoding: RunReport.html(folder: folder), as: UTF8.self))
        #expect(!page.contains("<script"))
        #expect(!page.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").contains("http://") && !page.contains("https://") && !page.contains("url("))
        #expect(page.contains("Content-Security-Policy"))
        let svgs = page.components(separatedBy: "<svg ").count - 1
        #expect(svgs >= 7)
        #expect(page.components(separatedBy: "<title id=").count - 1 == svgs)
        #expect(page.components(separatedBy: "<desc id=").count - 1 == svgs)
        #expect(page.contains("<th>pdf</th>") && page.contains("<th>edgar</th>"))
        #expect(page.contains("<a href=\"errors.csv\">errors.csv</a>"))
        #expect(page.contains(ReportPage.runMetadataBegin) && page.contains(ReportPage.runMetadataEnd))
        // The data part does not depend on the run metadata.
        var other = Self.files
        other["manifest.json"] = Self.manifest.replacingOccurrences(of: "2026-01-01T00:01:00Z", with: "2027-01-01T00:01:00Z")
            .replacingOccurrences(of: "\"seconds\": 1.5", with: "\"seconds\": 9.5")
        let otherFolder = try Self.folder(other)
        defer { try? FileManager.default.removeItem(at: otherFolder) }
        let otherPage = String(decoding: RunReport.html(folder: otherFolder), as: UTF8.self)
        #expect(otherPage != page)
        #expect(Self.dataPart(otherPage) == Self.dataPart(page))
    }

    static func dataPart(_ page: String) -> String {
        guard let begin = page.range(of: ReportPage.runMetadataBegin),
              let end = page.range(of: ReportPage.runMetadataEnd) else { return page }
        return String(page[..<begin.lowerBound]) + String(page[end.upperBound...])
    }

    @Test func aRerunWithNothingChangedSaysSo() throws {
        var files = Self.files
        files["manifest.json"] = Self.manifest.replacingOccurrences(of: "\"extract+count\"", with: "\"plan\"")
        let folder = try Self.folder(files)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(ReportReader(folder: folder).read().run?.noChange == true)
        #expect(String(decoding: RunReport.html(folder: folder), as: UTF8.self).contains("Nothing changed since the last run"))
    }

    @Test func anIncompleteRunIsMarkedAndReadsOnlyItsOwnFiles() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let incomplete = IncompleteRun(version: "9.9.9", configFile: "/x/pipeline.yml", configSHA256: "abc",
                                       startedAt: "s", finishedAt: "f", error: "financial source 'balance': no column Stkcd",
                                       exitStatus: 2, reportCounts: [NamedCount("new", 5)])
        let page = String(decoding: RunReport.html(folder: folder, files: ["reports.csv", "counts.csv", "errors.csv"],
                                                   incomplete: incomplete), as: UTF8.self)
        #expect(page.contains("Incomplete run"))
        #expect(page.contains("no column Stkcd"))
        #expect(page.contains("id=\"t-years\""))
        #expect(!page.contains("id=\"t-funnel\"") && !page.contains("id=\"t-s0-weights\"") && !page.contains("id=\"t-d0-index\""))
        #expect(page.contains("not made: the run stopped before this stage"))
    }

    @Test func aMalformedFileIsNamedOnThePageAndTheRestIsShown() throws {
        var files = Self.files
        files["reports.csv"] = "file,firm\na.html,000001\n"
        let folder = try Self.folder(files)
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = ReportReader(folder: folder).read()
        #expect(data.coverage == nil)
        #expect(data.unreadable.first?.file == "reports.csv")
        #expect(data.unreadable.first?.reason.contains("no column year, format, status") == true)
        let page = String(decoding: RunReport.html(folder: folder), as: UTF8.self)
        #expect(page.contains("id=\"t-funnel\""), "the other sections are still there")
        #expect(page.contains("no column year, format, status"))
    }

    /// 60,000 reports (a few thousand quarantined, every one with its own warning), 100,000 panel rows over 20
    /// years and 2,000 keywords: the page aggregates, so it stays far under 2 MB.
    @Test func aVeryLargeRunGivesASmallPage() throws {
        let folder = try TestPaths.temporaryDirectory("nqp-report-large")
        defer { try? FileManager.default.removeItem(at: folder) }
        var reports = "file,firm,year,format,encoding,bytes,chars,decode_errors,sections,status,warnings,identified_by\n"
        var errors = "file,sha256,stage,reason,first_seen,last_seen\n"
        var counts = "firm,year,dictionary,category,keyword,count,negated,excluded,file\n"
        let formats = ["html", "pdf", "text", "xbrl", "edgar"]
        for i in 0..<60_000 {
            let year = 2005 + i % 20, file = "reports/\(i)_\(year).html"
            if i % 20 == 7 {
                reports += "\(file),,,,,,,,,quarantined,[read] broken \(i),\n"
                errors += "\(file),,read,broken file number \(i),t,t\n"
                continue
            }
            reports += "\(file),\(String(format: "%06d", i)),\(year),\(formats[i % 5]),utf-8,1,1,\(i % 3),mdna[1..<2],ok,check w\(String(i, radix: 36)) of this report,filename\n"
            counts += "\(i),\(year),dt,AI,kw\(i % 2000),\(i % 7),0,0,\(file)\n"
        }
        var panel = "firm,year,dt_ai,dt_cloud,dt_total,dt_index,nqp\n"
        for i in 0..<100_000 {
            panel += "\(i),\(2005 + i % 20),1,1,\(i % 9),\(log1p(Double(i % 9))),\(Double(i % 100) / 100)\n"
        }
        let texts = Self.files.merging(["reports.csv": reports, "errors.csv": errors, "counts.csv": counts,
                                        "panel.csv": panel]) { $1 }
        for (name, text) in texts {
            try text.replacingOccurrences(of: "\n        ", with: "\n")
                .write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let page = RunReport.html(folder: folder)
        #expect(page.count < 2_000_000, "\(page.count) bytes")
        let text = String(decoding: page, as: UTF8.self)
        #expect(text.contains("3,000 reports quarantined"))
        #expect(text.contains("the first 100 are shown"))
        #expect(text.contains("less frequent kinds"))
    }
}

@Suite("report charts")
struct ChartTests {
    @Test func longLabelsAreClippedAndDenseAxesThinned() {
        #expect(Chart.clip("short", width: 200) == "short")
        let clipped = Chart.clip(String(repeating: "很长的标签", count: 20), width: 140)
        #expect(clipped.hasSuffix("…") && Chart.displayWidth(clipped) <= 20)
        #expect(Chart.labelEvery(60) == 1 && Chart.labelEvery(20) == 2 && Chart.labelEvery(9) == 5)
        let years = (1990..<2030).map(String.init)
        let svg = Chart.lines(id: "x", title: "t", desc: "d", categories: years,
                              series: [Chart.Series(name: "s", values: years.map { Double($0) })],
                              xAxis: "year", yAxis: "v", fromZero: false)
        #expect(svg.contains(">1990</text>") && !svg.contains(">1991</text>"), "every other year labelled")
        #expect(svg.components(separatedBy: "<circle").count - 1 == 40, "every point drawn")
    }

    @Test func scalesHaveRoundTicksCoveringTheData() {
        let scale = Scale(low: 0, high: 63, pixels: 100)
        #expect(scale.ticks == [0, 20, 40, 60, 80])
        #expect(scale.pixels(80) == 100)
        let small = Scale(low: 0.0004, high: 0.0226, pixels: 100)
        #expect(small.low == 0 && small.high >= 0.0226 && small.ticks.count <= 7)
        #expect(Scale(low: 5, high: 5, pixels: 10).high > 5, "a constant series still gets an axis")
    }
}
