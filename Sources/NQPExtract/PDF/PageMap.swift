/// A PDF's pages in its match text: where each page starts, so a hit's offset names its page (the audit trail
/// "人工智能, page 37").
public struct PageMap: Sendable, Equatable, Codable {
    /// Match-text scalar offset where each page starts (page 1 first). A page without text starts where the
    /// next text starts.
    public var starts: [Int]
    /// Lines removed as running headers and footers.
    public var runningLinesRemoved: Int

    public init(starts: [Int], runningLinesRemoved: Int) {
        self.starts = starts
        self.runningLinesRemoved = runningLinesRemoved
    }

    public init(layout: PageLayout, map: MatchTextMap) {
        starts = layout.lineStarts.map { map.scalarOffset(ofLine: $0) }
        runningLinesRemoved = layout.runningLinesRemoved
    }

    public var count: Int { starts.count }

    /// The 1-based page holding match-text offset `offset`: the last page starting at or before it (pages
    /// without text share their start with the next page and are skipped).
    public func page(atOffset offset: Int) -> Int? {
        guard !starts.isEmpty, offset >= 0 else { return nil }
        var low = 0, high = starts.count
        while low < high {
            let mid = (low + high) / 2
            if starts[mid] <= offset { low = mid + 1 } else { high = mid }
        }
        return low == 0 ? nil : low
    }
}
