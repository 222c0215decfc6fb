import Foundation
import NQPEncoding

/// One pass over the layout text's UTF-8 bytes that applies NFKC and the whitespace rule together.
///
/// Most scalars of annual reports (ASCII, Han ideographs, kana, CJK punctuation) are NFKC-stable and are
/// copied in runs; full-width ASCII variants are mapped inline; only the remaining "slow" segments go through
/// Foundation's NFKC. A slow segment also takes the scalar before a slow scalar (a combining mark may compose
/// with it), which is exact because the contract normalises per text and segment boundaries sit at
/// NFKC-stable starters or whitespace, which never compose.
struct MatchTextBuilder {
    private let input: UnsafeBufferPointer<UInt8>
    private var out: [UInt8] = []
    private var scalarCount = 0
    private var lastWasCJK = false
    private var hasOutput = false
    private var pendingSpace = false
    /// Start (in `input`) of fast scalars accepted but not yet copied to `out`; -1 when none.
    private var runStart = -1
    /// Lines begun whose start offset is not known yet (it is the offset of the next emitted scalar).
    private var pendingLines = 1
    private var lineScalarStarts: [Int] = []
    private var lineByteStarts: [Int] = []

    init(input: UnsafeBufferPointer<UInt8>) {
        self.input = input
        out.reserveCapacity(input.count)
    }

    mutating func run() {
        let count = input.count
        var i = 0
        while i < count {
            let b = input[i]
            if b == 0x0A {
                flushRun(upTo: i)
                pendingSpace = true
                pendingLines += 1
                i += 1
                continue
            }
            let (v, n) = b < 0x80 ? (UInt32(b), 1) : decode(at: i)
            if ScalarClass.isWhitespace(v) {
                flushRun(upTo: i)
                pendingSpace = true
                i += n
                continue
            }
            if ScalarClass.isNFKCStable(v) {
                i = acceptStableRun(from: i, value: v, length: n)
                continue
            }
            let next = i + n
            let nextIsSlow = next < count && isSlowNonWhitespace(decode(at: next).value)
            if !nextIsSlow, let mapped = ScalarClass.fullWidthASCII(v) {
                flushRun(upTo: i)
                emit(scalar: UInt32(mapped)) { $0.append(mapped) }
                i = next
                continue
            }
            i = normalizeSlowSegment(from: i)
        }
        flushRun(upTo: count)
    }

    /// Accepts the run of NFKC-stable, non-whitespace scalars starting with `value` at `start`, decoding each
    /// scalar once: every scalar followed by another stable one is copied as is; the last one is copied too
    /// unless a slow scalar follows (that may compose with it), in which case the slow segment starts at it.
    /// Returns the index after what was consumed.
    @inline(__always)
    private mutating func acceptStableRun(from start: Int, value: UInt32, length: Int) -> Int {
        let count = input.count
        var position = start, v = value, n = length
        // After the first scalar is accepted, accepting another one only counts it (no pending space or line,
        // the copy run is open); `lastWasCJK` is settled once at the end.
        var accepted = 0
        var last: UInt32 = 0
        var end: Int
        while true {
            let next = position + n
            if next >= count {
                end = next
                break
            }
            let b = input[next]
            let w: UInt32, m: Int
            if b < 0x80 {
                w = UInt32(b); m = 1
                if b >= 0x20, !ScalarClass.isCJK(v), next + 8 <= count, Self.isLatinBlock(input, at: next) {
                    // Eight bytes of Latin text taken whole (English prose): each is copied as is, a space
                    // included, because it sits between two non-CJK scalars and stands alone.
                    if accepted == 0 { acceptFast(v, at: position) }
                    accepted += 8; last = UInt32(input[next + 6])
                    position = next + 7; v = UInt32(input[next + 7]); n = 1
                    continue
                }
                if b == 0x20, !ScalarClass.isCJK(v), next + 1 < count, input[next + 1] > 0x20, input[next + 1] < 0x80 {
                    // A single space between a non-CJK scalar and an ASCII graphic one stays a space: copied with
                    // the run instead of ending it.
                    if accepted == 0 { acceptFast(v, at: position) }
                    accepted += 1; last = v
                    position = next; v = w; n = m
                    continue
                }
                if b > 0x20 {
                    // ASCII graphic: stable, not whitespace.
                    if accepted == 0 { acceptFast(v, at: position) }
                    accepted += 1; last = v
                    position = next; v = w; n = m
                    continue
                }
            } else if b >= 0xE4 && b <= 0xE9 {
                // U+4000–U+9FFF: unified ideographs and extension A are stable; Yijing symbols are not.
                (w, m) = decode(at: next)
                if w >= 0x4E00 || w <= 0x4DBF {
                    if accepted == 0 { acceptFast(v, at: position) }
                    accepted += 1; last = v
                    position = next; v = w; n = m
                    continue
                }
            } else {
                (w, m) = decode(at: next)
            }
            if ScalarClass.isNFKCStable(w) && !ScalarClass.isWhitespace(w) {
                if accepted == 0 { acceptFast(v, at: position) }
                accepted += 1; last = v
                position = next; v = w; n = m
                continue
            }
            if isSlowNonWhitespace(w) {
                settle(accepted: accepted, last: last)
                return normalizeSlowSegment(from: position)
            }
            end = next
            break
        }
        if accepted == 0 {
            acceptFast(v, at: position)
        } else {
            scalarCount += accepted   // the first was counted by acceptFast; `v` is counted here
            lastWasCJK = ScalarClass.isCJK(v)
        }
        return end
    }

    /// Whether the eight bytes at `start` can join an open run after a non-CJK scalar without a look at each: all
    /// are ASCII from U+0020 to U+007F (stable, never CJK), no two spaces are adjacent and the last is not a
    /// space (so every space stands alone between two non-CJK scalars, where the whitespace rule keeps one space).
    /// Eight bytes are read as one little-endian word; the caller checks that they exist.
    @inline(__always)
    static func isLatinBlock(_ input: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        let word = UnsafeRawPointer(input.baseAddress! + start).loadUnaligned(as: UInt64.self)
        let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
        // Any byte >= 0x80, or any byte < 0x20 (the classic "has less than" test, exact as a yes/no).
        if word & high != 0 || (word &- ones &* 0x20) & ~word & high != 0 { return false }
        // One high bit exactly in each byte equal to 0x20.
        let t = word ^ (ones &* 0x20)
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let spaces = ~(((t & low) &+ low) | t | low)
        return spaces & (spaces >> 8) == 0 && spaces >> 56 == 0
    }

    /// Book-keeping for `accepted` scalars taken in bulk (the first through `acceptFast`), `last` being the last.
    @inline(__always)
    private mutating func settle(accepted: Int, last: UInt32) {
        guard accepted > 0 else { return }
        scalarCount += accepted - 1
        lastWasCJK = ScalarClass.isCJK(last)
    }

    /// The normalised bytes alone (no line map), for one line of layout text.
    static func normalizedBytes(_ input: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var builder = MatchTextBuilder(input: input)
        builder.run()
        return builder.out
    }

    func finish() -> NormalizedText {
        var scalarStarts = lineScalarStarts
        var byteStarts = lineByteStarts
        for _ in 0..<pendingLines {
            scalarStarts.append(scalarCount)
            byteStarts.append(out.count)
        }
        scalarStarts.append(scalarCount)
        byteStarts.append(out.count)
        return NormalizedText(text: String(decoding: out, as: UTF8.self),
                              map: MatchTextMap(lineScalarStarts: scalarStarts, lineByteStarts: byteStarts))
    }

    // MARK: - Emission

    @inline(__always)
    private mutating func acceptFast(_ v: UInt32, at i: Int) {
        let isCJK = ScalarClass.isCJK(v)
        if pendingSpace {
            flushRun(upTo: i)
            emitPendingSpace(beforeCJK: isCJK)
        }
        if runStart < 0 { runStart = i }
        if pendingLines > 0 { resolveLines(byteOffset: out.count + (i - runStart)) }
        scalarCount += 1
        lastWasCJK = isCJK
        hasOutput = true
    }

    /// Emits one scalar produced by mapping or normalisation (never whitespace). `append` writes its UTF-8.
    @inline(__always)
    private mutating func emit(scalar v: UInt32, _ append: (inout [UInt8]) -> Void) {
        let isCJK = ScalarClass.isCJK(v)
        if pendingSpace { emitPendingSpace(beforeCJK: isCJK) }
        if pendingLines > 0 { resolveLines(byteOffset: out.count) }
        append(&out)
        scalarCount += 1
        lastWasCJK = isCJK
        hasOutput = true
    }

    @inline(__always)
    private mutating func emitPendingSpace(beforeCJK: Bool) {
        pendingSpace = false
        if hasOutput && !lastWasCJK && !beforeCJK {
            out.append(0x20)
            scalarCount += 1
        }
    }

    @inline(__always)
    private mutating func resolveLines(byteOffset: Int) {
        for _ in 0..<pendingLines {
            lineScalarStarts.append(scalarCount)
            lineByteStarts.append(byteOffset)
        }
        pendingLines = 0
    }

    @inline(__always)
    private mutating func flushRun(upTo end: Int) {
        guard runStart >= 0 else { return }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<end]))
        runStart = -1
    }

    // MARK: - Slow path

    /// Normalises the maximal segment starting at `start` of non-whitespace scalars each of which is slow or
    /// followed by a slow scalar, emits the result scalar by scalar and returns the index after the segment.
    private mutating func normalizeSlowSegment(from start: Int) -> Int {
        flushRun(upTo: start)
        let count = input.count
        var end = start
        while end < count {
            let (v, n) = decode(at: end)
            if v == 0x0A || ScalarClass.isWhitespace(v) { break }
            let next = end + n
            let nextIsSlow = next < count && isSlowNonWhitespace(decode(at: next).value)
            if end > start && !isSlowNonWhitespace(v) && !nextIsSlow { break }
            end = next
        }
        let segment = String(decoding: UnsafeBufferPointer(rebasing: input[start..<end]), as: UTF8.self)
        for scalar in segment.precomposedStringWithCompatibilityMapping.unicodeScalars {
            if ScalarClass.isWhitespace(scalar.value) {
                pendingSpace = true
            } else {
                emit(scalar: scalar.value) { $0.append(contentsOf: UTF8.encode(scalar)) }
            }
        }
        return end
    }

    @inline(__always)
    private func isSlowNonWhitespace(_ v: UInt32) -> Bool {
        !ScalarClass.isNFKCStable(v) && ScalarClass.fullWidthASCII(v) == nil && !ScalarClass.isWhitespace(v)
    }

    /// Decodes the scalar at byte `i` of valid UTF-8 (the input is a Swift `String`).
    @inline(__always)
    private func decode(at i: Int) -> (value: UInt32, length: Int) { UTF8Bytes.decode(input, at: i) }
}

private extension UTF8 {
    static func encode(_ scalar: Unicode.Scalar) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(4)
        UTF8.encode(scalar) { bytes.append($0) }
        return bytes
    }
}
