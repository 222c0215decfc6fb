/// Picks the field separator from the first lines: the candidate that splits the most lines into the same number
/// (> 0) of separators, counting only outside quotes. Ties go to the earlier candidate (`,` first).
enum CSVDelimiterDetector {
    static func detect(in utf8: [UInt8], quote: UInt8, maxLines: Int = 30) -> Unicode.Scalar {
        let candidates = CSVReadOptions.candidateDelimiters
        var countsPerLine: [[Int]] = Array(repeating: [], count: candidates.count)
        var current = Array(repeating: 0, count: candidates.count)
        var inQuotes = false
        var lines = 0
        var lineHasContent = false
        for b in utf8 {
            if b == quote { inQuotes.toggle(); lineHasContent = true; continue }
            if inQuotes { continue }
            if b == 0x0A || b == 0x0D {
                if lineHasContent {
                    for k in candidates.indices { countsPerLine[k].append(current[k]) }
                    lines += 1
                    if lines >= maxLines { break }
                }
                current = Array(repeating: 0, count: candidates.count)
                lineHasContent = false
                continue
            }
            lineHasContent = true
            for (k, c) in candidates.enumerated() where UInt8(c.value) == b { current[k] += 1 }
        }
        if lineHasContent && lines < maxLines {
            for k in candidates.indices { countsPerLine[k].append(current[k]) }
        }
        var best: (index: Int, consistent: Int, mode: Int)? = nil
        for k in candidates.indices {
            var frequency: [Int: Int] = [:]
            for c in countsPerLine[k] where c > 0 { frequency[c, default: 0] += 1 }
            guard let top = frequency.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }) else { continue }
            if let current = best,
               top.value < current.consistent || (top.value == current.consistent && top.key <= current.mode) {
                continue
            }
            best = (k, top.value, top.key)
        }
        return best.map { candidates[$0.index] } ?? ","
    }
}
