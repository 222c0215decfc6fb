import Foundation
import NQPEncoding

/// A compiled heading style (`SectionPatterns.headingStyles`): matches at the start of a line's compact key.
///
/// Every line starting with a digit is a candidate for the Arabic style, and table cells make that half of all
/// lines, so the three default patterns get hand-written matchers equivalent to their regular expressions;
/// any other pattern goes through `NSRegularExpression`, as before.
enum HeadingStyleMatcher {
    /// `^第[一二三四五六七八九十百零〇两0-9]{1,4}节` (or `章`): the marker ends the numbering.
    case chapter(marker: UInt32)
    /// `^(?<number>[0-9]{1,2})\.(?![0-9])`.
    case arabic
    /// Any other pattern; nil when it does not compile (`nqp validate` reports it).
    case regex(NSRegularExpression?)

    init(pattern: String) {
        let defaults = SectionPatterns.defaultHeadingStyles.map(\.pattern)
        switch pattern {
        case defaults[0]: self = .chapter(marker: 0x8282)        // 节
        case defaults[1]: self = .chapter(marker: 0x7AE0)        // 章
        case defaults[2]: self = .arabic
        default: self = .regex(try? NSRegularExpression(pattern: pattern))
        }
    }

    /// A match at the start of `key` (UTF-8 of the compact key; `string()` gives it as a `String`): the UTF-8
    /// offset where the match ends and the `number` group's value.
    func matchAtStart(_ key: [UInt8], string: () -> String, budget: RegexBudget) -> (end: Int, number: Int?)? {
        if case .regex(let regex) = self { return Self.regexMatch(regex, string(), budget: budget) }
        guard let fast = fastMatch(key) else { return nil }
        // A match ending before a combining mark (`7.́`) splits a character; what the regex path makes of that
        // (through `Range(_:in:)`) is left to it.
        if splitsCharacter(key, at: fast.end) {
            return Self.regexMatch(try? NSRegularExpression(pattern: pattern), string(), budget: budget)
        }
        return fast
    }

    /// Whether the pattern matches anywhere in `key` (the default patterns are anchored at the start).
    func matches(_ key: [UInt8], string: () -> String, budget: RegexBudget) -> Bool {
        if case .regex(let regex) = self { return regex.map { budget.firstMatch($0, in: string()) != nil } ?? false }
        guard let fast = fastMatch(key) else { return false }
        if splitsCharacter(key, at: fast.end) {
            return ChineseHeadingScanner.matches(try? NSRegularExpression(pattern: pattern), string())
        }
        return true
    }

    /// The match of a default pattern, on scalars (as ICU matches).
    private func fastMatch(_ key: [UInt8]) -> (end: Int, number: Int?)? {
        switch self {
        case .chapter(let marker):
            return key.withUnsafeBufferPointer { Self.matchChapter($0, marker: marker) }.map { ($0, nil) }
        case .arabic:
            return key.withUnsafeBufferPointer { Self.matchArabic($0) }
        case .regex:
            return nil
        }
    }

    /// Whether the scalar at `offset` might continue the character before it (anything not NFKC-stable).
    private func splitsCharacter(_ key: [UInt8], at offset: Int) -> Bool {
        offset < key.count
            && !key.withUnsafeBufferPointer { ScalarClass.isNFKCStable(UTF8Bytes.decode($0, at: offset).value) }
    }

    /// The pattern a fast matcher stands for.
    private var pattern: String {
        let defaults = SectionPatterns.defaultHeadingStyles.map(\.pattern)
        switch self {
        case .chapter(let marker): return marker == 0x8282 ? defaults[0] : defaults[1]
        case .arabic: return defaults[2]
        case .regex(let regex): return regex?.pattern ?? ""
        }
    }

    private static func regexMatch(_ regex: NSRegularExpression?, _ text: String,
                                   budget: RegexBudget) -> (end: Int, number: Int?)? {
        guard let regex, let match = budget.firstMatch(regex, in: text),
              match.range.location == 0, let prefixRange = Range(match.range, in: text) else { return nil }
        var number: Int?
        let numberRange = match.range(withName: "number")
        if numberRange.location != NSNotFound, let r = Range(numberRange, in: text) { number = Int(text[r]) }
        return (text.utf8.distance(from: text.startIndex, to: prefixRange.upperBound), number)
    }

    /// A necessary condition for a match, tested on the raw layout line from its first visible scalar on, so
    /// that most lines starting with a digit (amounts in table cells) are ruled out before being normalised.
    /// ASCII is left alone by NFKC (a combining mark after it would only make a match less likely), whitespace
    /// disappears from the compact key, and anything else non-ASCII is left to the full test.
    func mayMatch(rawLine bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        switch self {
        case .regex: return true
        case .chapter: return Self.mayMatchChapter(rawLine: bytes)
        case .arabic: return Self.mayMatchArabic(rawLine: bytes)
        }
    }

    /// `mayMatch(rawLine:)` for any of `styles`, as one function without per-line enum copies.
    static func prefilter(for styles: [HeadingStyleMatcher]) -> (UnsafeBufferPointer<UInt8>) -> Bool {
        var chapter = false, arabic = false
        for style in styles {
            switch style {
            case .regex: return { _ in true }
            case .chapter: chapter = true
            case .arabic: arabic = true
            }
        }
        return { line in (chapter && mayMatchChapter(rawLine: line)) || (arabic && mayMatchArabic(rawLine: line)) }
    }

    private static func mayMatchChapter(rawLine bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !bytes.isEmpty else { return false }
        if bytes.count >= 3, bytes[0] == 0xE7, bytes[1] == 0xAC, bytes[2] == 0xAC { return true }   // 第
        let first = UTF8Bytes.decode(bytes, at: 0).value
        return !(first < 0x80 || ScalarClass.isNFKCStable(first))
    }

    private static func mayMatchArabic(rawLine bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var k = 0
        for position in 0..<3 {
            // The next scalar that is not whitespace.
            while k < bytes.count {
                let b = bytes[k]
                if b == 0x20 || (b >= 0x09 && b <= 0x0D) { k += 1; continue }
                if b < 0x80 { break }
                let (v, n) = UTF8Bytes.decode(bytes, at: k)
                if !ScalarClass.isWhitespace(v) { break }
                k += n
            }
            guard k < bytes.count else { return false }      // the key ends before a `.`
            let b = bytes[k]
            if b >= 0x80 { return true }
            let isDigit = b >= 0x30 && b <= 0x39
            if position == 0 {
                guard isDigit else { return false }
            } else if b == 0x2E {
                return true
            } else if !isDigit || position == 2 {
                return false                                  // not `.`, or a third digit
            }
            k += 1
        }
        return false
    }

    /// The numerals of the chapter styles' character class (after `第`).
    private static let chapterNumerals: Set<UInt32> = Set("一二三四五六七八九十百零〇两0123456789".unicodeScalars.map(\.value))

    /// `第`, one to four numerals, `marker`: the regex's `{1,4}` is greedy, and as the marker is not a numeral,
    /// backtracking cannot help — the numerals must run up to the marker.
    private static func matchChapter(_ key: UnsafeBufferPointer<UInt8>, marker: UInt32) -> Int? {
        guard key.count >= 3, key[0] == 0xE7, key[1] == 0xAC, key[2] == 0xAC else { return nil }   // 第 U+7B2C
        var k = 3
        var numerals = 0
        while k < key.count {
            let (v, n) = UTF8Bytes.decode(key, at: k)
            if numerals < 4, chapterNumerals.contains(v) {
                numerals += 1
                k += n
                continue
            }
            return numerals >= 1 && v == marker ? k + n : nil
        }
        return nil
    }

    /// One or two ASCII digits, `.`, and no digit after it (three digits cannot match: backtracking to fewer
    /// leaves a digit where the `.` must be).
    private static func matchArabic(_ key: UnsafeBufferPointer<UInt8>) -> (end: Int, number: Int?)? {
        var k = 0
        var number = 0
        while k < key.count, k < 3, key[k] >= 0x30, key[k] <= 0x39 {
            number = number * 10 + Int(key[k] - 0x30)
            k += 1
        }
        guard k >= 1, k <= 2, k < key.count, key[k] == 0x2E else { return nil }
        if k + 1 < key.count, key[k + 1] >= 0x30, key[k + 1] <= 0x39 { return nil }
        return (k + 1, number)
    }
}
