/// A hit in byte offsets, before classification.
struct RawHit: Sendable, Equatable {
    var start: Int
    var end: Int
    var pattern: Int
}

extension KeywordAutomaton {
    /// Hits for `MatchMode.longest`, in text order.
    ///
    /// The automaton reports all occurrences by end position; a leftmost-longest choice cannot be made on the
    /// first report (a longer keyword starting earlier may end later), so the longest valid match per start
    /// position is kept in a ring of `maxLength + 1` slots and the greedy choice is made for a start position
    /// once it is final — once the scan is more than `maxLength` bytes past it, no later report can start there.
    /// Cost: O(text + occurrences), memory O(maxLength), whatever the input (no rescanning).
    func longestHits(_ text: UnsafeBufferPointer<UInt8>) -> [RawHit] {
        var hits: [RawHit] = []
        guard maxLength > 0 else { return hits }
        let slots = maxLength + 1
        var slotStart = [Int](repeating: -1, count: slots)
        var slotPattern = [Int](repeating: -1, count: slots)
        var next = 0
        var maxRecordedStart = -1
        let lengths = patterns.map(\.count)

        // Makes the greedy choice for every start position below `limit` (all of them final).
        func resolve(upTo limit: Int) {
            while next < limit {
                if next > maxRecordedStart {
                    // Nothing recorded at or after `next`, and nothing below `limit` can still be reported.
                    next = limit
                    return
                }
                let slot = next % slots
                if slotStart[slot] == next {
                    let pattern = slotPattern[slot]
                    hits.append(RawHit(start: next, end: next + lengths[pattern], pattern: pattern))
                    next += lengths[pattern]
                } else {
                    next += 1
                }
            }
        }

        scan(text, in: 0..<text.count) { pattern, end in
            let start = end - lengths[pattern]
            guard boundaryHolds(text, pattern: pattern, start: start, end: end) else { return true }
            resolve(upTo: end - maxLength)
            guard start >= next else { return true }
            let slot = start % slots
            if slotStart[slot] != start {
                slotStart[slot] = start
                slotPattern[slot] = pattern
            } else if lengths[pattern] > lengths[slotPattern[slot]] {
                slotPattern[slot] = pattern
            }
            maxRecordedStart = max(maxRecordedStart, start)
            return true
        }
        resolve(upTo: text.count + 1)
        return hits
    }

    /// Hits for `MatchMode.independent`, in text order (ties: dictionary order). Per keyword, like
    /// `str.count`: an occurrence counts when it satisfies the boundary rule and starts at or after the end of
    /// that keyword's previous counted occurrence.
    func independentHits(_ text: UnsafeBufferPointer<UInt8>) -> [RawHit] {
        var hits: [RawHit] = []
        var lastEnd = [Int](repeating: 0, count: patterns.count)
        let lengths = patterns.map(\.count)
        scan(text, in: 0..<text.count) { pattern, end in
            let start = end - lengths[pattern]
            if start >= lastEnd[pattern], boundaryHolds(text, pattern: pattern, start: start, end: end) {
                hits.append(RawHit(start: start, end: end, pattern: pattern))
                lastEnd[pattern] = end
            }
            return true
        }
        hits.sort { ($0.start, $0.pattern) < ($1.start, $1.pattern) }
        return hits
    }

    /// Every occurrence satisfying the boundary rule, overlapping ones included (strip-list masking).
    func allHits(_ text: UnsafeBufferPointer<UInt8>) -> [RawHit] {
        var hits: [RawHit] = []
        scan(text, in: 0..<text.count) { pattern, end in
            let start = end - patterns[pattern].count
            if boundaryHolds(text, pattern: pattern, start: start, end: end) {
                hits.append(RawHit(start: start, end: end, pattern: pattern))
            }
            return true
        }
        return hits
    }

    /// The first occurrence (by end) in `range` satisfying the boundary rule.
    func firstHit(_ text: UnsafeBufferPointer<UInt8>, in range: Range<Int>) -> RawHit? {
        var found: RawHit?
        scan(text, in: range) { pattern, end in
            let start = end - patterns[pattern].count
            guard start >= range.lowerBound,
                  boundaryHolds(text, pattern: pattern, start: start, end: end) else { return true }
            found = RawHit(start: start, end: end, pattern: pattern)
            return false
        }
        return found
    }
}
