import Testing
@testable import NQPLexicon

@Suite struct ExclusionAndStripTests {
    let dict = try! dictionary([("usage", ["电子商务", "大数据"])])

    @Test func exclusionIsOffByDefault() throws {
        #expect(try counts("我们的客户使用大数据。", dict).count("大数据") == 1)
    }

    @Test func hitsInASentenceNamingACustomerAreExcludedAndReported() throws {
        let rule = ExclusionRule(enabled: true)
        let result = try counts("我们的客户使用大数据。公司自建大数据平台！供应商提供电子商务服务", dict, exclusion: rule)
        #expect(result.count("大数据") == 1)
        #expect(result.keyword("大数据")?.excluded == 1)
        #expect(result.keyword("电子商务")?.excluded == 1)
        #expect(result.excluded == 2)
        #expect(result.total == 1)
    }

    @Test func customSentenceWordsReplaceTheDefaults() throws {
        let rule = ExclusionRule(enabled: true, sentenceWords: ["子公司"])
        let result = try counts("客户用大数据；子公司用大数据", dict, exclusion: rule)
        #expect(result.count("大数据") == 1)
        #expect(result.keyword("大数据")?.excluded == 1)
    }

    @Test func hitsInsideCallerRangesAreExcludedEvenWithTheRuleOff() throws {
        let text = "公司大数据。董事简介：曾任大数据公司总经理。"
        let biography = 6..<text.unicodeScalars.count
        let result = try counts(text, dict, excluding: [biography], context: 2)
        #expect(result.count("大数据") == 1)
        #expect(result.keyword("大数据")?.excluded == 1)
        #expect(result.hits.map(\.status) == [.counted, .excluded])
    }

    @Test func exclusionTakesPrecedenceOverNegation() throws {
        let result = try counts("客户无大数据", dict, negation: NegationRule(), exclusion: ExclusionRule(enabled: true))
        #expect(result.keyword("大数据")?.excluded == 1)
        #expect(result.keyword("大数据")?.negated == 0)
    }

    @Test func stripListMasksEntityNamesBeforeMatching() throws {
        let text = "子公司深圳某某电子商务有限公司开展电子商务业务"
        let result = try counts(text, dict, strip: ["电子商务有限公司"], context: 1)
        #expect(result.count("电子商务") == 1)
        // Masking keeps offsets: the counted hit is where it is in the unmasked text.
        let hit = try #require(result.hits.first)
        #expect(hit.start == 17)
        #expect(result.chars == text.unicodeScalars.count)
    }

    @Test func noKeywordMatchesAcrossAMaskedStretch() throws {
        let two = try dictionary([("c", ["大数据"])])
        #expect(try counts("大XY数据", two, strip: ["XY"]).count("大数据") == 0)
        #expect(try counts("大数XY据", two, strip: ["数XY"]).count("大数据") == 0)
    }

    @Test func emptyOptionStringsAreRejected() {
        #expect(throws: LexiconError.self) {
            try KeywordCounter(dictionary: dict, options: CountingOptions(strip: [" "]))
        }
    }
}

import Foundation
