import Foundation
import Testing
import NQPTestSupport
@testable import NQPExtract

@Suite("Match text: NFKC and the whitespace rule")
struct MatchTextTests {
    @Test("whitespace between two CJK characters is removed", arguments: [
        "年度 报告", "年度\u{00A0}报告", "年度\u{3000}报告", "年度\n报告", "年度 \n\t \u{3000}报告", "年度\r\n报告",
    ])
    func cjkToCJK(_ layout: String) {
        #expect(MatchText.normalize(layout) == "年度报告")
    }

    @Test("a line break inside a PDF-wrapped word disappears")
    func lineBreakInsideWord() {
        #expect(MatchText.normalize("年度报\n告") == "年度报告")
    }

    @Test("whitespace between Latin and CJK is removed on either side")
    func latinToCJK() {
        #expect(MatchText.normalize("EB 级存储") == "EB级存储")
        #expect(MatchText.normalize("采用 AI\n技术") == "采用AI技术")
        #expect(MatchText.normalize("云\u{00A0}SaaS") == "云SaaS")
    }

    @Test("a whitespace run between Latin words becomes exactly one space", arguments: [
        "big data", "big  data", "big\ndata", "big\u{00A0}data", "big\u{3000}data", "big \n\t\u{2003} data",
    ])
    func latinToLatin(_ layout: String) {
        #expect(MatchText.normalize(layout) == "big data")
    }

    @Test("whitespace at the start and end of the text is removed")
    func textEnds() {
        #expect(MatchText.normalize("  \n\u{3000}cloud computing\u{00A0}\n ") == "cloud computing")
        #expect(MatchText.normalize(" \n ") == "")
        #expect(MatchText.normalize("") == "")
    }

    @Test("digits and punctuation next to CJK lose their whitespace, between each other keep one space")
    func digitsAndPunctuation() {
        #expect(MatchText.normalize("2024 年 12 月") == "2024年12月")
        #expect(MatchText.normalize("1,466.95 亿元") == "1,466.95亿元")
        #expect(MatchText.normalize("3.1 总体") == "3.1总体")
        #expect(MatchText.normalize("12 %") == "12 %")
    }

    @Test("NFKC maps full-width Latin letters and digits to ASCII")
    func nfkcFullWidth() {
        #expect(MatchText.normalize("ＡＩ") == "AI")
        #expect(MatchText.normalize("Ｂ２Ｂ") == "B2B")
        #expect(MatchText.normalize("应用ＡＩ技术") == "应用AI技术")
    }

    @Test("NFKC maps full-width parentheses and punctuation")
    func nfkcParentheses() {
        #expect(MatchText.normalize("（一）概述") == "(一)概述")
        #expect(MatchText.normalize("营业收入：１００，０００") == "营业收入:100,000")
    }

    @Test("NFKC composes a combining mark with the scalar before it, even across the fast path")
    func nfkcComposition() {
        #expect(MatchText.normalize("cafe\u{301} net") == "caf\u{E9} net")
        #expect(MatchText.normalize("Ｅ\u{301}") == "\u{C9}")
        #expect(MatchText.normalize("\u{1100}\u{1161}") == "\u{AC00}")
    }

    @Test("compatibility characters expand and their whitespace follows the rule")
    func nfkcExpansions() {
        #expect(MatchText.normalize("㈱公司") == "(株)公司")
        #expect(MatchText.normalize("面积㎡") == "面积m2")
        #expect(MatchText.normalize("等等…") == "等等...")
        #expect(MatchText.normalize("北\u{F900}") == "北\u{8C48}")
        // U+00A8 is "space + combining diaeresis" under NFKC: the space is whitespace like any other.
        #expect(MatchText.normalize("a\u{00A8}") == MatchText.normalize("a \u{308}"))
    }

    @Test("the result equals the reference definition on random mixed text")
    func randomAgreesWithReference() {
        var generator = SeededGenerator(seed: 42)
        let alphabet: [String] = ["年", "度", "报", "告", "A", "b", "7", " ", "\n", "\u{00A0}", "\u{3000}", "（", "）",
                                  "，", "Ａ", "２", "\u{301}", "e", "…", "㈱", "\t", "“", "”", "が", "か", "\u{3099}",
                                  "\u{F900}", "\u{20000}", "é", "—", "\u{2028}", "\u{FF9E}", "ｶ", "\u{00A8}"]
        for _ in 0..<500 {
            let length = Int(generator.next() % 30)
            var layout = ""
            for _ in 0..<length { layout += alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            #expect(MatchText.normalize(layout) == ReferenceMatchText.normalize(layout), "layout: \(layout.debugDescription)")
        }
    }

    @Test("every scalar on the fast path is NFKC-stable with combining class 0")
    func fastPathScalarsAreStable() {
        var bad: [String] = []
        for v in UInt32(0)...UInt32(0x3_FFFF) where ScalarClass.isNFKCStable(v) {
            // Sample the big ideograph planes; check everything else exhaustively.
            if v >= 0x4E00 && v % 97 != 0 && (v <= 0x9FFF || v >= 0x20000) { continue }
            guard let scalar = Unicode.Scalar(v) else { continue }
            let s = String(scalar)
            if s.precomposedStringWithCompatibilityMapping != s
                || scalar.properties.canonicalCombiningClass != .notReordered {
                bad.append(String(v, radix: 16))
            }
        }
        #expect(bad.isEmpty, "not stable: \(bad.prefix(20))")
    }

    @Test("the line map gives where each layout line starts in the match text")
    func lineMap() {
        let normalized = MatchText.normalizeWithMap("第一节 简介\n\nabc\ndef\n  \n管理层")
        #expect(normalized.text == "第一节简介abc def管理层")
        #expect(normalized.map.lineCount == 6)
        #expect(normalized.map.lineScalarStarts == [0, 5, 5, 9, 12, 12, 15])
        #expect(normalized.text(ofLines: 2..<4) == "abc def")
        #expect(normalized.text(ofLines: 5..<6) == "管理层")
        #expect(normalized.map.scalarRange(ofLines: 0..<1) == 0..<5)
    }
}

/// The contract spelled out the slow way: NFKC of the whole text, then the whitespace rule.
enum ReferenceMatchText {
    static func normalize(_ layout: String) -> String {
        let scalars = Array(layout.precomposedStringWithCompatibilityMapping.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            if MatchText.isWhitespace(scalars[i]) {
                var j = i
                while j < scalars.count && MatchText.isWhitespace(scalars[j]) { j += 1 }
                if i > 0 && j < scalars.count && !MatchText.isCJK(scalars[i - 1]) && !MatchText.isCJK(scalars[j]) {
                    out.append(" ")
                }
                i = j
            } else {
                out.append(scalars[i])
                i += 1
            }
        }
        return String(out)
    }
}

