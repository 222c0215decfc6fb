/// Decimal text for doubles that every reader (Stata `import delimited, asdouble`, R readr, pandas, Python
/// `float`) parses back to the identical bits.
///
/// Rules: missing, NaN and ±infinity → empty (the portable missing value in CSV); integral values with magnitude
/// below 2^63 → plain integer digits with no ".0" (`100`, `-0` for negative zero); everything else → Swift's
/// shortest round-trip digits (`0.1`, `1e-05`, `1.5e+300`), whose exponent form all those readers accept.
public enum NumberFormatting {
    /// Shortest round-trip text, or "" for nil / non-finite.
    public static func shortest(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        if value == value.rounded(.towardZero) && abs(value) < 9.2e18 {
            if value == 0 { return value.sign == .minus ? "-0" : "0" }
            return String(Int64(value))
        }
        return value.description
    }

    /// Appends the shortest round-trip text of `value` to `out` (nothing for nil / non-finite).
    public static func append(_ value: Double?, to out: inout [UInt8]) {
        guard let value, value.isFinite else { return }
        if value == value.rounded(.towardZero) && abs(value) < 9.2e18 {
            if value == 0 {
                if value.sign == .minus { out.append(0x2D) }
                out.append(0x30)
                return
            }
            appendInteger(Int64(value), to: &out)
            return
        }
        out.append(contentsOf: value.description.utf8)
    }

    /// Appends the decimal digits of `value` without going through `String`.
    public static func appendInteger(_ value: Int64, to out: inout [UInt8]) {
        var magnitude = value.magnitude
        if value < 0 { out.append(0x2D) }
        if magnitude == 0 { out.append(0x30); return }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes of scratch, enough for 20 digits
        let count: Int = withUnsafeMutableBytes(of: &digits) { raw in
            var n = 0
            while magnitude > 0 {
                raw[23 - n] = UInt8(truncatingIfNeeded: magnitude % 10) + 0x30
                magnitude /= 10
                n += 1
            }
            out.append(contentsOf: raw[(24 - n)...])
            return n
        }
        _ = count
    }

    /// Whole numbers for people to read, digits grouped by commas whatever the locale (`9996` → `9,996`), so the
    /// run summary and report.html give the same bytes everywhere.
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return value < 0 ? "-" + out : out
    }
}
