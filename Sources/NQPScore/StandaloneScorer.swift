import NQPTable

/// What to score in a stand-alone table (the `nqp score` command).
public struct StandaloneScoreRequest: Equatable, Sendable {
    /// Indicators in output order (parse `--indicators` with `IndicatorSpec.parse`).
    public var indicators: [Indicator]
    /// Firm identifier column; `nil` treats every row as its own unit (a cross-section).
    public var firmColumn: String?
    /// Year column; `nil` puts every row in year 0 (then `by_year` is refused).
    public var yearColumn: String?
    public var options: EntropyOptions
    /// Name of the added score column.
    public var scoreColumn: String

    public init(indicators: [Indicator], firmColumn: String? = nil, yearColumn: String? = nil,
                options: EntropyOptions = EntropyOptions(), scoreColumn: String = "score") {
        self.indicators = indicators
        self.firmColumn = firmColumn
        self.yearColumn = yearColumn
        self.options = options
        self.scoreColumn = scoreColumn
    }
}

/// The stand-alone scorer's output: the weights CSV and the input rows with the score appended.
public struct StandaloneScoreOutput: Equatable, Sendable {
    public var result: ScoreResult
    /// `indicator,direction,year,n,e,d,w`; rows in the order of the indicator list (per year when `by_year`).
    public var weightsCSV: String
    /// Score per input row (`nil` = not scored).
    public var scores: [Double?]
    /// Input header plus the score column.
    public var header: [String]
    /// Input rows plus the score as text (empty when not scored).
    public var rows: [[String]]
}

/// Scores any table of text cells with the same code as the pipeline: the library side of `nqp score`.
public enum StandaloneScorer {
    /// Scores `rows` (text cells, already split by a CSV reader; `header` names the columns).
    public static func score(header: [String], rows: [[String]],
                             request: StandaloneScoreRequest) throws(ScoreError) -> StandaloneScoreOutput {
        guard !request.indicators.isEmpty else {
            throw .invalidIndicatorSpec(spec: "", item: 1, reason: "the list is empty")
        }
        guard !header.contains(request.scoreColumn) else {
            throw .invalidOption(field: "score column", reason: "`\(request.scoreColumn)` is already a column of "
                + "the input; choose another name for the score")
        }
        if request.options.weighting == .byYear, request.yearColumn == nil {
            throw .invalidOption(field: "weighting", reason: "by_year needs a year column; name it (e.g. --year-column year)")
        }
        for (number, row) in rows.enumerated() where row.count != header.count {
            throw .inconsistentData(reason: "data row \(number + 1) has \(row.count) fields but the header has "
                + "\(header.count)")
        }
        func columnIndex(_ name: String) throws(ScoreError) -> Int {
            guard let index = header.firstIndex(of: name) else {
                throw .indicatorNotFound(indicator: name, available: header)
            }
            return index
        }

        let width = String(rows.count).count
        var firms: [String]
        if let firmColumn = request.firmColumn {
            let index = try columnIndex(firmColumn)
            firms = try rows.enumerated().map { (number, row) throws(ScoreError) in
                // Only an empty cell: a firm code may well be spelled like a missing-value code ("NA").
                guard !row[index].trimmingWhitespace.isEmpty else {
                    throw .missingKey(row: number + 1, column: firmColumn, text: row[index])
                }
                return row[index]
            }
        } else {
            // Zero-padded row numbers keep the input order under the scorer's (firm, year) sort.
            firms = rows.indices.map { i in
                let digits = String(i + 1)
                return String(repeating: "0", count: width - digits.count) + digits
            }
        }
        var years = [Int](repeating: 0, count: rows.count)
        if let yearColumn = request.yearColumn {
            let index = try columnIndex(yearColumn)
            for (number, row) in rows.enumerated() {
                guard parseNumber(row[index]) != .missing else {
                    throw .missingKey(row: number + 1, column: yearColumn, text: row[index])
                }
                guard let year = parseYear(row[index]) else {
                    throw .unparsableCell(row: number + 1, column: yearColumn, text: row[index])
                }
                years[number] = year
            }
        }
        var columns: [String: [Double?]] = [:]
        for indicator in request.indicators {
            let index = try columnIndex(indicator.name)
            var values = [Double?](repeating: nil, count: rows.count)
            for (number, row) in rows.enumerated() {
                switch parseNumber(row[index]) {
                case .missing: values[number] = nil
                case .value(let value): values[number] = value
                case .invalid: throw .unparsableCell(row: number + 1, column: indicator.name, text: row[index])
                }
            }
            columns[indicator.name] = values
        }

        let system = ScoreSystem(name: request.scoreColumn, indicators: request.indicators)
        let result = try EntropyScorer(system: system, options: request.options)
            .score(ScorePanel(keys: zip(firms, years).map { PanelKey(firm: $0, year: $1) }, columns: columns))
        let scores = result.composite
        let outputRows = rows.indices.map { i in rows[i] + [scores[i].map(WeightsTable.number) ?? ""] }
        return StandaloneScoreOutput(result: result, weightsCSV: WeightsTable.indicatorCSV(result.weights),
                                     scores: scores, header: header + [request.scoreColumn], rows: outputRows)
    }

    enum Cell: Equatable { case missing, value(Double), invalid }

    /// A decimal number, a missing-value code (`MissingValueCodes`), or invalid. Infinities and NaN spelled as
    /// numbers count as missing.
    static func parseNumber(_ text: String) -> Cell {
        let trimmed = String(text.trimmingWhitespace)
        if MissingValueCodes.all.contains(trimmed) { return .missing }
        guard let value = Double(trimmed) else { return .invalid }
        return value.isFinite ? .value(value) : .missing
    }

    /// An integer year, also written as `2015.0`.
    static func parseYear(_ text: String) -> Int? {
        let trimmed = String(text.trimmingWhitespace)
        if let year = Int(trimmed) { return year }
        if let value = Double(trimmed), value.isFinite, value == value.rounded(), abs(value) < 1e9 { return Int(value) }
        return nil
    }
}
