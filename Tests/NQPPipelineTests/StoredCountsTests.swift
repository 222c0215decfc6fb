import Foundation
import NQPExtract
import NQPLexicon
@testable import NQPPipeline
import NQPReport
import NQPTable
import NQPTestSupport
import Testing

/// The state store's form of the counts, and the counts.csv sums the run hands to its page.
@Suite("Stored counts")
struct StoredCountsTests {
    static func dictionary(_ name: String = "dt") throws -> KeywordDictionary {
        try KeywordDictionary(name: name, categories: [
            KeywordCategory(name: "AI", column: "\(name)_ai", keywords: ["人工智能", "云计算"]),
            KeywordCategory(name: "Cloud", column: "\(name)_cloud", keywords: ["云计算", "大数据"]),
        ])
    }

    static func counts(_ dictionary: KeywordDictionary, _ counted: [Int], negated: Int = 0) throws -> KeywordCounts {
        let n = dictionary.keywords.count
        return try #require(CompactKeywordCounts(
            dictionary: dictionary.name, mode: .longest, chars: 500, counted: counted,
            negated: [negated] + Array(repeating: 0, count: n - 1), excluded: Array(repeating: 0, count: n))
            .expanded(with: dictionary))
    }

    static func result(_ file: String, year: Int?, counts: [KeywordCounts]) -> ReportResult {
        ReportResult(file: file, sha256: "", firm: "000001", year: year, identityRoute: [.filename], format: .html,
                     encoding: "utf-8", encodingSource: "", bytes: 1, chars: 1, decodeErrors: 0, sections: [],
                     scopeChars: 500, counts: counts, warnings: ["MD&A not found: whole text counted"])
    }

    @Test func packedCountsRoundTripAndTheOlderArraysStillDecode() throws {
        let compact = CompactKeywordCounts(dictionary: "dt", mode: .longest, chars: 12,
                                           counted: [0, 1, 127, 128, 300_000], negated: [0, 0, 0, 2, 0],
                                           excluded: [5, 0, 0, 0, 1])
        let data = try JSONEncoder().encode(compact)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"numbers\"") && !text.contains("\"counted\""))
        #expect(try JSONDecoder().decode(CompactKeywordCounts.self, from: data) == compact)
        let older = #"{"dictionary":"dt","mode":"longest","chars":12,"counted":[1,2],"negated":[0,0],"excluded":[0,3],"hits":[]}"#
        let decoded = try JSONDecoder().decode(CompactKeywordCounts.self, from: Data(older.utf8))
        #expect(decoded.counted == [1, 2] && decoded.excluded == [0, 3])
        // A number cut short is an error (the run then re-does the report), never a wrong count.
        let cut = #"{"dictionary":"dt","mode":"longest","chars":12,"numbers":"gA==","hits":[]}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(CompactKeywordCounts.self, from: Data(cut.utf8)) }
    }

    @Test func theRunsSumsGiveThePageThatReadingCountsCSVGives() throws {
        let dt = try Self.dictionary(), other = try Self.dictionary("zz")
        let changed = try KeywordDictionary(name: "dt", categories: [
            KeywordCategory(name: "AI", column: "dt_ai", keywords: ["人工智能", "机器学习"]),
        ])
        let results = [
            Self.result("a.html", year: 2019, counts: [try Self.counts(dt, [1, 2, 0]), try Self.counts(other, [0, 0, 4])]),
            Self.result("b.html", year: 2020, counts: [try Self.counts(dt, [0, 5, 1], negated: 2)]),
            Self.result("c.html", year: nil, counts: [try Self.counts(dt, [3, 0, 0])]),
            // Other keywords under the same dictionary name (a result the sums cannot line up): added row by row.
            Self.result("d.html", year: 2019, counts: [try Self.counts(changed, [7, 1])]),
            Self.result("e.html", year: 2020, counts: []),
        ]
        let folder = try TestPaths.temporaryDirectory("nqp-counts")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("counts.csv")
        let sums = try CountsCSVStreaming.write(chosen: results, to: url)
        #expect(try Data(contentsOf: url) == Data(CountTables.countsCSV(results)))
        let read = RunReport.html(folder: folder, files: ["counts.csv"])
        let summed = RunReport.html(folder: folder, files: ["counts.csv"], counts: sums)
        #expect(String(decoding: read, as: UTF8.self).contains("机器学习"))
        #expect(summed == read)
    }
}
