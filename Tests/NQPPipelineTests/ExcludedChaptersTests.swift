import Foundation
import NQPExtract
import NQPLexicon
@testable import NQPPipeline
import Testing

/// `counting.excluded_chapters` (README "counting:"): every named chapter is excluded, not only the first one found.
@Suite("Excluded chapters")
struct ExcludedChaptersTests {
    /// Six chapters in the 第X节 style, one 人工智能 in each of four of them.
    static let report = """
    第一节 重要提示
    本公司董事会保证年度报告内容的真实、准确、完整。
    第二节 公司简介
    公司从事电子设备制造。
    第三节 管理层讨论与分析
    报告期内公司推进人工智能在生产中的应用。
    第四节 公司治理
    董事长曾主持人工智能研究院的工作。
    第五节 董事、监事、高级管理人员和员工情况
    总经理曾任人工智能实验室主任。
    第六节 财务报告
    研发投入中人工智能项目占比提高。
    """

    static func counts(excluding titles: [String]) throws -> KeywordCounts.KeywordTally? {
        let dictionary = try KeywordDictionary(name: "dt", categories: [
            KeywordCategory(name: "ai", column: "dt_ai", keywords: ["人工智能"]),
        ])
        let processor = ReportProcessor(
            extractor: ReportExtractor(), counters: [try KeywordCounter(dictionary: dictionary)], scope: .full,
            kwicContext: nil, hashesContent: false,
            excludedChapterFinders: ReportProcessor.chapterFinders(titles: titles, patterns: SectionPatterns()))
        let name = "000001_2021_示例.txt"
        switch processor.process(ReportInput(path: name, bytes: Array(report.utf8)), displayPath: name) {
        case .success(let result): return result.counts.first?.keywords.first { $0.keyword == "人工智能" }
        case .failure(let failure): throw failure
        }
    }

    @Test func bothNamedChaptersAreExcluded() throws {
        let tally = try #require(try Self.counts(excluding: ["公司治理", "董事、监事、高级管理人员和员工情况"]))
        #expect(tally.count == 2, "the MD&A and the financial report: \(tally)")
        #expect(tally.excluded == 2, "governance and the biographies: \(tally)")
    }

    @Test func oneNamedChapterExcludesOnlyItself() throws {
        let tally = try #require(try Self.counts(excluding: ["董事、监事、高级管理人员和员工情况"]))
        #expect(tally.count == 3)
        #expect(tally.excluded == 1)
    }

    @Test func noExcludedChaptersCountsEveryHit() throws {
        let tally = try #require(try Self.counts(excluding: []))
        #expect(tally.count == 4)
        #expect(tally.excluded == 0)
    }
}
