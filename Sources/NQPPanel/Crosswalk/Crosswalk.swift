import NQPTable
/// `crosswalk:` in pipeline.yml — a CSV mapping firm ids (CIK → gvkey, old → new stock codes) applied to the
/// inputs before the merge.
public struct CrosswalkConfig: Encodable, Equatable, Sendable {
    public var path: String
    /// Column with the id as it appears in the inputs.
    public var from: String
    /// Column with the id the panel should use.
    public var to: String
    /// Optional columns bounding the years a mapping applies to (inclusive; empty = open).
    public var startYear: String?
    public var endYear: String?
    /// Zero-padding for all-digit ids on each side (nil = keep).
    public var fromWidth: Int?
    public var toWidth: Int?
    /// Inputs the crosswalk applies to, by source name (`text` = the text measures); nil = every input.
    public var applyTo: [String]?
    public var delimiter: String?
    public var encoding: String?

    public init(path: String, from: String = "from", to: String = "to", startYear: String? = nil,
                endYear: String? = nil, fromWidth: Int? = nil, toWidth: Int? = nil, applyTo: [String]? = nil,
                delimiter: String? = nil, encoding: String? = nil) {
        self.path = path
        self.from = from
        self.to = to
        self.startYear = startYear
        self.endYear = endYear
        self.fromWidth = fromWidth
        self.toWidth = toWidth
        self.applyTo = applyTo
        self.delimiter = delimiter
        self.encoding = encoding
    }

    enum CodingKeys: String, CodingKey {
        case path, from, to
        case startYear = "start_year"
        case endYear = "end_year"
        case fromWidth = "from_width"
        case toWidth = "to_width"
        case applyTo = "apply_to"
        case delimiter, encoding
    }

    public func applies(to source: String) -> Bool { applyTo.map { $0.contains(source) } ?? true }
}

/// A loaded id mapping. Lookup is by (id, year): a mapping without years applies to every year.
public struct Crosswalk: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var to: String
        public var startYear: Int?
        public var endYear: Int?

        public init(to: String, startYear: Int? = nil, endYear: Int? = nil) {
            self.to = to
            self.startYear = startYear
            self.endYear = endYear
        }

        func covers(_ year: Int) -> Bool {
            (startYear.map { year >= $0 } ?? true) && (endYear.map { year <= $0 } ?? true)
        }

        func overlaps(_ other: Entry) -> Bool {
            let lo = max(startYear ?? Int.min, other.startYear ?? Int.min)
            let hi = min(endYear ?? Int.max, other.endYear ?? Int.max)
            return lo <= hi
        }
    }

    public var path: String
    public var entries: [String: [Entry]]
    /// Rows of the file that could not be used (empty id, bad year), located.
    public var issues: [SourceIssue]

    public init(path: String, entries: [String: [Entry]], issues: [SourceIssue] = []) {
        self.path = path
        self.entries = entries
        self.issues = issues
    }

    /// Builds the mapping from rows read from the crosswalk file (first row = header).
    public static func load(_ sheet: RawSheet, config: CrosswalkConfig) throws(PanelError) -> Crosswalk {
        guard let header = sheet.rows.first else {
            throw .unreadableSource(source: "crosswalk", path: sheet.path, reason: "empty file")
        }
        let names = SourceBuilder.uniqueNames(header.fields)
        func index(_ column: String, _ role: String) throws(PanelError) -> Int {
            guard let i = names.firstIndex(of: column) else {
                throw .missingColumn(source: "crosswalk", column: column, role: role, available: names)
            }
            return i
        }
        let fromIndex = try index(config.from, "from")
        let toIndex = try index(config.to, "to")
        let startIndex = try config.startYear.map { (c: String) throws(PanelError) -> Int in try index(c, "start_year") }
        let endIndex = try config.endYear.map { (c: String) throws(PanelError) -> Int in try index(c, "end_year") }
        var entries: [String: [Entry]] = [:], issues: [SourceIssue] = []
        for row in sheet.rows.dropFirst() {
            func field(_ i: Int) -> String { i < row.fields.count ? row.fields[i] : "" }
            guard let from = FirmCode.normalize(field(fromIndex), width: config.fromWidth),
                  let to = FirmCode.normalize(field(toIndex), width: config.toWidth) else {
                if !row.fields.allSatisfy({ FirmCode.trim($0).isEmpty }) {
                    issues.append(SourceIssue(path: sheet.path, line: row.line, field: "",
                                              message: "empty from/to id; row skipped"))
                }
                continue
            }
            var entry = Entry(to: to)
            for (i, isStart) in [(startIndex, true), (endIndex, false)] {
                guard let i, !FirmCode.trim(field(i)).isEmpty else { continue }
                guard let year = YearValue.parse(field(i)) else {
                    issues.append(SourceIssue(path: sheet.path, line: row.line, field: names[i],
                                              message: "not a year: \(ShortQuote.quote(field(i))); bound ignored"))
                    continue
                }
                if isStart { entry.startYear = year } else { entry.endYear = year }
            }
            if let clash = entries[from]?.first(where: { $0.to != entry.to && $0.overlaps(entry) }) {
                throw .crosswalkConflict(path: sheet.path, from: from, targets: [clash.to, entry.to])
            }
            if entries[from]?.contains(entry) != true { entries[from, default: []].append(entry) }
        }
        return Crosswalk(path: sheet.path, entries: entries, issues: issues)
    }

    /// The mapped id, or nil when the crosswalk has no mapping for (id, year).
    public func target(for firm: String, year: Int) -> String? {
        entries[firm]?.first { $0.covers(year) }?.to
    }

    /// Maps the ids of `table`; ids without a mapping stay as they are. Duplicates that a mapping creates are left
    /// for the merge's duplicate check, which names them.
    public func apply(to table: KeyedTable) -> (KeyedTable, CrosswalkReport) {
        var mapped = table
        var report = CrosswalkReport(source: table.source, rows: table.rowCount)
        var mappedFirms = Set<String>(), unmappedFirms = Set<String>()
        for (i, key) in table.keys.enumerated() {
            if let to = target(for: key.firm, year: key.year) {
                if to != key.firm { report.rowsMapped += 1 }
                mappedFirms.insert(key.firm)
                mapped.keys[i].firm = to
            } else {
                unmappedFirms.insert(key.firm)
            }
        }
        report.idsMapped = mappedFirms.count
        report.idsWithoutMapping = unmappedFirms.subtracting(mappedFirms).count
        mapped.sortByKey()
        return (mapped, report)
    }
}

/// What applying a crosswalk did to one input.
public struct CrosswalkReport: Sendable, Equatable, Codable, CustomStringConvertible {
    public var source: String
    public var rows: Int
    /// Rows whose firm id changed.
    public var rowsMapped: Int = 0
    /// Distinct ids that had a mapping.
    public var idsMapped: Int = 0
    /// Distinct ids with no mapping in any of their years (kept as they are).
    public var idsWithoutMapping: Int = 0

    public init(source: String, rows: Int) {
        self.source = source
        self.rows = rows
    }

    public var description: String {
        "crosswalk on \(source): \(rowsMapped) of \(rows) rows mapped (\(idsMapped) ids), "
            + "\(idsWithoutMapping) ids without a mapping kept as they are"
    }
}
