/// One derived indicator from `pipeline.yml`:
/// `rd_intensity: {formula: "rd_expense / revenue", label: "R&D expense / operating revenue", unit: "ratio"}`;
/// the key is the name.
public struct IndicatorDefinition: Encodable, Equatable, Sendable {
    public var name: String
    public var formula: String
    public var label: String
    public var unit: String

    public init(name: String, formula: String, label: String = "", unit: String = "") {
        self.name = name
        self.formula = formula
        self.label = label
        self.unit = unit
    }

    enum CodingKeys: String, CodingKey { case name, formula, label, unit }
}

/// Per-indicator accounting of missing values: every missing row is attributed to exactly one cause.
public struct IndicatorReport: Sendable, Equatable, Codable, CustomStringConvertible {
    public var name: String
    public var formula: String
    public var rows: Int
    public var nonMissing: Int
    /// Missing because an input (or a lag/lead year) was missing.
    public var missingInput: Int
    /// Missing because a denominator was zero (incl. growth() with a zero base).
    public var divisionByZero: Int
    /// Missing because ln/log10 got x ≤ 0, sqrt got x < 0, or a power had no real value.
    public var domainError: Int
    /// Missing because the result overflowed.
    public var overflow: Int

    public var missing: Int { rows - nonMissing }

    public var description: String {
        var parts: [String] = []
        if missingInput > 0 { parts.append("\(missingInput) missing input") }
        if divisionByZero > 0 { parts.append("\(divisionByZero) division by zero") }
        if domainError > 0 { parts.append("\(domainError) ln/log10/sqrt/power of an invalid value") }
        if overflow > 0 { parts.append("\(overflow) overflow") }
        return "\(name) = \(formula): \(nonMissing) of \(rows) computed"
            + (parts.isEmpty ? "" : ", \(missing) missing (" + parts.joined(separator: ", ") + ")")
    }
}
