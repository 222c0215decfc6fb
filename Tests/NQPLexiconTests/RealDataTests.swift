import Foundation
import NQPTestSupport
import Testing
@testable import NQPLexicon

/// Checks against third-party material in ../shared/realdata (skipped when it is absent).
@Suite struct RealDataTests {
    static var realData: URL? {
        TestPaths.realData
    }

    static var hasCntext: Bool {
        guard let root = realData else { return false }
        return FileManager.default.fileExists(
            atPath: root.appendingPathComponent("pypi__cntext-2.2.1/zh_common_Digitalization.yaml").path)
    }

    static func shippedWu() throws -> KeywordDictionary {
        try KeywordDictionary.load(contentsOf: dictionariesFolder.appendingPathComponent("digital_transformation.zh.yml"))
    }

    @Test func shippedWuDictionaryHasThe76KeywordsInFiveDimensions() throws {
        let dict = try Self.shippedWu()
        #expect(dict.keywords.count == 76)
        #expect(dict.categories.map(\.keywords.count) == [15, 9, 13, 5, 34])
        #expect(dict.categories.map(\.column) == ["dt_ai", "dt_bigdata", "dt_cloud", "dt_blockchain", "dt_usage"])
        #expect(dict.keywords.allSatisfy { $0.categories.count == 1 })
        // None of the circulating typos.
        let words = Set(dict.keywords.map(\.text))
        for typo in ["綠色计算", "数学金融", "020", "智能数据分", "NPC支付", "级存储", "企业数字化转型"] {
            #expect(!words.contains(typo))
        }
    }

    @Test(.enabled(if: RealDataTests.hasCntext))
    func shippedWuDictionaryEqualsCntext221InMembershipAndGrouping() throws {
        let root = try #require(Self.realData)
        let cntext = try KeywordDictionary.load(
            contentsOf: root.appendingPathComponent("pypi__cntext-2.2.1/zh_common_Digitalization.yaml"))
        let ours = try Self.shippedWu()
        #expect(cntext.categories.map(\.name)
            == ["Artificial_Intelligence", "Big_Data", "Cloud_Computing", "Block_Chains", "Usage_of_Digitalization"])
        #expect(cntext.categories.count == ours.categories.count)
        for (theirs, mine) in zip(cntext.categories, ours.categories) {
            #expect(Set(theirs.keywords) == Set(mine.keywords), "\(theirs.name) vs \(mine.name)")
            #expect(theirs.keywords.count == mine.keywords.count)
        }
        #expect(Set(cntext.keywords.map(\.text)) == Set(ours.keywords.map(\.text)))
    }

    /// A stand-in for the extract stage's match text (which lives in NQPExtract): NFKC, then every Unicode
    /// whitespace character removed. Removing all whitespace (not only next to CJK) is close enough for these
    /// Chinese reports, whose ASCII keywords never span a space.
    static func minimalMatchText(_ url: URL) throws -> String {
        let raw = try String(contentsOf: url, encoding: .utf8).precomposedStringWithCompatibilityMapping
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: raw.unicodeScalars.filter { !$0.properties.isWhitespace })
        return String(scalars)
    }

    static func dimensionCounts(_ file: URL, negation: NegationRule = NegationRule()) throws -> [Int] {
        let counter = try KeywordCounter(dictionary: try shippedWu(), options: CountingOptions(negation: negation))
        return counter.count(in: try minimalMatchText(file)).categories.map(\.count)
    }

    /// Same order of magnitude: within a factor of 3, or both at most 3.
    static func sameMagnitude(_ a: Int, _ b: Int) -> Bool {
        if a <= 3 && b <= 3 { return true }
        return a > 0 && b > 0 && Double(max(a, b)) / Double(min(a, b)) <= 3
    }

    @Test(.enabled(if: TestPaths.hasRealData))
    func chineseReportsGiveZerosWherePublishedDataHasZerosAndTheSameMagnitudeElsewhere() throws {
        let root = try #require(Self.realData)
        let folder = root.appendingPathComponent("rongzhiy__Word_frequency_of_finance/annual_reports_txt")
        // Published in the repository huxin262/wefgh: AI, big data, cloud, blockchain, usage.
        let published: [(String, [Int])] = [
            ("000001_SDFZA_2006_annual_report.txt", [0, 0, 0, 0, 0]),
            ("000001_PAYH_2017_annual_report_TRUNCATED.txt", [4, 16, 1, 1, 11]),
            ("000001_PAYH_2018_annual_report.txt", [20, 29, 15, 17, 41]),
        ]
        for (file, expected) in published {
            let ours = try Self.dimensionCounts(folder.appendingPathComponent(file))
            let plain = try Self.dimensionCounts(folder.appendingPathComponent(file), negation: .off)
            print("realdata \(file): ours \(ours) (negation off \(plain)) published \(expected)")
            for (dimension, (mine, theirs)) in zip(ours, expected).enumerated() {
                if theirs == 0 { #expect(mine == 0, "\(file) dimension \(dimension)") }
                // The 2017 text stops at page 34, so only the direction is checked there: never more than published
                // by a factor of 3, and zeros where published zeros are.
                if file.contains("TRUNCATED") {
                    #expect(mine <= 3 * max(theirs, 1), "\(file) dimension \(dimension): \(mine) vs \(theirs)")
                } else {
                    #expect(Self.sameMagnitude(mine, theirs), "\(file) dimension \(dimension): \(mine) vs \(theirs)")
                }
            }
        }
    }

    @Test(.enabled(if: TestPaths.hasRealData))
    func pingAn2024ReportCountsAreNonZeroInEveryDimension() throws {
        let root = try #require(Self.realData)
        let file = root.appendingPathComponent("sherry56__Climate_risk/000001_PAYH_2024_annual_report_crlf.txt")
        guard FileManager.default.fileExists(atPath: file.path) else { return }
        let ours = try Self.dimensionCounts(file)
        let plain = try Self.dimensionCounts(file, negation: .off)
        print("realdata 2024: ours \(ours) (negation off \(plain)); cntext-dictionary substring counts 8,9,4,3,32")
        let reference = [8, 9, 4, 3, 32]
        for (mine, theirs) in zip(plain, reference) { #expect(Self.sameMagnitude(mine, theirs)) }
    }
}
