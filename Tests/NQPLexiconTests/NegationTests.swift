import Testing
@testable import NQPLexicon

@Suite struct NegationTests {
    let dict = try! dictionary([("ai", ["人工智能", "大数据"])])

    @Test func hitRightAfterANegationWordIsNegatedNotCounted() throws {
        let result = try counts("公司无人工智能业务", dict, negation: NegationRule())
        #expect(result.count("人工智能") == 0)
        #expect(result.keyword("人工智能")?.negated == 1)
        #expect(result.negated == 1)
        #expect(result.total == 0)
    }

    @Test func negationReachesBackAsFarAsTheWindow() throws {
        // 没 + 有使用 (3 characters) + hit: inside the default window of 3; a 4-character gap is not.
        #expect(try counts("公司没有使用人工智能", dict, negation: NegationRule()).keyword("人工智能")?.negated == 1)
        #expect(try counts("公司没有正式使用人工智能", dict, negation: NegationRule()).count("人工智能") == 1)
        let narrow = NegationRule(window: 0)
        #expect(try counts("不用人工智能", dict, negation: narrow).count("人工智能") == 1)
        #expect(try counts("不人工智能", dict, negation: narrow).count("人工智能") == 0)
    }

    @Test func exceptionWordsDoNotNegate() throws {
        for text in ["不断加强人工智能", "不仅人工智能", "无论人工智能", "无锡人工智能", "包括但不限于人工智能", "不同人工智能"] {
            let result = try counts(text, dict, negation: NegationRule())
            #expect(result.count("人工智能") == 1, "\(text)")
            #expect(result.negated == 0, "\(text)")
        }
    }

    @Test func anExceptionProtectsOnlyItsOwnOccurrence() throws {
        // 不断 is an exception, but the later 不 right before the hit still negates.
        let result = try counts("不断不用大数据", dict, negation: NegationRule())
        #expect(result.keyword("大数据")?.negated == 1)
    }

    @Test func negationDoesNotCrossAClauseDelimiter() throws {
        #expect(try counts("我们不，人工智能", dict, negation: NegationRule()).count("人工智能") == 1)
        #expect(try counts("并无。人工智能", dict, negation: NegationRule()).count("人工智能") == 1)
    }

    @Test func negationOffCountsEverything() throws {
        let result = try counts("无人工智能，不用大数据", dict, negation: .off)
        #expect(result.total == 2)
        #expect(result.negated == 0)
    }

    @Test func customNegationWordsAndExceptionsApply() throws {
        let rule = NegationRule(words: ["未"], window: 2, exceptions: ["未来"])
        #expect(try counts("未使用大数据", dict, negation: rule).keyword("大数据")?.negated == 1)
        #expect(try counts("未来大数据", dict, negation: rule).count("大数据") == 1)
        #expect(try counts("不用大数据", dict, negation: rule).count("大数据") == 1)
    }

    @Test func englishNegationWordsFollowTheBoundaryAndCaseRules() throws {
        let en = try dictionary([("ai", ["AI"])])
        let rule = NegationRule(words: ["not"], window: 6, exceptions: [])
        #expect(try counts("we do NOT use AI", en, negation: rule).keyword("AI")?.negated == 1)
        #expect(try counts("cannot AI", en, negation: rule).count("AI") == 1)
    }

    @Test func negatedHitsAppearInTheHitListWithTheirReason() throws {
        let result = try counts("无大数据", dict, negation: NegationRule(), context: 3)
        let hit = try #require(result.hits.first)
        #expect(hit.status == .negated)
        #expect(hit.reason?.contains("无") == true)
    }

    @Test func negativeWindowIsRejected() {
        #expect(throws: LexiconError.self) {
            try KeywordCounter(dictionary: dict, options: CountingOptions(negation: NegationRule(window: -1)))
        }
    }
}
