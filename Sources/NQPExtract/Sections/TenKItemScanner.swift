import Foundation

/// The byte filter for lines that may start a 10-K item heading (`TenKItemSegmenter` reads the headings).
enum TenKItemScanner {

    /// A cheap exact filter on a line's bytes from its first visible scalar on: when its first four bytes are
    /// ASCII, NFKC leaves them alone, so unless they spell `item` in any case the pattern cannot match. (English
    /// reports have thousands of lines starting with `I`; only those reach the normaliser and the regex.)
    static func mayStartWithItem(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let word: (UInt8, UInt8, UInt8, UInt8) = (0x69, 0x74, 0x65, 0x6D)   // item
        for k in 0..<4 {
            guard k < bytes.count else { return false }
            let b = bytes[k]
            if b >= 0x80 { return true }
            let expected = k == 0 ? word.0 : k == 1 ? word.1 : k == 2 ? word.2 : word.3
            let lower = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
            if lower != expected { return false }
        }
        return true
    }

    /// A cheap exact filter for the lines inside an item that may end it or open an omitted block
    /// (`TenKItemSegmenter.endLine`): `SIGNATURES`, a `PART III` line, an Executive Officers heading
    /// (`executive …`, `information about …`). Each of them starts, after leading blanks and punctuation (which
    /// the key normalisation drops), with four ASCII letters spelling `sign`, `part`, `exec` or `info` in any
    /// case — unless a non-ASCII byte or an apostrophe (dropped by the key normalisation) comes first, when the
    /// line is kept. Every table cell of a 10-K is a line; most start with a digit, `$` or another word.
    static func mayEndItem(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var k = 0
        while k < bytes.count, bytes[k] < 0x80, !isASCIIAlphanumeric(bytes[k]) {
            if bytes[k] == 0x27 || bytes[k] == 0x60 { return true }
            k += 1
        }
        guard k < bytes.count else { return false }
        if bytes[k] >= 0x80 { return true }
        guard k + 4 <= bytes.count else { return false }
        var word: UInt32 = 0
        for j in 0..<4 {
            let b = bytes[k + j]
            if b >= 0x80 || b == 0x27 || b == 0x60 { return true }
            word = word << 8 | UInt32(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
        }
        // "sign", "part", "exec", "info" as big-endian words.
        return word == 0x7369_676E || word == 0x7061_7274 || word == 0x6578_6563 || word == 0x696E_666F
    }

    @inline(__always)
    private static func isASCIIAlphanumeric(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A)
    }
}
