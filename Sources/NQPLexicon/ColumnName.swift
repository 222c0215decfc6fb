/// Stata-safe column names for categories.
///
/// Valid: 1–32 characters, ASCII letters, digits and `_`, not starting with a digit, not a Stata reserved word.
/// Derivation rule (cntext and plain-text dictionaries, or a YAML category without `column`):
/// 1. ASCII letters are lower-cased; every other character that is not `a–z`, `0–9` or `_` becomes `_`;
/// 2. runs of `_` collapse to one, leading and trailing `_` are dropped;
/// 3. nothing left (e.g. an all-Chinese name) → `category_N` (N = 1-based position of the category);
/// 4. a leading digit gets the prefix `c_`; the result is cut to 32 characters (trailing `_` dropped);
/// 5. a reserved word gets a trailing `_`; a name already taken gets `_2`, `_3`, … (base cut to stay ≤ 32).
/// So `Artificial_Intelligence` → `artificial_intelligence`, `Big Data` → `big_data`, `人工智能` → `category_1`.
public enum ColumnName {
    /// Stata's reserved names (Stata manual, [U] 11.3), which cannot be variable names.
    public static let reserved: Set<String> = [
        "_all", "_b", "byte", "_coef", "_cons", "double", "float", "if", "in", "int", "long", "_n", "_N", "_pi",
        "_pred", "_rc", "_skip", "strL", "using", "with",
    ]

    /// Whether `name` can be a Stata variable (and so a column of the panel).
    public static func isValid(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard (1...32).contains(bytes.count) else { return false }
        guard let first = bytes.first, !(first >= 0x30 && first <= 0x39) else { return false }
        for byte in bytes where !(isASCIIAlphanumeric(byte) || byte == UInt8(ascii: "_")) { return false }
        if reserved.contains(name) { return false }
        // str1 … str2045 are type names in Stata.
        if name.hasPrefix("str"), name.count > 3, name.dropFirst(3).allSatisfy(\.isASCIIDigit) { return false }
        return true
    }

    /// Derives a column from a category name (rule in the type's documentation), avoiding `taken`.
    public static func derive(from name: String, position: Int, avoiding taken: Set<String>) -> String {
        var out = [UInt8]()
        var lastUnderscore = false
        for scalar in name.unicodeScalars {
            let value = scalar.value
            var byte: UInt8 = UInt8(ascii: "_")
            if value < 0x80, isASCIIAlphanumeric(UInt8(value)) { byte = lowercased(UInt8(value)) }
            if byte == UInt8(ascii: "_") {
                if lastUnderscore { continue }
                lastUnderscore = true
            } else {
                lastUnderscore = false
            }
            out.append(byte)
        }
        var base = trimUnderscores(String(decoding: out, as: UTF8.self))
        if base.isEmpty { base = "category_\(position + 1)" }
        if let first = base.utf8.first, first >= 0x30, first <= 0x39 { base = "c_" + base }
        base = trimUnderscores(String(base.prefix(32)))
        if !isValid(base) { base = String(base.prefix(31)) + "_" }
        var candidate = base
        var suffix = 2
        while taken.contains(candidate) || !isValid(candidate) {
            let tail = "_\(suffix)"
            candidate = String(base.prefix(32 - tail.count)) + tail
            suffix += 1
        }
        return candidate
    }

    private static func trimUnderscores(_ text: String) -> String {
        var scalars = Substring(text)
        while scalars.hasPrefix("_") { scalars = scalars.dropFirst() }
        while scalars.hasSuffix("_") { scalars = scalars.dropLast() }
        return String(scalars)
    }
}

@inline(__always) func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
    (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
}

@inline(__always) func lowercased(_ byte: UInt8) -> UInt8 {
    byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
