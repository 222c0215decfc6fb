import Foundation
import NQPEncoding

/// The canonical match text every counter sees (README "Reading reports", match text).
///
/// Match text = layout text, NFKC-normalised, then each run of Unicode whitespace (NBSP, U+3000 and line
/// breaks included) is removed when the scalar before or after it is CJK (`ScalarClass.isCJK`, judged on the
/// NFKC output) or when it is at the start or end of the text, and otherwise replaced by one ASCII space.
/// This rejoins words that PDF conversions split across lines (`年度报\n告` → `年度报告`, `EB 级存储` → `EB级存储`).
public enum MatchText {
    /// The match text of `layout`.
    public static func normalize(_ layout: String) -> String {
        normalizeWithMap(layout).text
    }

    /// The match text of `layout` plus, for every layout line, where that line's content starts in the match
    /// text — what section finding needs to report offsets in match-text scalars.
    public static func normalizeWithMap(_ layout: String) -> NormalizedText {
        var layout = layout
        return layout.withUTF8 { bytes in
            var builder = MatchTextBuilder(input: bytes)
            builder.run()
            return builder.finish()
        }
    }

    /// The number of Unicode scalars in `text` (= `text.unicodeScalars.count`), counted on its UTF-8 bytes.
    public static func scalarCount(of text: String) -> Int {
        var text = text
        return text.withUTF8 { UTF8Bytes.scalarCount($0) }
    }

    /// Whether `scalar` counts as CJK for the whitespace rule.
    public static func isCJK(_ scalar: Unicode.Scalar) -> Bool { ScalarClass.isCJK(scalar.value) }

    /// Whether `scalar` is Unicode `White_Space`.
    public static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool { ScalarClass.isWhitespace(scalar.value) }
}
