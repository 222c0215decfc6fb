/// UTF-8 well-formedness per the WHATWG decoder: an invalid sequence is its maximal valid prefix (at least one
/// byte), replaced by one U+FFFD. Shared by the encoding sniffer, the decoders and the chunked CSV reader.
public enum UTF8Validation {
    /// The length of the well-formed sequence starting at `p[i]` (1...4), or the negated length of the invalid
    /// prefix to replace by one U+FFFD.
    @inline(__always)
    static func sequenceLength(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> Int {
        let b0 = p[i]
        if b0 < 0x80 { return 1 }
        var need: Int
        var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
        switch b0 {
        case 0xC2...0xDF: need = 1
        case 0xE0: need = 2; lower = 0xA0
        case 0xE1...0xEC, 0xEE, 0xEF: need = 2
        case 0xED: need = 2; upper = 0x9F
        case 0xF0: need = 3; lower = 0x90
        case 0xF1...0xF3: need = 3
        case 0xF4: need = 3; upper = 0x8F
        default: return -1
        }
        var j = i + 1
        while need > 0 {
            guard j < n else { return -(j - i) }
            let b = p[j]
            guard b >= lower, b <= upper else { return -(j - i) }
            lower = 0x80; upper = 0xBF
            j += 1; need -= 1
        }
        return j - i
    }

    /// Counts well-formed multi-byte sequences and invalid sequences; stops early once `invalidLimit` is passed.
    static func survey(_ buffer: UnsafeRawBufferPointer,
                       invalidLimit: Int = .max) -> (multibyte: Int, invalid: Int) {
        guard let base = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return (0, 0) }
        let n = buffer.count
        var i = 0, multibyte = 0, invalid = 0
        while i < n {
            i = skipASCII(base, i, n)
            if i >= n { break }
            // Fast path for the common well-formed three-byte sequence (all of CJK): lead E1–EC or EE–EF, then
            // two continuation bytes; E0 and ED have narrower second-byte ranges and take the general path.
            let b0 = base[i]
            if b0 >= 0xE1, b0 <= 0xEF, b0 != 0xED, i + 2 < n,
               base[i + 1] & 0xC0 == 0x80, base[i + 2] & 0xC0 == 0x80 {
                i += 3
                multibyte += 1
                continue
            }
            let length = sequenceLength(base, i, n)
            if length > 0 {
                i += length
                multibyte += 1
            } else {
                i -= length
                invalid += 1
                if invalid > invalidLimit { break }
            }
        }
        return (multibyte, invalid)
    }

    /// The index of the first non-ASCII byte at or after `i` (8 bytes at a time).
    @inline(__always)
    static func skipASCII(_ p: UnsafePointer<UInt8>, _ start: Int, _ n: Int) -> Int {
        var i = start
        let raw = UnsafeRawPointer(p)
        while i + 8 <= n {
            if raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { break }
            i += 8
        }
        while i < n, p[i] < 0x80 { i += 1 }
        return i
    }
}

extension UTF8Validation {
    /// Validates `bytes` as one chunk of a longer text: nil if an invalid sequence occurs, else the number of
    /// trailing bytes that start a sequence the chunk cuts short (so far valid), to carry into the next chunk.
    public static func validPrefixLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress else { return 0 }
        let n = bytes.count
        var i = 0
        while i < n {
            i = skipASCII(base, i, n)
            if i >= n { break }
            let length = sequenceLength(base, i, n)
            if length > 0 {
                i += length
            } else if i - length == n, (0xC2...0xF4).contains(base[i]) {
                return n - i  // a valid start of a sequence, cut short by the end of the chunk
            } else {
                return nil
            }
        }
        return 0
    }
}

/// Turns possibly damaged UTF-8 into valid UTF-8, replacing each invalid sequence by U+FFFD.
enum UTF8Repair {
    static func repair(_ bytes: [UInt8]) -> DecodedBytes {
        let survey = bytes.withUnsafeBytes { UTF8Validation.survey($0, invalidLimit: 0) }
        if survey.invalid == 0 {
            var copy = bytes
            TextDecoder.dropLeadingByteOrderMark(&copy)
            return DecodedBytes(utf8: copy, decodeErrors: 0)
        }
        return bytes.withUnsafeBytes { repair($0) }
    }

    static func repair(_ buffer: UnsafeRawBufferPointer) -> DecodedBytes {
        guard let base = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self) else {
            return DecodedBytes(utf8: [], decodeErrors: 0)
        }
        let n = buffer.count
        var out: [UInt8] = []
        out.reserveCapacity(n + 16)
        var errors = 0
        var runStart = 0
        var i = 0
        while i < n {
            i = UTF8Validation.skipASCII(base, i, n)
            if i >= n { break }
            let length = UTF8Validation.sequenceLength(base, i, n)
            if length > 0 {
                i += length
            } else {
                out.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: i - runStart))
                out.append(contentsOf: replacementCharacter)
                errors += 1
                i -= length
                runStart = i
            }
        }
        out.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: n - runStart))
        TextDecoder.dropLeadingByteOrderMark(&out)
        return DecodedBytes(utf8: out, decodeErrors: errors)
    }
}
