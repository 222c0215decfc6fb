/// A CSRC-2012 industry pattern: section letter, division, or a division range within one section.
public struct IndustryPattern: Equatable, Sendable, CustomStringConvertible {
    public var letter: Character
    /// Inclusive division range; nil = the whole section.
    public var divisions: ClosedRange<Int>?

    /// Parses `J`, `C27`, `C13-C43` (also `–`, `~`, or `C13-43`). Nil when malformed.
    public init?(_ raw: String) {
        let s = FirmCode.trim(raw).uppercased()
        let parts = s.split(whereSeparator: { $0 == "-" || $0 == "–" || $0 == "~" }).map(String.init)
        guard let first = parts.first, let start = IndustryCode(first) else { return nil }
        letter = start.letter
        switch parts.count {
        case 1:
            divisions = start.division.map { $0...$0 }
        case 2:
            guard let lo = start.division else { return nil }
            let endText = parts[1].first?.isLetter == true ? parts[1] : "\(start.letter)\(parts[1])"
            guard let end = IndustryCode(endText), end.letter == start.letter, let hi = end.division, lo <= hi
            else { return nil }
            divisions = lo...hi
        default:
            return nil
        }
    }

    public func matches(_ code: IndustryCode) -> Bool {
        guard code.letter == letter else { return false }
        guard let divisions else { return true }
        return code.division.map(divisions.contains) ?? false
    }

    public var description: String {
        guard let divisions else { return String(letter) }
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return divisions.count == 1 ? "\(letter)\(two(divisions.lowerBound))"
            : "\(letter)\(two(divisions.lowerBound))-\(letter)\(two(divisions.upperBound))"
    }
}

/// A CSRC-2012 code as found in data: section letter A–S plus (usually) a two-digit division (`C39`); finer
/// suffixes (`C3911`) are ignored.
public struct IndustryCode: Equatable, Sendable {
    public var letter: Character
    public var division: Int?

    public init?(_ raw: String) {
        let s = Array(FirmCode.trim(raw).uppercased())
        guard let first = s.first, first.isASCII, first.isLetter else { return nil }
        letter = first
        let digits = s.dropFirst().prefix(while: \.isASCIIDigit)
        if digits.count >= 2, let n = Int(String(digits.prefix(2))) {
            division = n
        } else if digits.isEmpty, s.count == 1 {
            division = nil
        } else {
            return nil
        }
    }
}
