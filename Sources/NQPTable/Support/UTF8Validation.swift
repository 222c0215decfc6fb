/// UTF-8 validation that can run over a file in chunks.
enum UTF8Validation {
    /// Validates `bytes`; returns nil if an invalid sequence occurs, else the number of trailing bytes that form an
    /// incomplete (so far valid) sequence — to be carried into the next chunk.
    static func validPrefixLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = bytes.count
        var i = 0
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return nil
            }
            var k = 1
            while k < length {
                if i + k >= n { return n - i }  // incomplete at the end
                let c = bytes[i + k]
                if k == 1 { if c < lower || c > upper { return nil } } else if c & 0xC0 != 0x80 { return nil }
                k += 1
            }
            i += length
        }
        return 0
    }

    static func isValid(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { validPrefixLength($0) == 0 }
    }
}
