import Foundation
import Testing
@testable import NQPExtract
import NQPTestSupport

/// The byte-level fast paths added for speed must agree with the general code they short-cut.
@Suite("Fast paths agree with the general code")
struct FastPathEquivalenceTests {
    private static let alphabet: [String] = [
        "1", "2", "3", "7", "0", "9", ".", ".", "．", "７", "第", "节", "章", "三", "十", "两", "〇", "百", "讨论与分析",
        " ", "\u{3000}", "\u{A0}", "\t", ",", "年", "、", "a", "I", "t", "e", "m", "Item", "ITEM", "ｉｔｅｍ", "\u{301}",
        "（", "-", "７.", "管理层",
    ]

    private static func randomLine(_ generator: inout SeededGenerator) -> String {
        (0..<Int.random(in: 0..<8, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined()
    }

    @Test("default heading styles match exactly where their regular expressions match")
    func headingMatchersEqualRegex() throws {
        var generator = SeededGenerator(seed: 7)
        let styles = SectionPatterns.defaultHeadingStyles
        let regexes = try styles.map { try NSRegularExpression(pattern: $0.pattern) }
        let matchers = styles.map { HeadingStyleMatcher(pattern: $0.pattern) }
        for _ in 0..<20_000 {
            let line = Self.randomLine(&generator)
            let lines = LayoutLines(line)
            let keyBytes = lines.compactKeyBytes(0)
            let key = String(decoding: keyBytes, as: UTF8.self)
            #expect(key == MatchText.normalize(line).replacingOccurrences(of: " ", with: ""))
            for (regex, matcher) in zip(regexes, matchers) {
                let fast = matcher.matchAtStart(keyBytes, string: { key }, budget: RegexBudget())
                var expected: (end: Int, number: Int?)?
                if let match = regex.firstMatch(in: key, range: NSRange(key.startIndex..., in: key)),
                   match.range.location == 0, let range = Range(match.range, in: key) {
                    var number: Int?
                    let numberRange = match.range(withName: "number")
                    if numberRange.location != NSNotFound, let r = Range(numberRange, in: key) { number = Int(key[r]) }
                    expected = (key.utf8.distance(from: key.startIndex, to: range.upperBound), number)
                }
                #expect(fast?.end == expected?.end && fast?.number == expected?.number, "\(line) → \(key)")
                #expect(matcher.matches(keyBytes, string: { key }, budget: RegexBudget()) == ChineseHeadingScanner.matches(regex, key), "\(key)")
                // The raw-line prefilter never rules out a line that matches.
                if expected != nil {
                    let first = lines.candidates(firstScalars: nil) { matcher.mayMatch(rawLine: $0) }
                    #expect(first == [0], "prefilter dropped \(line)")
                }
            }
        }
    }

    @Test("the item prefilter never rules out a line the 10-K item pattern matches")
    func itemPrefilter() throws {
        var generator = SeededGenerator(seed: 10)
        let regex = try NSRegularExpression(pattern: "^item\\s*([0-9]{1,2}[a-z]?)", options: [.caseInsensitive])
        var matched = 0
        for _ in 0..<20_000 {
            let line = Self.randomLine(&generator)
            let text = MatchText.normalize(line)
            guard regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil else { continue }
            matched += 1
            let kept = LayoutLines(line).candidates(firstScalars: nil, accept: TenKItemScanner.mayStartWithItem)
            #expect(kept == [0], "prefilter dropped \(line)")
        }
        #expect(matched > 0)
    }

    @Test("lines are split at every line feed, as String.split does")
    func lineSplitting() {
        for layout in ["", "a", "a\n", "\n", "第一节\n\n管理层\u{301}\nx", "\n\nend"] {
            let lines = LayoutLines(layout)
            let expected = layout.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.count == expected.count)
            for index in 0..<min(lines.count, expected.count) { #expect(lines.line(index) == expected[index]) }
        }
    }

    @Test("inline styles hide exactly when the blank-free, lower-cased style contains the needle")
    func styleHides() {
        var generator = SeededGenerator(seed: 3)
        let pieces = ["display", "DISPLAY", "visibility", ":", " ", "\t", "none", "NoNe", "hidden", ";", "dis play",
                      "font-size:10pt", "border:none", "n", "h", "y"]
        for _ in 0..<20_000 {
            let style = (0..<Int.random(in: 0..<8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let compact = String(style.lowercased().filter { !" \t\n\r\u{0C}".contains($0) })
            let expected = compact.contains("display:none") || compact.contains("visibility:hidden")
            let got = Array(style.utf8).withUnsafeBufferPointer { ElementClassifier.styleHides($0) }
            #expect(got == expected, "\(style)")
        }
    }

    @Test("the scalar count equals unicodeScalars.count")
    func scalarCount() {
        for text in ["", "a", "年报", "ａｂ\u{301}😀x", String(repeating: "数字化 AI ", count: 50)] {
            #expect(MatchText.scalarCount(of: text) == text.unicodeScalars.count)
        }
    }
}
