import Foundation

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
            let (v, n) = decode(at: i)
            if v == 0x0A {
                flushRun(upTo: i)
                pendingSpace = true
                pendingLines += 1
                i += n
                continue
            }
            if ScalarClass.isWhitespace(v) {
                flushRun(upTo: i)
                pendingSpace = true
                i += n
                continue
            }
            let next = i + n
            let nextIsSlow = next < count && isSlowNonWhitespace(decode(at: next).value)
            if !nextIsSlow && ScalarClass.isNFKCStable(v) {
                acceptFast(v, at: i)
                i = next
                continue
            }
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
    private func decode(at i: Int) -> (value: UInt32, length: Int) {
        let b0 = UInt32(input[i])
        if b0 < 0x80 { return (b0, 1) }
        if b0 < 0xE0 { return (((b0 & 0x1F) << 6) | (UInt32(input[i + 1]) & 0x3F), 2) }
        if b0 < 0xF0 {
            return (((b0 & 0x0F) << 12) | ((UInt32(input[i + 1]) & 0x3F) << 6) | (UInt32(input[i + 2]) & 0x3F), 3)
        }
        return (((b0 & 0x07) << 18) | ((UInt32(input[i + 1]) & 0x3F) << 12)
                    | ((UInt32(input[i + 2]) & 0x3F) << 6) | (UInt32(input[i + 3]) & 0x3F), 4)
    }
}

private extension UTF8 {
    static func encode(_ scalar: Unicode.Scalar) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(4)
        UTF8.encode(scalar) { bytes.append($0) }
        return bytes
    }
}
