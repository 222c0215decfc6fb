/// Firm-wise linear interpolation of interior gaps (missing values between two observed years of the same firm).
/// Leading and trailing gaps stay missing: extrapolation would invent trends.
enum PanelInterpolation {
    /// Fills `columns[j][row]` (NaN = missing) in place and returns the number of cells filled. `order` lists the
    /// rows sorted by firm then year, with no duplicate firm-year.
    static func fillInteriorGaps(_ columns: inout [[Double]], firms: [String], years: [Int], order: [Int]) -> Int {
        var filled = 0
        var runStart = 0
        while runStart < order.count {
            var runEnd = runStart + 1
            while runEnd < order.count, firms[order[runEnd]] == firms[order[runStart]] { runEnd += 1 }
            for j in columns.indices {
                filled += fill(&columns[j], rows: order[runStart..<runEnd], years: years)
            }
            runStart = runEnd
        }
        return filled
    }

    private static func fill(_ column: inout [Double], rows: ArraySlice<Int>, years: [Int]) -> Int {
        var filled = 0
        var previous: Int? = nil  // row of the last observed value
        var gap: [Int] = []
        for row in rows {
            if column[row].isNaN {
                if previous != nil { gap.append(row) }
                continue
            }
            if let previous, !gap.isEmpty {
                let y0 = Double(years[previous]), v0 = column[previous]
                let slope = (column[row] - v0) / (Double(years[row]) - y0)
                for g in gap { column[g] = v0 + slope * (Double(years[g]) - y0) }
                filled += gap.count
            }
            gap.removeAll(keepingCapacity: true)
            previous = row
        }
        return filled
    }
}
