/// Whether a larger raw value is better (`+`, a benefit indicator) or worse (`-`, a cost indicator).
public enum Direction: String, Codable, Sendable, CaseIterable {
    case positive = "+"
    case negative = "-"

    /// Accepts `+`, `-`, `positive`, `negative`, `pos`, `neg` (any case).
    public init?(symbol: String) {
        switch symbol.lowercased() {
        case "+", "positive", "pos": self = .positive
        case "-", "negative", "neg": self = .negative
        default: return nil
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let direction = Direction(symbol: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "direction must be \"+\" or \"-\" (or positive/negative), got \"\(text)\"")
        }
        self = direction
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// One input variable of a score system.
public struct Indicator: Encodable, Equatable, Hashable, Sendable {
    /// The column name in the panel.
    public var name: String
    public var direction: Direction
    /// Human-readable description for the weights table and codebook (optional).
    public var label: String?

    public init(name: String, direction: Direction = .positive, label: String? = nil) {
        self.name = name
        self.direction = direction
        self.label = label
    }

    enum CodingKeys: String, CodingKey { case name, direction, label }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(direction, forKey: .direction)
        try container.encodeIfPresent(label, forKey: .label)
    }
}
