/// Word-at-a-time searches over UTF-8 for the scanner's inner loops (text runs between tags are most of a report's
/// bytes). Each test flags the bytes of interest in a 64-bit word with the classic "has zero / has less" tricks;
/// the lowest flagged byte is always a true hit (borrows only run towards higher bytes), which is all we need.
enum ByteScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Index of the first `<` or `&` at or after `start`, or `end`.
    @inline(__always)
    static func firstMarkup(_ p: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int {
        var i = start
        let raw = UnsafeRawPointer(p)
        while i + 8 <= end {
            let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            let lt = x ^ (ones &* 0x3C)
            let amp = x ^ (ones &* 0x26)
            let hits = ((lt &- ones) & ~lt | (amp &- ones) & ~amp) & highs
            if hits != 0 { return i + hits.trailingZeroBitCount >> 3 }
            i += 8
        }
        while i < end, p[i] != 0x3C, p[i] != 0x26 { i += 1 }
        return i
    }

    /// Index of the first byte ≤ 0x20 (space or a control character) at or after `start`, or `end`.
    @inline(__always)
    static func firstSpaceOrControl(_ p: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int {
        var i = start
        let raw = UnsafeRawPointer(p)
        while i + 8 <= end {
            let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            let hits = (x &- ones &* 0x21) & ~x & highs
            if hits != 0 { return i + hits.trailingZeroBitCount >> 3 }
            i += 8
        }
        while i < end, p[i] > 0x20 { i += 1 }
        return i
    }
}
