import NQPTable

/// The row-by-row half of `SourceBuilder`: filters, keys, missing codes; keeps the cells of kept columns.
struct SourceAccumulator {
    struct Filter {
        var name: String
        var index: Int
        var allowed: [String]
    }

    let config: FinancialSource
    let path: String
    let lineWord: String
    let numericDates: NumericDateEpoch
    let names: [String]
    let headerCount: Int
    let firmIndex: Int
    let yearIndex: Int?
    let dateIndex: Int?
    let filters: [Filter]
    let kept: [Int]
    let missingCodes: [MissingCodes]
    let labels: [String]
    let units: [String]
    var report: SourceReport
    private(set) var keys: [PanelKey] = []
    private(set) var lines: [Int] = []
    private(set) var cells: [[String?]]

    init(config: FinancialSource, path: String, lineWord: String, numericDates: NumericDateEpoch, names: [String],
         headerCount: Int, firmIndex: Int, yearIndex: Int?, dateIndex: Int?, filters: [Filter], kept: [Int],
         missingCodes: [MissingCodes], labels: [String], units: [String], report: SourceReport) {
        self.config = config
        self.path = path
        self.lineWord = lineWord
        self.numericDates = numericDates
        self.names = names
        self.headerCount = headerCount
        self.firmIndex = firmIndex
        self.yearIndex = yearIndex
        self.dateIndex = dateIndex
        self.filters = filters
        self.kept = kept
        self.missingCodes = missingCodes
        self.labels = labels
        self.units = units
        self.report = report
        cells = Array(repeating: [], count: kept.count)
    }

    private var monthFilterName: String? { config.date.map { "month of \($0) = \(config.fiscalYearEndMonth)" } }

    mutating func add(_ row: RawRow) {
        var fields = row.fields
        if fields.allSatisfy({ FirmCode.trim($0).isEmpty }) { return }   // blank trailing rows of sheets
        report.rowsRead += 1
        if fields.count != names.count {
            report.add(SourceIssue(path: path, line: row.line, field: "",
                                   message: "expected \(names.count) fields, found \(fields.count); "
                                       + "missing fields read as missing, extra fields ignored"))
            if fields.count < names.count { fields += Array(repeating: "", count: names.count - fields.count) }
        }
        for filter in filters where !SourceBuilder.matches(fields[filter.index], filter.allowed) {
            report.rowsFiltered[filter.name, default: 0] += 1
            return
        }
        guard let firm = FirmCode.normalize(fields[firmIndex], width: config.firmWidth) else {
            report.rowsWithoutKey += 1
            report.add(SourceIssue(path: path, line: row.line, field: names[firmIndex],
                                   message: "empty firm id; row skipped"))
            return
        }
        let year: Int
        if let yearIndex {
            guard let y = YearValue.parse(fields[yearIndex]) else {
                report.rowsWithoutKey += 1
                report.add(SourceIssue(path: path, line: row.line, field: names[yearIndex],
                                       message: "not a year: \(ShortQuote.quote(fields[yearIndex])); row skipped"))
                return
            }
            year = y
        } else if let dateIndex {
            guard let date = SourceBuilder.date(fields[dateIndex], epoch: numericDates) else {
                report.rowsWithoutKey += 1
                report.add(SourceIssue(path: path, line: row.line, field: names[dateIndex],
                                       message: "not a date: \(ShortQuote.quote(fields[dateIndex])); row skipped"))
                return
            }
            if config.annualOnly, !SourceBuilder.isFiscalYearEnd(date, month: config.fiscalYearEndMonth),
               let monthFilterName {
                report.rowsFiltered[monthFilterName, default: 0] += 1
                return
            }
            year = config.fiscalYearRule.fiscalYear(of: date)
        } else {
            return
        }
        if firm != fields[firmIndex] {
            report.codesNormalized += 1
            if report.codeExamples.count < 5 {
                report.codeExamples.append("\"\(fields[firmIndex].prefix(40))\" → \"\(firm.prefix(40))\" (\(lineWord) \(row.line))")
            }
        }
        if let oddity = FirmCode.oddity(firm) {
            report.add(SourceIssue(path: path, line: row.line, field: names[firmIndex],
                                   message: "firm code \(ShortQuote.quote(firm)) \(oddity)"))
        }
        keys.append(PanelKey(firm: firm, year: year))
        lines.append(row.line)
        for (k, i) in kept.enumerated() {
            let raw = fields[i]
            if missingCodes[k].contains(raw) {
                if !FirmCode.trim(raw).isEmpty { report.missingCodeCells += 1 }
                cells[k].append(nil)
            } else {
                cells[k].append(raw)
            }
        }
    }
}
