import Testing
@testable import NQPLexicon

@Suite struct MatchingRuleTests {
    let nested = try! dictionary([("usage", ["移动互联网", "移动互联", "互联网"])])

    @Test func longestModeCountsANestedKeywordOnceAsTheLongest() throws {
        let result = try counts("推进移动互联网建设，发展移动互联。", nested)
        #expect(result.count("移动互联网") == 1)
        #expect(result.count("移动互联") == 1)
        #expect(result.count("互联网") == 0)
        #expect(result.total == 2)
    }

    @Test func independentModeCountsEveryKeywordOnItsOwn() throws {
        let result = try counts("推进移动互联网建设，发展移动互联。", nested, mode: .independent)
        #expect(result.count("移动互联网") == 1)
        #expect(result.count("移动互联") == 2)
        #expect(result.count("互联网") == 1)
        #expect(result.total == 4)
    }

    @Test func longestModeTakesTheLeftmostStartEvenWhenALaterKeywordIsLonger() throws {
        // 数据 starts first; 据中心机房 (longer, starting inside it) is not taken; the scan continues after 数据.
        let dict = try dictionary([("c", ["数据", "据中心机房"])])
        let result = try counts("大数据中心机房", dict)
        #expect(result.count("数据") == 1)
        #expect(result.count("据中心机房") == 0)
    }

    @Test func independentModeCountsNonOverlappingOccurrencesLikePythonCount() throws {
        let dict = try dictionary([("c", ["云云", "云云云"])], caseSensitive: true)
        let result = try counts("云云云云云", dict, mode: .independent)
        #expect(result.count("云云") == 2)   // "云云云云云".count("云云") == 2
        #expect(result.count("云云云") == 1)
    }

    @Test func selfOverlappingKeywordInLongestModeIsTakenGreedily() throws {
        let dict = try dictionary([("c", ["数数"])])
        #expect(try counts("数数数", dict).count("数数") == 1)
        #expect(try counts("数数数数", dict).count("数数") == 2)
    }

    @Test func aKeywordInTwoCategoriesCountsInBothButOnceInTheTotal() throws {
        let dict = try dictionary([("cloud", ["物联网", "云计算"]), ("iot", ["物联网"])])
        let result = try counts("物联网与云计算", dict)
        #expect(result.category(named: "cloud")?.count == 2)
        #expect(result.category(named: "iot")?.count == 1)
        #expect(result.total == 2)
        #expect(result.keyword("物联网")?.categories == ["cloud", "iot"])
    }

    @Test func asciiLettersMatchCaseInsensitivelyByDefault() throws {
        let dict = try dictionary([("c", ["Fintech"])])
        #expect(try counts("FinTech、FINTECH和fintech", dict).count("Fintech") == 3)
    }

    @Test func caseSensitiveDictionaryMatchesExactCaseOnly() throws {
        let dict = try dictionary([("c", ["Fintech"])], caseSensitive: true)
        #expect(try counts("FinTech、FINTECH和Fintech", dict).count("Fintech") == 1)
    }

    @Test func keywordStartingWithALetterIsNotFoundInsideAWord() throws {
        let dict = try dictionary([("c", ["AI"])])
        #expect(try counts("SAID MAINTAIN CERTAIN", dict).count("AI") == 0)
        #expect(try counts("AI, (AI) 发展AI技术 AI", dict).count("AI") == 4)
    }

    @Test func keywordEndingWithALetterOrDigitNeedsANonAlphanumericAfterIt() throws {
        let dict = try dictionary([("c", ["B2B", "B2C"])])
        let result = try counts("B2B2C模式、B2B业务、xB2C、B2Cs、B2C。", dict)
        #expect(result.count("B2B") == 1)
        #expect(result.count("B2C") == 1)
    }

    @Test func boundaryRuleAppliesOnlyOnTheAlphanumericSide() throws {
        // NFC支付 starts with a letter (checked) and ends with a Han character (not checked).
        let dict = try dictionary([("c", ["NFC支付", "EB级存储"])])
        #expect(try counts("支持NFC支付功能", dict).count("NFC支付") == 1)
        #expect(try counts("XNFC支付", dict).count("NFC支付") == 0)
        #expect(try counts("100EB级存储", dict).count("EB级存储") == 0)
        #expect(try counts("达到EB级存储", dict).count("EB级存储") == 1)
    }

    @Test func longestModeFallsBackToAShorterKeywordWhenTheLongerFailsTheBoundary() throws {
        let dict = try dictionary([("c", ["data", "data lake"])])
        let result = try counts("data lakes", dict)
        #expect(result.count("data lake") == 0)
        #expect(result.count("data") == 1)
    }

    @Test func fullWidthKeywordsAreNormalisedOnLoadAndMatchHalfWidthText() throws {
        let dict = try dictionary([("c", ["Ｂ２Ｂ", "ＮＦＣ支付"])])
        #expect(dict.keywords.map(\.text) == ["B2B", "NFC支付"])
        // Match text is NFKC-normalised by the extract stage: ＢＴＢ in a report arrives as B2B.
        let text = "开展Ｂ２Ｂ业务与ＮＦＣ支付".precomposedStringWithCompatibilityMapping
        let result = try counts(text, dict)
        #expect(result.count("B2B") == 1)
        #expect(result.count("NFC支付") == 1)
    }

    @Test func multiWordEnglishKeywordsMatchAcrossTheirSpace() throws {
        let dict = try dictionary([("ai", ["machine learning", "AI"])])
        let result = try counts("We use Machine Learning and AI-based tools; machine-learning is different.", dict)
        #expect(result.count("machine learning") == 1)
        #expect(result.count("AI") == 1)
    }

    @Test func charsCountsUnicodeScalars() throws {
        let dict = try dictionary([("c", ["云"])])
        #expect(try counts("云a😀é", dict).chars == 4)
        #expect(try counts("", dict).chars == 0)
    }

    @Test func hitsCarryScalarOffsetsAndContext() throws {
        let dict = try dictionary([("c", ["大数据", "AI"])])
        let result = try counts("😀我们用大数据和AI技术", dict, context: 2)
        #expect(result.hits.count == 2)
        let first = try #require(result.hits.first)
        #expect(first.keyword == "大数据")
        #expect(first.start == 4)
        #expect(first.end == 7)
        #expect(first.before == "们用")
        #expect(first.after == "和A")
        #expect(first.status == .counted)
        let second = try #require(result.hits.last)
        #expect(second.start == 8)
        #expect(second.matched == "AI")
        #expect(second.after == "技术")
    }

    @Test func keywordsAndCategoriesAreReportedInDictionaryOrderWithZeros() throws {
        let dict = try dictionary([("b", ["乙", "甲"]), ("a", ["丙"])])
        let result = try counts("丙丙", dict)
        #expect(result.keywords.map(\.keyword) == ["乙", "甲", "丙"])
        #expect(result.categories.map(\.name) == ["b", "a"])
        #expect(result.categories.map(\.count) == [0, 2])
    }
}
