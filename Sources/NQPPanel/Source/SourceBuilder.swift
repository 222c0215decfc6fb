import NQPEncoding
import NQPTable

/// Turns a `RawSheet` into a keyed table following a `FinancialSource` configuration: header layout, filters,
/// firm-code normalisation, fiscal years, missing codes, type inference, scaling, duplicates, labels.
///
/// Type inference: a kept column is numeric unless listed in `text_columns` or fewer than 90 % of its non-missing
/// cells are numbers. In a numeric column each cell that is not a number is reported (file:line:field) and read as
/// missing; the rest of the file is still read.
public struct SourceBuilder: Sendable {
    public var config: FinancialSource

    public init(config: FinancialSource) { self.config = config }

    public static let numericShare = 0.9

    public func build(_ sheet: RawSheet, format: String) throws(PanelError) -> (KeyedTable, SourceReport) {
        var accumulator = try start(path: sheet.path, format: format, leadingRows: Array(sheet.rows.prefix(3)),
                                    numericDates: sheet.numericDates, labels: sheet.labels,
                                    lineWord: sheet.lineWord)
        for row in sheet.rows.dropFirst(accumulator.headerCount) { accumulator.add(row) }
        return try finish(accumulator)
    }

    /// Starts a streaming build from the first (up to three) rows of the file, which hold the header; feed every
    /// row after `headerCount` to `add`, then call `finish`. Only kept columns of rows that pass the filters are
    /// held in memory, so a large quarterly CSMAR table filtered to annual consolidated rows stays small.
    func start(path: String, format: String, leadingRows: [RawRow], numericDates: NumericDateEpoch,
               labels: [String: String], lineWord: String) throws(PanelError) -> SourceAccumulator {
        try config.validate()
        var report = SourceReport(source: config.name, path: path, format: format)
        guard let headerRow = leadingRows.first else {
            throw .unreadableSource(source: config.name, path: path, reason: "the file has no header row")
        }
        let names = Self.uniqueNames(headerRow.fields)
        func index(_ column: String, role: String) throws(PanelError) -> Int {
            if let i = names.firstIndex(of: column) { return i }
            if let i = names.firstIndex(where: { FirmCode.trim($0).lowercased() == column.lowercased() }) { return i }
            throw .missingColumn(source: config.name, column: column, role: role, available: names)
        }
        let firmIndex = try index(config.firm, role: "firm")
        let yearIndex = try config.year.map { (c: String) throws(PanelError) -> Int in try index(c, role: "year") }
        let dateIndex = try config.date.map { (c: String) throws(PanelError) -> Int in try index(c, role: "date") }
        var filters: [SourceAccumulator.Filter] = []
        for (column, allowed) in config.filters.sorted(by: { $0.key < $1.key }) {
            filters.append(.init(name: "\(column) in [\(allowed.joined(separator: ", "))]",
                                 index: try index(column, role: "filter"), allowed: allowed))
        }

        let headerCount = HeaderDetection.headerRowCount(leadingRows, layout: config.header, firmIndex: firmIndex)
        report.header = headerCount > 1 ? "csmar" : "single"
        let labelRow = headerCount >= 2 ? leadingRows[1].fields : []
        let unitRow = headerCount >= 3 ? leadingRows[2].fields : []

        // Columns to keep: everything but the keys, or the `keep` list (source or panel names).
        let keyIndices = Set([firmIndex, yearIndex, dateIndex].compactMap { $0 })
        var kept: [Int] = []
        if let keep = config.keep {
            for name in keep {
                let source = config.renames.first(where: { $0.value == name })?.key ?? name
                let i = try index(source, role: "keep")
                if !keyIndices.contains(i), !kept.contains(i) { kept.append(i) }
            }
        } else {
            // Filter columns are constant after filtering and would collide across CSMAR tables (Typrep).
            let filterIndices = Set(filters.map(\.index))
            kept = names.indices.filter { !keyIndices.contains($0) && !filterIndices.contains($0) }
        }
        for source in config.renames.keys.sorted() where !names.contains(source) {
            throw .missingColumn(source: config.name, column: source, role: "rename", available: names)
        }

        var missing = config.defaultMissingCodes ? MissingValueCodes.all : [""]
        missing.formUnion(config.missingCodes)
        let globalMissing = MissingCodes(missing)
        let columnMissing = config.columnMissingCodes.mapValues { MissingCodes(missing.union($0)) }
        return SourceAccumulator(
            config: config, path: path, lineWord: lineWord, numericDates: numericDates, names: names,
            headerCount: headerCount, firmIndex: firmIndex, yearIndex: yearIndex, dateIndex: dateIndex,
            filters: filters, kept: kept, missingCodes: kept.map { columnMissing[names[$0]] ?? globalMissing },
            labels: kept.map { i in
                labels[names[i]] ?? (i < labelRow.count ? FirmCode.trim(labelRow[i]) : "")
            },
            units: kept.map { i in i < unitRow.count ? HeaderDetection.cleanUnit(unitRow[i]) : "" },
            report: report)
    }

    /// Types, labels, scales and de-duplicates what the accumulator collected.
    func finish(_ accumulator: SourceAccumulator) throws(PanelError) -> (KeyedTable, SourceReport) {
        var report = accumulator.report
        var columns: [Column] = []
        for (k, i) in accumulator.kept.enumerated() {
            let sourceName = accumulator.names[i]
            let panelName = config.renames[sourceName] ?? sourceName
            let label = config.labels[panelName] ?? config.labels[sourceName] ?? accumulator.labels[k]
            let unit = config.units[panelName] ?? config.units[sourceName] ?? accumulator.units[k]
            let values = typedValues(accumulator.cells[k], column: sourceName, panelName: panelName,
                                     lines: accumulator.lines, path: accumulator.path, report: &report)
            columns.append(Column(name: panelName, label: label, unit: unit, sources: [accumulator.path],
                                  values: values))
        }
        if let dup = Self.firstDuplicate(columns.map(\.name)) {
            throw .invalidConfiguration(source: config.name, reason: "two columns become variable '\(dup)' after "
                + "renames; rename one or drop it from `keep:`")
        }
        var table = KeyedTable(source: config.name, keys: accumulator.keys, columns: columns)
        try resolveDuplicates(&table, lines: accumulator.lines, lineWord: accumulator.lineWord, report: &report)
        table.sortByKey()
        report.rowsKept = table.rowCount
        report.variables = table.columns.map { "\($0.name) (\($0.values.numbers == nil ? "text" : "number"))" }
        return (table, report)
    }

    private func typedValues(_ cells: [String?], column: String, panelName: String, lines: [Int], path: String,
                             report: inout SourceReport) -> ColumnValues {
        if config.textColumns.contains(column) || config.textColumns.contains(panelName) { return .text(cells) }
        let parsed = cells.map { $0.flatMap(NumberText.parse) }
        let present = cells.reduce(0) { $0 + ($1 == nil ? 0 : 1) }
        let numeric = parsed.reduce(0) { $0 + ($1 == nil ? 0 : 1) }
        guard present == 0 || Double(numeric) >= Self.numericShare * Double(present) else { return .text(cells) }
        let factor = config.scale[panelName] ?? config.scale[column] ?? 1
        for (row, cell) in cells.enumerated() where cell != nil && parsed[row] == nil {
            report.add(SourceIssue(path: path, line: lines[row], field: column,
                                   message: "not a number: \(ShortQuote.quote(cell ?? "")); read as missing"))
        }
        return .number(parsed.map { $0.map { $0 * factor } })
    }

    private func resolveDuplicates(_ table: inout KeyedTable, lines: [Int], lineWord: String,
                                   report: inout SourceReport) throws(PanelError) {
        if config.duplicates == .error {
            try table.requireUniqueKeys(lines: lines, lineWord: lineWord)
            return
        }
        var groups: [PanelKey: [Int]] = [:]
        var order: [PanelKey] = []
        for (row, key) in table.keys.enumerated() {
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(row)
        }
        guard groups.count < table.keys.count else { return }
        report.duplicateKeys = groups.values.filter { $0.count > 1 }.count
        report.duplicateRowsResolved = table.keys.count - groups.count
        var columns = table.columns
        for c in columns.indices {
            switch columns[c].values {
            case .text(let v):
                columns[c].values = .text(order.map { key in
                    let rows = groups[key] ?? []
                    switch config.duplicates {
                    case .last: return rows.last.flatMap { v[$0] }
                    case .mean: return rows.lazy.compactMap { v[$0] }.first
                    default: return rows.first.flatMap { v[$0] }
                    }
                })
            case .number(let v):
                columns[c].values = .number(order.map { key in
                    let rows = groups[key] ?? []
                    switch config.duplicates {
                    case .last: return rows.last.flatMap { v[$0] }
                    case .mean:
                        let present = rows.compactMap { v[$0] }
                        return present.isEmpty ? nil : present.reduce(0, +) / Double(present.count)
                    default: return rows.first.flatMap { v[$0] }
                    }
                })
            }
        }
        table = KeyedTable(source: table.source, keys: order, columns: columns)
        report.notes.append("duplicates resolved by `\(config.duplicates.rawValue)`")
    }

    // MARK: - Cell rules

    /// Filter match: trimmed text equality, or numeric equality when both sides are numbers ("1" = "1.0").
    static func matches(_ raw: String, _ allowed: [String]) -> Bool {
        let value = FirmCode.trim(raw)
        let number = NumberText.parse(value)
        return allowed.contains { candidate in
            let c = FirmCode.trim(candidate)
            if c == value { return true }
            if let number, let n = NumberText.parse(c) { return n == number }
            return false
        }
    }

    static func date(_ raw: String, epoch: NumericDateEpoch) -> CalendarDate? {
        if let d = CalendarDate(parsing: raw) { return d }
        guard let n = NumberText.parse(raw), n == n.rounded(), abs(n) < 1e9 else { return nil }
        let days = Int(n)
        if (19_000_101...29_991_231).contains(days) {
            return CalendarDate(year: days / 10_000, month: days / 100 % 100, day: days % 100)
        }
        switch epoch {
        case .none: return nil
        case .stata: return CalendarDate(stataDays: days)
        case .excel: return days > 0 ? CalendarDate(excelSerial: days) : nil
        }
    }

    /// The date closes a fiscal year ending in `month`: in that month, or in the first 7 days of the next
    /// (52/53-week years).
    static func isFiscalYearEnd(_ date: CalendarDate, month: Int) -> Bool {
        date.month == month || (date.day <= 7 && date.month == month % 12 + 1)
    }

    /// Header names made unique and non-empty: blanks become `v<column number>`, repeats get `_2`, `_3`.
    static func uniqueNames(_ raw: [String]) -> [String] {
        var seen: [String: Int] = [:]
        return raw.enumerated().map { i, name in
            var base = FirmCode.trim(name)
            if base.hasPrefix("\u{FEFF}") { base.removeFirst() }
            if base.isEmpty { base = "v\(i + 1)" }
            let n = (seen[base] ?? 0) + 1
            seen[base] = n
            return n == 1 ? base : "\(base)_\(n)"
        }
    }

    static func firstDuplicate(_ names: [String]) -> String? {
        var seen = Set<String>()
        for name in names where !seen.insert(name).inserted { return name }
        return nil
    }
}

/// A set of missing-value codes: exact (trimmed) text matches, and numeric codes matched numerically
/// ("-1" also matches "-1.0" and "-1.00").
struct MissingCodes: Sendable {
    private let texts: Set<String>
    private let numbers: Set<Double>

    init(_ codes: Set<String>) {
        texts = Set(codes.map { FirmCode.trim($0) })
        numbers = Set(codes.compactMap { NumberText.parse($0) })
    }

    func contains(_ raw: String) -> Bool {
        let t = FirmCode.trim(raw)
        if texts.contains(t) { return true }
        if !numbers.isEmpty, let n = NumberText.parse(t) { return numbers.contains(n) }
        return false
    }
}
