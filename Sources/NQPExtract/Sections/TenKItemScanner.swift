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
}
