/// Numeric character references 128–159 (`&#146;`, `&#x92;`) name Windows-1252 characters, not C1 controls:
/// legacy HTML (EDGAR filings of the 1990s–2000s) writes `Management&#146;s`, and the HTML standard's
/// "numeric character reference end state" table maps these 32 code points to the Windows-1252 characters
/// every browser shows (`&#146;` → `’`, `&#147;` → `“`, `&#151;` → `—`). The five undefined ones (129, 141,
/// 143, 144, 157) stay as they are, as the standard says.
enum Windows1252References {
    /// Index = code point − 0x80.
    static let table: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
        0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, 0x9D, 0x017E, 0x0178,
    ]

    /// The character a numeric reference to `value` stands for in HTML.
    @inline(__always)
    static func map(_ value: UInt32) -> UInt32 {
        value >= 0x80 && value <= 0x9F ? table[Int(value - 0x80)] : value
    }

    /// `utf8` with every numeric reference to 128–159 (decimal or hex, with or without its `;`) rewritten as the
    /// decimal reference of its Windows-1252 character, for parsers that follow the XML rule (libxml2 2.9);
    /// nil when there is none (the common case: the bytes are used as they are).
    static func rewrite(_ utf8: [UInt8]) -> [UInt8]? {
        utf8.withUnsafeBufferPointer { p -> [UInt8]? in
            let n = p.count
            var out: [UInt8]? = nil
            var copied = 0
            var i = 0
            while i + 3 < n {
                guard p[i] == 0x26, p[i + 1] == 0x23 else { i += 1; continue }   // &#
                var j = i + 2
                let hex = p[j] == 0x78 || p[j] == 0x58
                if hex { j += 1 }
                var value: UInt32 = 0
                let digitsStart = j
                while j < n, j - digitsStart < 8 {
                    let b = p[j]
                    if b >= 0x30 && b <= 0x39 { value = value * (hex ? 16 : 10) + UInt32(b - 0x30) }
                    else if hex && (b | 0x20) >= 0x61 && (b | 0x20) <= 0x66 { value = value * 16 + UInt32((b | 0x20) - 0x61 + 10) }
                    else { break }
                    j += 1
                }
                guard j > digitsStart, value >= 0x80, value <= 0x9F, map(value) != value else { i = max(j, i + 1); continue }
                if j < n, p[j] == 0x3B { j += 1 }
                if out == nil { out = []; out!.reserveCapacity(n + 64) }
                out!.append(contentsOf: UnsafeBufferPointer(rebasing: p[copied..<i]))
                out!.append(contentsOf: Array("&#\(map(value));".utf8))
                copied = j
                i = j
            }
            guard var result = out else { return nil }
            result.append(contentsOf: UnsafeBufferPointer(rebasing: p[copied..<n]))
            return result
        }
    }
}
