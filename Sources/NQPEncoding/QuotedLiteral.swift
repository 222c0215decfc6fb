/// Double-quoted string literals in the backslash-escape syntax that JSON and R share: `"` and `\` are escaped,
/// LF, CR and tab become `\n`, `\r`, `\t`, and each other scalar is written as `escape` spells it (nil: as is).
/// The log lines' JSON and the R import script differ only in which scalars `escape` spells out.
public enum QuotedLiteral {
    public static func quoted(_ text: String, escape: (Unicode.Scalar) -> String?) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if let escaped = escape(scalar) { out += escaped } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    /// A JSON string (RFC 8259): the other control characters as `\u00XX`, everything else as is.
    public static func json(_ text: String) -> String {
        quoted(text) { scalar in
            guard scalar.value < 0x20 else { return nil }
            let hex = String(scalar.value, radix: 16)
            return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        }
    }
}
