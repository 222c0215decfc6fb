/// The layout text split at "\n" exactly as `MatchTextBuilder` counts lines, with helpers for heading search.
struct LayoutLines {
    let lines: [Substring]

    init(_ layout: String) {
        lines = layout.split(separator: "\n", omittingEmptySubsequences: false)
    }

    var count: Int { lines.count }

    /// The line trimmed of Unicode whitespace (NBSP and U+3000 included).
    func trimmed(_ index: Int) -> Substring {
        let line = lines[index]
        let scalars = line.unicodeScalars
        guard let first = scalars.firstIndex(where: { !MatchText.isWhitespace($0) }),
              let last = scalars.lastIndex(where: { !MatchText.isWhitespace($0) }) else { return "" }
        return Substring(scalars[first...last])
    }

    /// Match text of the line with every space removed (how Chinese headings are compared).
    func compactKey(_ index: Int) -> String {
        MatchText.normalize(String(lines[index])).replacingOccurrences(of: " ", with: "")
    }

    /// Index of the next line after `index` that is not blank, looking at most `limit` lines ahead.
    func nextNonBlank(after index: Int, limit: Int = 3) -> Int? {
        var i = index + 1
        while i < count && i <= index + limit {
            if !trimmed(i).isEmpty { return i }
            i += 1
        }
        return nil
    }

    /// Index of the previous non-blank line before `index`, looking at most `limit` lines back.
    func previousNonBlank(before index: Int, limit: Int = 3) -> Int? {
        var i = index - 1
        while i >= 0 && i >= index - limit {
            if !trimmed(i).isEmpty { return i }
            i -= 1
        }
        return nil
    }

    /// Whether the first visible scalar of the line can start a heading: a cheap filter so only a few lines
    /// per report are normalised and matched against regexes. `firstScalars` nil means every line can.
    func mayStartHeading(_ index: Int, firstScalars: Set<UInt32>?) -> Bool {
        guard let firstScalars else { return true }
        guard let first = lines[index].unicodeScalars.first(where: { !MatchText.isWhitespace($0) }) else {
            return false
        }
        return firstScalars.contains(first.value)
    }

    /// Scalars that can begin a line matched by all `patterns` (each anchored with `^`), in the layout text
    /// (full-width forms of ASCII included, since matching happens after NFKC); nil when a pattern starts
    /// with something this simple reading cannot enumerate (then every line is tried).
    static func firstScalars(of patterns: [String]) -> Set<UInt32>? {
        var result: Set<UInt32> = []
        for pattern in patterns {
            var scalars = Array(pattern.unicodeScalars)
            guard scalars.first == "^" else { return nil }
            scalars.removeFirst()
            // Step into a leading group: `^(?<number>[0-9]…`, `^(?:第…`, `^(第…`.
            if scalars.first == "(" {
                if scalars.count > 2 && scalars[1] == "?" && scalars[2] == "<",
                   let close = scalars.firstIndex(of: ">") {
                    scalars.removeSubrange(0...close)
                } else if scalars.count > 2 && scalars[1] == "?" && scalars[2] == ":" {
                    scalars.removeSubrange(0...2)
                } else {
                    scalars.removeFirst()
                }
            }
            guard let head = scalars.first else { return nil }
            if head == "[" {
                guard let close = scalars.firstIndex(of: "]"), close > 1, scalars[1] != "^" else { return nil }
                let body = Array(scalars[1..<close])
                var i = 0
                while i < body.count {
                    if body[i] == "\\" { return nil }
                    if i + 2 < body.count && body[i + 1] == "-" {
                        guard body[i].value <= body[i + 2].value else { return nil }
                        for v in body[i].value...body[i + 2].value { result.insert(v) }
                        i += 3
                    } else {
                        result.insert(body[i].value)
                        i += 1
                    }
                }
            } else if "\\().*+?|{".unicodeScalars.contains(head) {
                return nil
            } else {
                result.insert(head.value)
            }
        }
        // Full-width variants of ASCII first scalars (NFKC maps them back) and the lower/upper case pair.
        for v in result where v >= 0x21 && v <= 0x7E {
            result.insert(v + 0xFEE0)
            if let scalar = Unicode.Scalar(v), scalar.properties.isAlphabetic {
                for other in String(scalar).lowercased().unicodeScalars { result.insert(other.value); result.insert(other.value + 0xFEE0) }
                for other in String(scalar).uppercased().unicodeScalars { result.insert(other.value); result.insert(other.value + 0xFEE0) }
            }
        }
        return result
    }
}
