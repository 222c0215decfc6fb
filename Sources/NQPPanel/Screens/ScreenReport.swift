/// What the sample screens did, for the log and the manifest.
public struct ScreenReport: Sendable, Equatable, Codable {
    public struct Step: Sendable, Equatable, Codable {
        /// `year range 2015–2022`, `industry keep [C13-C43]`, `ST flags in ST_flag`, `B shares`, `missing roe`.
        public var screen: String
        public var dropped: Int
        public var remaining: Int
    }

    /// One winsorising cut: per variable, and per year when `by: year` (year nil = pooled).
    public struct Cut: Sendable, Equatable, Codable {
        public var variable: String
        public var year: Int?
        /// Non-missing values the percentiles were computed from.
        public var n: Int
        public var lowerPercentile: Double
        public var upperPercentile: Double
        public var lower: Double
        public var upper: Double
        public var clippedLow: Int
        public var clippedHigh: Int
    }

    public var rowsIn: Int
    public var steps: [Step] = []
    public var cuts: [Cut] = []

    public init(rowsIn: Int) { self.rowsIn = rowsIn }

    public var summaryLines: [String] {
        var lines = steps.map { "\($0.dropped) firm-years dropped by \($0.screen) (\($0.remaining) remain)" }
        let byVariable = Dictionary(grouping: cuts, by: \.variable)
        for variable in byVariable.keys.sorted() {
            let cuts = byVariable[variable] ?? []
            let low = cuts.reduce(0) { $0 + $1.clippedLow }, high = cuts.reduce(0) { $0 + $1.clippedHigh }
            if cuts.count == 1, let c = cuts.first {
                lines.append("winsorised \(variable) at p\(NumberText.format(c.lowerPercentile))="
                    + "\(c.lower), p\(NumberText.format(c.upperPercentile))=\(c.upper): \(low) low, \(high) high")
            } else {
                lines.append("winsorised \(variable) by year (\(cuts.count) years): \(low) low, \(high) high")
            }
        }
        return lines
    }
}
