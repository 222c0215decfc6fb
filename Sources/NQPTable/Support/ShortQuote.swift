/// Quotes an offending value in a message: whole when short, else its first characters and its size. A 100 MB
/// cell echoed whole into a warning and the manifest took gigabytes of memory; a message names the value, it
/// does not carry it (README "Limits").
public enum ShortQuote {
    /// Characters kept of a long value.
    public static let prefixCharacters = 40

    /// `'value'`, or `'first 40 characters…' (123456789 bytes)`.
    public static func quote(_ value: String) -> String {
        let utf8Count = value.utf8.count
        guard utf8Count > prefixCharacters * 4 || value.unicodeScalars.count > prefixCharacters else {
            return "'\(value)'"
        }
        var prefix = String.UnicodeScalarView()
        for scalar in value.unicodeScalars.prefix(prefixCharacters) {
            prefix.append(scalar.value < 0x20 ? " " : scalar)
        }
        return "'\(String(prefix))…' (\(utf8Count) bytes)"
    }
}
