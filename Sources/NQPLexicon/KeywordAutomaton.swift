/// An Aho–Corasick automaton compiled to a DFA over UTF-8 bytes: built once, immutable, shared by all workers.
///
/// Bytes are mapped to equivalence classes (every byte that occurs in no pattern shares class 0; with ASCII case
/// folding `A–Z` share the class of `a–z`) so the table is `states × classes` instead of `states × 256`.
/// Table entries hold the target state premultiplied by the class count, with the sign bit set when the target
/// state ends at least one pattern — the scan loop is one load, one add and one rarely-taken branch per byte.
/// Outputs at a state are found through dictionary-suffix links, longest pattern first.
///
/// At the root state most text positions cannot start any pattern (in Chinese text, two of every three bytes are
/// continuation bytes, and most characters begin no keyword), so the scan skips them with two bit tables over byte
/// pairs instead of walking the DFA byte by byte: `startPairs` holds every pattern's first two bytes (a one-byte
/// pattern admits any second byte) and `nextPairs` its second and third. A position is entered only when both
/// pairs fit. The skip tests are independent loads with no chain through the state, so they run several times
/// faster than the DFA's dependent table walk; whatever they skip no pattern can start at, and a DFA entered at
/// the root afterwards reports the same matches.
struct KeywordAutomaton: Sendable {
    /// Patterns as matched (ASCII-folded when case-insensitive).
    let patterns: [[UInt8]]
    let caseInsensitive: Bool
    let classCount: Int
    private let classOf: [UInt8]
    private let table: [Int32]
    /// Pattern that ends exactly at a state, or -1.
    private let patternAt: [Int32]
    /// Nearest proper-suffix state that ends a pattern, or -1.
    private let outputLink: [Int32]
    /// 65,536-bit tables indexed by `byte << 8 | nextByte` (see the type's comment).
    private let startPairs: [UInt64]
    private let nextPairs: [UInt64]
    /// Pattern starts (ends) with an ASCII letter or digit: the boundary rule applies at that side.
    let startsAlphanumeric: [Bool]
    let endsAlphanumeric: [Bool]
    let maxLength: Int

    /// The byte that masks stripped text: it never occurs in UTF-8, so no pattern can match across it, and it is
    /// not an ASCII letter or digit for the boundary rule.
    static let maskByte: UInt8 = 0xFF

    /// `patterns` must be non-empty byte strings; duplicates are allowed (the first index wins).
    init(patterns rawPatterns: [[UInt8]], caseInsensitive: Bool) {
        let patterns = caseInsensitive ? rawPatterns.map { $0.map(lowercased) } : rawPatterns
        self.patterns = patterns
        self.caseInsensitive = caseInsensitive
        startsAlphanumeric = patterns.map { $0.first.map(isASCIIAlphanumeric) ?? false }
        endsAlphanumeric = patterns.map { $0.last.map(isASCIIAlphanumeric) ?? false }
        maxLength = patterns.map(\.count).max() ?? 0

        // Byte classes.
        var classOf = [UInt8](repeating: 0, count: 256)
        var used = [Bool](repeating: false, count: 256)
        for pattern in patterns { for byte in pattern { used[Int(byte)] = true } }
        var classCount = 1
        for byte in 0..<256 where used[byte] && byte != Int(Self.maskByte) {
            classOf[byte] = UInt8(truncatingIfNeeded: classCount)
            classCount += 1
        }
        if caseInsensitive {
            for upper in 0x41...0x5A { classOf[upper] = classOf[upper | 0x20] }
        }
        // 256 used bytes would need class 256; bytes 0xC0, 0xC1, 0xF5–0xFF never occur in UTF-8, so at most 243.
        self.classCount = classCount
        self.classOf = classOf

        // Trie (goto function) with -1 for missing edges.
        var goto: [Int32] = Array(repeating: -1, count: classCount)
        var patternAt: [Int32] = [-1]
        var stateCount = 1
        for (index, pattern) in patterns.enumerated() where !pattern.isEmpty {
            var state = 0
            for byte in pattern {
                let slot = state * classCount + Int(classOf[Int(byte)])
                if goto[slot] < 0 {
                    goto[slot] = Int32(stateCount)
                    goto.append(contentsOf: repeatElement(-1, count: classCount))
                    patternAt.append(-1)
                    stateCount += 1
                }
                state = Int(goto[slot])
            }
            if patternAt[state] < 0 { patternAt[state] = Int32(index) }
        }

        // Breadth-first: failure links, dictionary-suffix links, and the full transition function.
        var fail = [Int32](repeating: 0, count: stateCount)
        var outputLink = [Int32](repeating: -1, count: stateCount)
        var delta = goto
        var queue: [Int32] = []
        queue.reserveCapacity(stateCount)
        for cls in 0..<classCount {
            let target = goto[cls]
            if target >= 0 { queue.append(target) } else { delta[cls] = 0 }
        }
        var head = 0
        while head < queue.count {
            let state = Int(queue[head])
            head += 1
            let failState = Int(fail[state])
            if state != 0 {
                outputLink[state] = patternAt[failState] >= 0 ? Int32(failState) : outputLink[failState]
            }
            for cls in 0..<classCount {
                let slot = state * classCount + cls
                let target = goto[slot]
                if target >= 0 {
                    fail[Int(target)] = state == 0 ? 0 : delta[failState * classCount + cls]
                    queue.append(target)
                } else {
                    delta[slot] = delta[failState * classCount + cls]
                }
            }
        }
        // Root's children have failure link 0 (set by the initial value); process order guarantees fail[state]
        // is complete before `delta` of its row is read.

        var table = [Int32](repeating: 0, count: stateCount * classCount)
        for slot in 0..<table.count {
            let target = Int(delta[slot])
            var value = Int32(target * classCount)
            if patternAt[target] >= 0 || outputLink[target] >= 0 { value |= Int32.min }
            table[slot] = value
        }
        self.table = table
        self.patternAt = patternAt
        self.outputLink = outputLink
        (startPairs, nextPairs) = Self.pairTables(patterns: patterns, classOf: classOf)
    }

    /// The skip tables, by byte class so that case folding carries over: a pair is set when some pattern's bytes at
    /// that offset fall in the same classes (a pattern too short to reach the pair admits every byte there).
    private static func pairTables(patterns: [[UInt8]], classOf: [UInt8]) -> (start: [UInt64], next: [UInt64]) {
        var start = [UInt64](repeating: 0, count: 1024)
        var next = [UInt64](repeating: 0, count: 1024)
        let bytesOfClass = Dictionary(grouping: (0..<256).filter { classOf[$0] != 0 }, by: { classOf[$0] })
        let everyByte = Array(0..<256)
        func set(_ table: inout [UInt64], _ first: [Int], _ second: [Int]) {
            for a in first { for b in second { table[(a << 8 | b) >> 6] |= 1 << UInt64((a << 8 | b) & 63) } }
        }
        var seenStart = Set<[UInt8]>(), seenNext = Set<[UInt8]>()
        for pattern in patterns where !pattern.isEmpty {
            let classes = pattern.prefix(3).map { classOf[Int($0)] }
            let bytes = classes.map { bytesOfClass[$0] ?? [] }
            if seenStart.insert(Array(classes.prefix(2))).inserted {
                set(&start, bytes[0], classes.count > 1 ? bytes[1] : everyByte)
            }
            if classes.count > 1, seenNext.insert(Array(classes.dropFirst().prefix(2))).inserted {
                set(&next, bytes[1], classes.count > 2 ? bytes[2] : everyByte)
            } else if classes.count == 1 {
                next = [UInt64](repeating: ~0, count: 1024)  // a one-byte pattern: its next bytes are anything
            }
        }
        return (start, next)
    }

    var stateCount: Int { patternAt.count }

    /// Calls `onMatch(pattern, end)` for every occurrence of every pattern in `text[range]` (overlapping, all of
    /// them), in order of end position and, at one end, longest pattern first. `end` is exclusive. The boundary
    /// rule is not applied here (see `boundaryHolds`).
    @inline(__always)
    func scan(_ text: UnsafeBufferPointer<UInt8>, in range: Range<Int>,
              _ onMatch: (_ pattern: Int, _ end: Int) -> Bool) {
        guard !patterns.isEmpty, let base = text.baseAddress else { return }
        table.withUnsafeBufferPointer { table in
            classOf.withUnsafeBufferPointer { classOf in
                startPairs.withUnsafeBufferPointer { startPairs in
                nextPairs.withUnsafeBufferPointer { nextPairs in
                guard let tableBase = table.baseAddress, let classBase = classOf.baseAddress,
                      let startBase = startPairs.baseAddress, let nextBase = nextPairs.baseAddress else { return }
                var offset: Int32 = 0
                var index = range.lowerBound
                while index < range.upperBound {
                    index = Self.run(base, from: index, to: range.upperBound, offset: &offset, table: tableBase,
                                     classes: classBase, startPairs: startBase, nextPairs: nextBase)
                    if offset < 0 {
                        offset &= Int32.max
                        if !reportOutputs(state: Int(offset) / classCount, end: index, onMatch) { return }
                    }
                }
                }
                }
            }
        }
    }

    /// The hot loop, kept free of captures so that the index and state stay in registers (a version inside the
    /// callback-taking closure kept the index in memory and ran at half the speed). Returns just after the first
    /// byte that enters an output state (with `offset` still flagged), or `end`. At the root, positions that
    /// cannot start a pattern are skipped first (the pair tables; the last two bytes go through the DFA).
    @inline(__always)
    private static func run(_ text: UnsafePointer<UInt8>, from start: Int, to end: Int, offset: inout Int32,
                            table: UnsafePointer<Int32>, classes: UnsafePointer<UInt8>,
                            startPairs: UnsafePointer<UInt64>, nextPairs: UnsafePointer<UInt64>) -> Int {
        var state = offset
        var index = start
        while index < end {
            if state == 0 {
                while index &+ 2 < end {
                    let pair = Int(text[index]) &<< 8 | Int(text[index &+ 1])
                    if startPairs[pair &>> 6] & (1 &<< UInt64(pair & 63)) != 0 {
                        let next = Int(text[index &+ 1]) &<< 8 | Int(text[index &+ 2])
                        if nextPairs[next &>> 6] & (1 &<< UInt64(next & 63)) != 0 { break }
                    }
                    index &+= 1
                }
            }
            state = table[Int(state) &+ Int(classes[Int(text[index])])]
            index &+= 1
            if state < 0 { break }
        }
        offset = state
        return index
    }

    /// Reports the outputs of `state`; returns false when the callback asked to stop.
    private func reportOutputs(state: Int, end: Int, _ onMatch: (_ pattern: Int, _ end: Int) -> Bool) -> Bool {
        var current = state
        if patternAt[current] < 0 { current = Int(outputLink[current]) }
        while current >= 0 {
            if !onMatch(Int(patternAt[current]), end) { return false }
            current = Int(outputLink[current])
        }
        return true
    }

    /// The boundary rule: a pattern that starts (ends) with an ASCII letter or digit matches only where the byte
    /// before (after) it is not an ASCII letter or digit. In UTF-8 a non-ASCII character never has such a byte,
    /// so checking one byte is exact.
    @inline(__always)
    func boundaryHolds(_ text: UnsafeBufferPointer<UInt8>, pattern: Int, start: Int, end: Int) -> Bool {
        if startsAlphanumeric[pattern], start > 0, isASCIIAlphanumeric(text[start - 1]) { return false }
        if endsAlphanumeric[pattern], end < text.count, isASCIIAlphanumeric(text[end]) { return false }
        return true
    }

    /// Whether `text[start..<start+pattern.count]` equals the pattern (with the automaton's case folding).
    func matches(_ text: UnsafeBufferPointer<UInt8>, pattern: [UInt8], at start: Int) -> Bool {
        guard start >= 0, start + pattern.count <= text.count else { return false }
        for (offset, byte) in pattern.enumerated() {
            let actual = caseInsensitive ? lowercased(text[start + offset]) : text[start + offset]
            if actual != byte { return false }
        }
        return true
    }
}
