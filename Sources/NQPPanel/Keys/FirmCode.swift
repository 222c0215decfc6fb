/// Firm-code normalisation: what Excel and Stata do to stock codes, undone.
///
/// Rules, in order:
/// 1. trim whitespace (ASCII, NBSP, U+3000);
/// 2. an integral decimal written as a float loses its fraction: `1.0`, `1.00` → `1` (Excel/pandas floats);
/// 3. an exchange suffix is dropped when a width is configured: `000001.SZ`, `600000.SH`, `.SS`, `.BJ`;
/// 4. an all-digit code shorter than `width` is left-padded with zeros: `1` → `000001`.
/// Codes with letters (gvkeys like "001690" stay, tickers stay) are only trimmed. A code longer than the width is
/// kept as is — it is not truncated, because truncation would silently merge distinct firms.
public enum FirmCode {
    /// The normalised code, or nil when the raw value is empty after trimming.
    public static func normalize(_ raw: String, width: Int?) -> String? {
        var code = trim(raw)
        if code.isEmpty { return nil }
        if let integral = integralPart(code) { code = integral }
        if width != nil, let base = strippingExchangeSuffix(code) { code = base }
        if let width, code.count < width, code.allSatisfy(\.isASCIIDigit) {
            code = String(repeating: "0", count: width - code.count) + code
        }
        return code
    }

    /// Why a normalised code cannot be a firm code although it was kept, or nil: a decimal fraction (`1.5`) or a
    /// number in exponent notation (`1.000e+00`) is what a spreadsheet writes for a code stored as a number, and
    /// matches no report — the row stays (the code might be meant) but is reported with its line.
    public static func oddity(_ code: String) -> String? {
        let scalars = Array(code.unicodeScalars)
        guard !scalars.isEmpty, scalars.count <= 40 else { return nil }
        func isDigit(_ s: Unicode.Scalar) -> Bool { s >= "0" && s <= "9" }
        var index = 0
        if scalars[index] == "+" || scalars[index] == "-" { index += 1 }
        let digitsStart = index
        while index < scalars.count, isDigit(scalars[index]) { index += 1 }
        var sawDigits = index > digitsStart, sawFraction = false, sawExponent = false
        if index < scalars.count, scalars[index] == "." {
            index += 1
            let fractionStart = index
            while index < scalars.count, isDigit(scalars[index]) { index += 1 }
            sawFraction = index > fractionStart
            sawDigits = sawDigits || sawFraction
        }
        if sawDigits, index < scalars.count, scalars[index] == "e" || scalars[index] == "E" {
            index += 1
            if index < scalars.count, scalars[index] == "+" || scalars[index] == "-" { index += 1 }
            let exponentStart = index
            while index < scalars.count, isDigit(scalars[index]) { index += 1 }
            sawExponent = index > exponentStart
        }
        guard sawDigits, index == scalars.count, sawFraction || sawExponent else { return nil }
        return sawExponent
            ? "is a number in exponent notation, as a spreadsheet writes a code stored as a number; it matches no "
                + "report — export the column as text"
            : "has a decimal fraction; it matches no report — check the column (firm: in pipeline.yml) or export "
                + "it as text"
    }

    static func trim(_ s: String) -> String {
        // Fast path for the common cell: no whitespace at either end, checked on bytes (every cell of every
        // source goes through here; Character-level checks dominated reading a large CSV).
        let utf8 = s.utf8
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 {
            return s
        }
        return s.trimmingCharacters(where: { $0.isWhitespace || $0 == "\u{00A0}" || $0 == "\u{3000}" })
    }

    /// "123.0" / "123.000" → "123"; anything else → nil.
    private static func integralPart(_ s: String) -> String? {
        guard let dot = s.firstIndex(of: ".") else { return nil }
        let head = s[..<dot], tail = s[s.index(after: dot)...]
        guard !head.isEmpty, !tail.isEmpty, head.allSatisfy(\.isASCIIDigit), tail.allSatisfy({ $0 == "0" })
        else { return nil }
        return String(head)
    }

    private static let exchangeSuffixes: Set<String> = ["SZ", "SH", "SS", "BJ", "HK", "SZSE", "SSE"]

    private static func strippingExchangeSuffix(_ s: String) -> String? {
        guard let dot = s.lastIndex(of: ".") else { return nil }
        let head = s[..<dot], tail = s[s.index(after: dot)...].uppercased()
        guard !head.isEmpty, head.allSatisfy(\.isASCIIDigit), exchangeSuffixes.contains(tail) else { return nil }
        return String(head)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
    func trimmingCharacters(where predicate: (Character) -> Bool) -> String {
        guard let start = firstIndex(where: { !predicate($0) }) else { return "" }
        guard let end = lastIndex(where: { !predicate($0) }) else { return "" }
        return String(self[start...end])
    }
}
