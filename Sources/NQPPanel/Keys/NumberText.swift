/// Number parsing and printing for cells read as text.
enum NumberText {
    /// Parses a decimal number: optional sign, digits with optional `,` thousands separators (only in groups of
    /// three), optional fraction and exponent. Rejects inf/nan/hex, which `Double(String)` would accept.
    static func parse(_ raw: String) -> Double? {
        let s = FirmCode.trim(raw)
        guard !s.isEmpty else { return nil }
        var plain = s
        if s.utf8.contains(UInt8(ascii: ",")) {
            guard isGroupedNumber(s) else { return nil }
            plain = String(s.filter { $0 != "," })
        }
        guard plain.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == 46 || $0 == 43 || $0 == 45 || $0 == 101 || $0 == 69 }),
              plain.utf8.contains(where: { $0 >= 48 && $0 <= 57 }),
              let value = Double(plain), value.isFinite else { return nil }
        return value
    }

    /// `1,234,567.8` style: the integer part in groups of three.
    private static func isGroupedNumber(_ s: String) -> Bool {
        var body = Substring(s)
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        let intPart = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)[0]
        let groups = intPart.split(separator: ",", omittingEmptySubsequences: false)
        guard let first = groups.first, (1...3).contains(first.count) else { return false }
        return groups.dropFirst().allSatisfy { $0.count == 3 } && groups.allSatisfy { $0.allSatisfy(\.isASCIIDigit) }
    }

    /// Integral values print without a fraction; others in Swift's shortest round-trip form.
    static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}

/// Fiscal-year cells: `2019`, `2019.0`, `2019年`, `FY2019`.
enum YearValue {
    static func parse(_ raw: String) -> Int? {
        var s = FirmCode.trim(raw)
        if s.hasSuffix("年") { s.removeLast() }
        if s.uppercased().hasPrefix("FY") { s.removeFirst(2) }
        guard let value = NumberText.parse(s), value == value.rounded(), value >= 1000, value <= 9999 else {
            return nil
        }
        return Int(value)
    }
}
