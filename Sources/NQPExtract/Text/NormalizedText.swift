/// Match text together with its map back to the layout lines it came from.
public struct NormalizedText: Sendable, Equatable {
    /// The match text.
    public let text: String
    /// Where each layout line starts in `text`.
    public let map: MatchTextMap

    /// Number of Unicode scalars in `text`.
    public var scalarCount: Int { map.scalarCount }

    /// The match text produced by layout lines `lines` (a half-open range of 0-based line indices).
    public func text(ofLines lines: Range<Int>) -> String {
        let bytes = map.byteRange(ofLines: lines)
        let utf8 = text.utf8
        let from = utf8.index(utf8.startIndex, offsetBy: bytes.lowerBound)
        let to = utf8.index(utf8.startIndex, offsetBy: bytes.upperBound)
        return String(text[from..<to])
    }

    /// Whether layout lines `lines` produced no match text but spaces (`text(ofLines:)` trimmed is empty),
    /// decided on the bytes: the only whitespace the match text holds is U+0020 (the whitespace rule).
    public func isBlank(lines: Range<Int>) -> Bool {
        let bytes = map.byteRange(ofLines: lines)
        return text.utf8.withContiguousStorageIfAvailable { utf8 in
            utf8[bytes].allSatisfy { $0 == 0x20 }
        } ?? text(ofLines: lines).allSatisfy { $0 == " " }
    }
}

/// Offsets of layout lines in the match text.
///
/// Layout lines are the "\n"-separated pieces of the layout text (an empty text has one empty line; a
/// trailing "\n" starts a final empty line). A line starts where its first emitted scalar lands (a space
/// joining it to the previous line is not part of it); a line that emits nothing starts where the next
/// emitted scalar lands.
public struct MatchTextMap: Sendable, Equatable {
    /// Scalar offset of each line's start; one extra final entry equal to `scalarCount`.
    public let lineScalarStarts: [Int]
    /// UTF-8 offset of each line's start in the match text; one extra final entry equal to its byte count.
    public let lineByteStarts: [Int]

    public init(lineScalarStarts: [Int], lineByteStarts: [Int]) {
        self.lineScalarStarts = lineScalarStarts
        self.lineByteStarts = lineByteStarts
    }

    /// Number of layout lines.
    public var lineCount: Int { lineScalarStarts.count - 1 }
    /// Number of scalars in the match text.
    public var scalarCount: Int { lineScalarStarts.last ?? 0 }

    /// Match-text scalar offset where layout line `line` starts (`lineCount` gives the end of the text).
    public func scalarOffset(ofLine line: Int) -> Int {
        lineScalarStarts[min(max(line, 0), lineCount)]
    }

    /// Match-text scalar range covered by layout lines `lines`. Trailing whitespace removed between the
    /// last line and the next one is excluded; a joining space is included.
    public func scalarRange(ofLines lines: Range<Int>) -> Range<Int> {
        scalarOffset(ofLine: lines.lowerBound)..<max(scalarOffset(ofLine: lines.lowerBound),
                                                     scalarOffset(ofLine: lines.upperBound))
    }

    /// Match-text UTF-8 byte range covered by layout lines `lines`.
    public func byteRange(ofLines lines: Range<Int>) -> Range<Int> {
        let lower = lineByteStarts[min(max(lines.lowerBound, 0), lineCount)]
        let upper = lineByteStarts[min(max(lines.upperBound, 0), lineCount)]
        return lower..<max(lower, upper)
    }
}
