import Foundation
import NQPEncoding

/// Counts a dictionary's keywords in match text. Built once per dictionary and options (the automata are compiled
/// here), immutable and `Sendable`: one counter is shared by all workers.
///
/// Steps for one text: (1) strip-list strings are masked; (2) hits are selected by the match mode, the boundary
/// rule and the case rule; (3) each hit is classified — excluded (an excluded range, or an excluded sentence),
/// else negated, else counted; negated and excluded hits keep the text they cover in `longest` mode (the
/// selection comes first); (4) tallies per keyword, category and in total.
public struct KeywordCounter: Sendable {
    public let dictionary: KeywordDictionary
    public let options: CountingOptions
    let automaton: KeywordAutomaton
    private let stripAutomaton: KeywordAutomaton?
    private let exclusionAutomaton: KeywordAutomaton?
    private let negationWords: [[UInt8]]
    /// Per negation word: exception words containing it, with the byte offset of the negation word inside.
    private let exceptionsByWord: [[(word: [UInt8], offset: Int)]]
    private let negationStartsAlphanumeric: [Bool]
    private let negationEndsAlphanumeric: [Bool]

    public init(dictionary: KeywordDictionary, options: CountingOptions = CountingOptions()) throws(LexiconError) {
        self.dictionary = dictionary
        self.options = options
        let caseInsensitive = !dictionary.caseSensitive
        automaton = KeywordAutomaton(patterns: dictionary.keywords.map { Array($0.text.utf8) },
                                     caseInsensitive: caseInsensitive)
        let strip = try Self.normalized(options.strip, field: "strip")
        stripAutomaton = strip.isEmpty ? nil : KeywordAutomaton(patterns: strip, caseInsensitive: caseInsensitive)
        if options.exclusion.enabled {
            let words = try Self.normalized(options.exclusion.sentenceWords, field: "exclusion.sentence_words")
            exclusionAutomaton = words.isEmpty ? nil : KeywordAutomaton(patterns: words, caseInsensitive: caseInsensitive)
        } else {
            exclusionAutomaton = nil
        }
        if options.negation.enabled {
            guard options.negation.window >= 0 else {
                throw .invalidOption(field: "negation.window",
                                     reason: "must be 0 or more characters, got \(options.negation.window)")
            }
            let fold: ([UInt8]) -> [UInt8] = { caseInsensitive ? $0.map(lowercased) : $0 }
            let words = try Self.normalized(options.negation.words, field: "negation.words").map(fold)
            let exceptions = try Self.normalized(options.negation.exceptions, field: "negation.exceptions").map(fold)
            negationWords = words
            exceptionsByWord = words.map { word in
                exceptions.flatMap { exception in
                    Self.offsets(of: word, in: exception).map { (word: exception, offset: $0) }
                }
            }
            negationStartsAlphanumeric = words.map { $0.first.map(isASCIIAlphanumeric) ?? false }
            negationEndsAlphanumeric = words.map { $0.last.map(isASCIIAlphanumeric) ?? false }
        } else {
            negationWords = []
            exceptionsByWord = []
            negationStartsAlphanumeric = []
            negationEndsAlphanumeric = []
        }
    }

    /// NFKC-normalised, trimmed UTF-8 of option strings; empty ones are an error (they would match everywhere).
    private static func normalized(_ strings: [String], field: String) throws(LexiconError) -> [[UInt8]] {
        var out: [[UInt8]] = []
        for (index, string) in strings.enumerated() {
            let text = String(Substring(string.precomposedStringWithCompatibilityMapping).trimmingWhitespace())
            guard !text.isEmpty else {
                throw .invalidOption(field: "\(field)[\(index)]", reason: "empty string; remove it")
            }
            out.append(Array(text.utf8))
        }
        return out
    }

    private static func offsets(of needle: [UInt8], in haystack: [UInt8]) -> [Int] {
        guard !needle.isEmpty, needle.count <= haystack.count else { return [] }
        return (0...(haystack.count - needle.count)).filter { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    // MARK: counting

    /// Counts `matchText` (the extract stage's match text of one scope).
    /// - Parameters:
    ///   - excluding: Unicode-scalar ranges of `matchText` whose hits are excluded (e.g. a biography section).
    ///   - collectHits: when given, every hit is returned with this many characters of context either side.
    public func count(in matchText: String, excluding ranges: [Range<Int>] = [],
                      collectHits context: Int? = nil) -> KeywordCounts {
        count(utf8: Array(matchText.utf8), excluding: ranges, collectHits: context)
    }

    /// Counts UTF-8 bytes of match text (must be valid UTF-8; offsets are still in Unicode scalars).
    public func count(utf8 bytes: [UInt8], excluding ranges: [Range<Int>] = [],
                      collectHits context: Int? = nil) -> KeywordCounts {
        var masked = bytes
        if let stripAutomaton {
            bytes.withUnsafeBufferPointer { text in
                for hit in stripAutomaton.allHits(text) {
                    for index in hit.start..<hit.end { masked[index] = KeywordAutomaton.maskByte }
                }
            }
        }
        return masked.withUnsafeBufferPointer { matchBytes in
            bytes.withUnsafeBufferPointer { original in
                tally(matchBytes: matchBytes, original: original, excluding: ranges, context: context)
            }
        }
    }

    private func tally(matchBytes: UnsafeBufferPointer<UInt8>, original: UnsafeBufferPointer<UInt8>,
                       excluding ranges: [Range<Int>], context: Int?) -> KeywordCounts {
        let rawHits = options.mode == .longest ? automaton.longestHits(matchBytes)
                                               : automaton.independentHits(matchBytes)
        let keywordCount = dictionary.keywords.count
        var counted = [Int](repeating: 0, count: keywordCount)
        var negated = [Int](repeating: 0, count: keywordCount)
        var excluded = [Int](repeating: 0, count: keywordCount)
        var hits: [KeywordHit] = []
        var sentence: (range: Range<Int>, word: String?)?

        // Scalar offsets: hits are in start order, so one forward walk converts them all.
        var walkedBytes = 0
        var walkedScalars = 0
        for hit in rawHits {
            walkedScalars += UTF8Bytes.scalarCount(original, walkedBytes..<hit.start)
            walkedBytes = hit.start
            let startChar = walkedScalars
            let endChar = startChar + UTF8Bytes.scalarCount(original, hit.start..<hit.end)

            var status = KeywordHit.Status.counted
            var reason: String?
            if let range = ranges.first(where: { $0.lowerBound < endChar && startChar < $0.upperBound }) {
                status = .excluded
                reason = "in excluded range \(range.lowerBound)..<\(range.upperBound)"
            } else if let exclusionAutomaton {
                if sentence == nil || !(sentence?.range.contains(hit.start) ?? false) {
                    let range = TextBytes.sentenceStart(matchBytes, before: hit.start)
                        ..< TextBytes.sentenceEnd(matchBytes, from: hit.start)
                    let found = exclusionAutomaton.firstHit(matchBytes, in: range).map {
                        String(decoding: UnsafeBufferPointer(rebasing: original[$0.start..<$0.end]), as: UTF8.self)
                    }
                    sentence = (range, found)
                }
                if let word = sentence?.word {
                    status = .excluded
                    reason = "sentence mentions “\(word)”"
                }
            }
            if status == .counted, let negation = negationBefore(hit.start, in: matchBytes) {
                status = .negated
                reason = "negation “\(negation.word)” \(negation.gap) character(s) before"
            }
            switch status {
            case .counted: counted[hit.pattern] += 1
            case .negated: negated[hit.pattern] += 1
            case .excluded: excluded[hit.pattern] += 1
            }
            if let context {
                let beforeStart = UTF8Bytes.index(original, back: context, from: hit.start)
                let afterEnd = UTF8Bytes.index(original, forward: context, from: hit.end)
                hits.append(KeywordHit(
                    keyword: dictionary.keywords[hit.pattern].text, keywordIndex: hit.pattern,
                    matched: string(original, hit.start..<hit.end), start: startChar, end: endChar, status: status,
                    reason: reason, before: string(original, beforeStart..<hit.start),
                    after: string(original, hit.end..<afterEnd)))
            }
        }
        let chars = walkedScalars + UTF8Bytes.scalarCount(original, walkedBytes..<original.count)

        return KeywordCounts.assemble(dictionary: dictionary, mode: options.mode, chars: chars, counted: counted,
                                      negated: negated, excluded: excluded, hits: hits)
    }

    private func string(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: text[range]), as: UTF8.self)
    }

    /// The negation-word occurrence that negates a hit starting at byte `start`, if any (rule: `NegationRule`).
    private func negationBefore(_ start: Int, in text: UnsafeBufferPointer<UInt8>) -> (word: String, gap: Int)? {
        guard !negationWords.isEmpty else { return nil }
        var end = start
        for gap in 0...options.negation.window {
            for (index, word) in negationWords.enumerated() {
                let wordStart = end - word.count
                guard automaton.matches(text, pattern: word, at: wordStart) else { continue }
                if negationStartsAlphanumeric[index], wordStart > 0, isASCIIAlphanumeric(text[wordStart - 1]) {
                    continue
                }
                if negationEndsAlphanumeric[index], end < text.count, isASCIIAlphanumeric(text[end]) { continue }
                // An exception protects only when it lies wholly before the hit: in 无人工智能 the 无人 overlaps
                // the hit 人工智能, so 无 negates.
                let inException = exceptionsByWord[index].contains { exception in
                    let exceptionStart = wordStart - exception.offset
                    return exceptionStart + exception.word.count <= start
                        && automaton.matches(text, pattern: exception.word, at: exceptionStart)
                }
                if !inException {
                    return (String(decoding: UnsafeBufferPointer(rebasing: text[wordStart..<end]), as: UTF8.self),
                            gap)
                }
            }
            guard end > 0, gap < options.negation.window else { break }
            var previous = end - 1
            while previous > 0, (text[previous] & 0xC0) == 0x80 { previous -= 1 }
            if text[previous] == KeywordAutomaton.maskByte || TextBytes.isClauseDelimiter(text, previous..<end) {
                break
            }
            end = previous
        }
        return nil
    }
}
