/// The compact indicator list of the command line: `"a:+,b:-,c:+"`.
public enum IndicatorSpec {
    /// Parses comma-separated `name:+` / `name:-` items (a bare `name` means `+`; spaces around parts are ignored;
    /// the direction follows the last colon, so names may contain colons). Rejects empty items, empty names,
    /// unknown directions and repeated names.
    public static func parse(_ spec: String) throws(ScoreError) -> [Indicator] {
        guard !spec.trimmingWhitespace.isEmpty else {
            throw .invalidIndicatorSpec(spec: spec, item: 1, reason: "the list is empty")
        }
        var indicators: [Indicator] = []
        var seen = Set<String>()
        for (offset, rawItem) in spec.split(separator: ",", omittingEmptySubsequences: false).enumerated() {
            let item = offset + 1
            let text = String(String(rawItem).trimmingWhitespace)
            guard !text.isEmpty else {
                throw .invalidIndicatorSpec(spec: spec, item: item,
                                            reason: "is empty (two commas in a row, or a comma at the end)")
            }
            var name = text
            var direction = Direction.positive
            if let colon = text.lastIndex(of: ":") {
                name = String(String(text[..<colon]).trimmingWhitespace)
                let symbol = String(String(text[text.index(after: colon)...]).trimmingWhitespace)
                guard let parsed = Direction(symbol: symbol) else {
                    throw .invalidIndicatorSpec(spec: spec, item: item,
                                                reason: "direction \"\(symbol)\" of `\(name)` is not + or -")
                }
                direction = parsed
            }
            guard !name.isEmpty else {
                throw .invalidIndicatorSpec(spec: spec, item: item, reason: "\"\(text)\" has no indicator name")
            }
            guard seen.insert(name).inserted else {
                throw .invalidIndicatorSpec(spec: spec, item: item, reason: "`\(name)` is listed twice")
            }
            indicators.append(Indicator(name: name, direction: direction))
        }
        return indicators
    }
}
