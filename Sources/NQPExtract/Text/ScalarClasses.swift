/// Scalar classes used by the match-text rule (README "Reading reports", match text).
///
/// Kept as plain range checks on `UInt32` so the hot loop in `MatchTextBuilder` never builds a `Unicode.Scalar`.
enum ScalarClass {
    /// CJK for the whitespace rule: Han ideographs (incl. extensions and compatibility ideographs),
    /// CJK symbols and punctuation U+3000–U+303F, half/full-width forms U+FF00–U+FFEF.
    @inline(__always)
    static func isCJK(_ v: UInt32) -> Bool {
        if v < 0x3000 { return false }
        if v <= 0x303F { return true }                       // CJK symbols and punctuation
        if v >= 0x3400 && v <= 0x4DBF { return true }        // extension A
        if v >= 0x4E00 && v <= 0x9FFF { return true }        // unified ideographs
        if v >= 0xF900 && v <= 0xFAFF { return true }        // compatibility ideographs
        if v >= 0xFF00 && v <= 0xFFEF { return true }        // half/full-width forms
        if v >= 0x20000 && v <= 0x3FFFF { return true }      // extensions B… and compatibility supplement
        return false
    }

    /// Unicode `White_Space` (includes NBSP U+00A0, U+3000 and line breaks).
    @inline(__always)
    static func isWhitespace(_ v: UInt32) -> Bool {
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        switch v {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// Scalars whose NFKC form is themselves, that have canonical combining class 0 and that are never the
    /// second element of a canonical composition — so they can be copied without calling the normaliser.
    /// A combining mark after one of them is handled by the slow path, which re-normalises the preceding
    /// scalar together with the mark. `MatchTextTests` checks every scalar of these ranges against Foundation.
    @inline(__always)
    static func isNFKCStable(_ v: UInt32) -> Bool {
        if v < 0x80 { return true }
        if v < 0x2010 { return v >= 0xC0 && v <= 0xFF }                      // Latin-1 letters, × ÷
        if v <= 0x2035 {
            switch v {
            case 0x2010, 0x2012...0x2016, 0x2018...0x2023, 0x2027, 0x2030, 0x2032, 0x2035: return true
            default: return false
            }
        }
        if v < 0x3001 { return false }
        if v <= 0x3029 { return true }                                        // 、。〃… brackets, 〇
        if v >= 0x3030 && v <= 0x3035 { return true }
        if v >= 0x3041 && v <= 0x3096 { return true }                         // hiragana
        if v == 0x309D || v == 0x309E { return true }
        if v >= 0x30A1 && v <= 0x30FA { return true }                         // katakana
        if v >= 0x30FC && v <= 0x30FE { return true }
        if v >= 0x3400 && v <= 0x4DBF { return true }
        if v >= 0x4E00 && v <= 0x9FFF { return true }
        if v >= 0xAC00 && v <= 0xD7A3 { return true }                         // Hangul syllables
        if v >= 0x20000 && v <= 0x2F7FF { return true }                       // ideograph extensions B–F, I
        if v >= 0x30000 && v <= 0x3FFFF { return true }                       // extensions G, H
        return false
    }

    /// Full-width ASCII variants U+FF01–U+FF5E: NFKC maps each to the ASCII scalar 0xFEE0 below it. They are
    /// starters that never compose with a preceding scalar, so the mapping can be done inline (Chinese text has
    /// one such `，`/`：`/`（` every few characters; sending each to the normaliser would dominate the run time).
    @inline(__always)
    static func fullWidthASCII(_ v: UInt32) -> UInt8? {
        v >= 0xFF01 && v <= 0xFF5E ? UInt8(truncatingIfNeeded: v - 0xFEE0) : nil
    }
}
