import Foundation
import NQPConfig
import NQPExtract
@testable import NQPPipeline
import NQPTestSupport
import Testing

@Suite("Which reports are the annual report: reports.skip and corrected versions")
struct ReportKindSelectionTests {
    static func result(_ file: String, firm: String = "000004", year: Int = 2016) throws -> ReportResult {
        var result = try PipelinePartsTests.result(file, firm: firm, year: year)
        result.document = DocumentClassifier.classify(fileName: file, openingText: "")
        return result
    }

    @Test func summariesEnglishCancelledAndInterimAreSkippedByDefaultWithAWarning() throws {
        let results = try ["a/2016年年度报告.pdf", "a/2016年年度报告摘要.pdf", "a/2016年年度报告（英文版）.pdf",
                           "a/2016年年度报告（已取消）.pdf", "a/2016年半年度报告.pdf"].map { try Self.result($0) }
        let split = SkippedReports.split(results, skip: ReportSkip.defaults)
        #expect(split.kept.map(\.file) == ["a/2016年年度报告.pdf"])
        #expect(split.status["a/2016年年度报告摘要.pdf"]?.hasPrefix("skipped: summary") == true)
        #expect(split.status["a/2016年年度报告（英文版）.pdf"]?.hasPrefix("skipped: english") == true)
        #expect(split.status["a/2016年年度报告（已取消）.pdf"]?.hasPrefix("skipped: cancelled") == true)
        #expect(split.status["a/2016年半年度报告.pdf"]?.hasPrefix("skipped: interim") == true)
        #expect(split.warnings.count == 4)
        #expect(split.warnings.allSatisfy { $0.contains("reports.skip") })
        // Settable: an empty list keeps everything.
        #expect(SkippedReports.split(results, skip: []).kept.count == 5)
        #expect(SkippedReports.split(results, skip: [.english]).kept.count == 4)
    }

    @Test func theLatestRulePrefersTheCorrectedVersionThenTheLatestName() throws {
        // The corrected report sorts first by name but wins; a cancelled one never beats another.
        let group = try ["x/2017-05-17_2016年年度报告（更新后）.pdf", "x/2017-06-01_2016年年度报告.pdf",
                         "x/2017-07-01_2016年年度报告（已取消）.pdf"].map { try Self.result($0) }
        let choice = DuplicateReports.choose(group, rule: .latest)
        #expect(choice.chosen.map(\.file) == ["x/2017-05-17_2016年年度报告（更新后）.pdf"])
        #expect(choice.warnings.first?.contains("corrected") == true)
        let twoCorrected = try ["y/2017-06-01_2016年年度报告（修订版）.pdf", "y/2017-05-01_2016年年度报告（更新后）.pdf"]
            .map { try Self.result($0) }
        #expect(DuplicateReports.choose(twoCorrected, rule: .latest).chosen.map(\.file) == ["y/2017-06-01_2016年年度报告（修订版）.pdf"])
        let plain = try ["z/2016年年度报告（已取消）.pdf", "z/2016年年度报告_a.pdf"].map { try Self.result($0) }
        #expect(DuplicateReports.choose(plain, rule: .latest).chosen.map(\.file) == ["z/2016年年度报告_a.pdf"])
        // `first` stays plain name order.
        #expect(DuplicateReports.choose(group, rule: .first).chosen.map(\.file) == ["x/2017-05-17_2016年年度报告（更新后）.pdf"])
    }

    @Test func skipIsDecodedAndUnknownValuesAreNamed() throws {
        let config = try ConfigDecoder().decode(PipelineConfig.self, from: "reports:\n  skip: [summary]\n", file: "p.yml")
        #expect(config.reports.skip == [.summary])
        let none = try ConfigDecoder().decode(PipelineConfig.self, from: "reports:\n  skip: []\n", file: "p.yml")
        #expect(none.reports.skip.isEmpty)
        #expect(try ConfigDecoder().decode(PipelineConfig.self, from: "", file: "p.yml").reports.skip == ReportSkip.defaults)
        do {
            _ = try ConfigDecoder().decode(PipelineConfig.self, from: "reports:\n  skip: [summary, abstract]\n", file: "p.yml")
            Issue.record("an unknown skip value must be an error")
        } catch {
            let problem = try #require(error.problems.first)
            #expect(problem.line == 2)
            #expect(problem.message.contains("abstract") && problem.message.contains("summary, english, cancelled"))
        }
    }

    /// All 239 cninfo titles of ../shared/realdata: every one is an annual report with its fiscal year; the
    /// cancelled and corrected marks are read; after the default skip and the `latest` rule each firm-year keeps
    /// one report, never a cancelled one, and the corrected one when there is one.
    @Test(.enabled(if: TestPaths.hasRealData)) func realCninfoTitles() throws {
        let url = try #require(TestPaths.realData?.appendingPathComponent(
            "rongzhiy__Word_frequency_of_finance/cninfo_annual_report_titles_links.csv"))
        guard FileManager.default.fileExists(atPath: url.path) else { return }
        let lines = try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isNewline).dropFirst()
        var results: [ReportResult] = []
        for line in lines {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let (code, name, title, link) = (fields[0], fields[1], fields[4], fields[5])
            let published = String(link.split(separator: "/").dropLast().last ?? "")
            // The cninfo download name `简称：标题.PDF`, prefixed with the publication date to keep names apart.
            let file = "\(published) \(name)：\(title).PDF"
            let titleYear = Int(title.filter(\.isNumber).suffix(4))
            let identity = ReportIdentifier().identify(path: file, fileName: file)
            #expect(identity.year == titleYear && identity.route == [.filename], "\(file)")
            let document = DocumentClassifier.classify(fileName: file, openingText: "")
            #expect(document.kind == .annualReport && document.source == .filename, "\(file)")
            let cancelled = title.contains("已取消")
            let corrected = ["更新后", "更正后", "修订版", "调整后"].contains(where: title.contains)
            #expect(document.version == (cancelled ? .cancelled : corrected ? .corrected : .original), "\(file)")
            var result = try PipelinePartsTests.result(file, firm: code, year: identity.year ?? 0)
            result.document = document
            results.append(result)
        }
        #expect(results.count == 239)
        let split = SkippedReports.split(results, skip: ReportSkip.defaults)
        #expect(split.kept.allSatisfy { $0.document?.version != .cancelled })
        let choice = DuplicateReports.choose(split.kept, rule: .latest)
        let groups = Dictionary(grouping: split.kept) { "\($0.firm ?? "") \($0.year ?? 0)" }
        #expect(choice.chosen.count == groups.count)
        for chosen in choice.chosen {
            let group = groups["\(chosen.firm ?? "") \(chosen.year ?? 0)"] ?? []
            if group.contains(where: { $0.document?.version == .corrected }) {
                #expect(chosen.document?.version == .corrected, "\(chosen.file)")
            }
        }
        // Every cancelled title of a firm-year that also has a corrected one was set aside.
        #expect(split.status.values.filter { $0.hasPrefix("skipped: cancelled") }.count
                == results.filter { $0.document?.version == .cancelled }.count)
    }
}
