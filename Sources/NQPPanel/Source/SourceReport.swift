/// One problem in one cell or row of an input, located for the user (`file:line: field: message`).
public struct SourceIssue: Sendable, Equatable, Codable, CustomStringConvertible {
    public var path: String
    /// 1-based line (CSV), row (xlsx) or observation (dta).
    public var line: Int
    /// The source column, or "" for a whole-row problem.
    public var field: String
    public var message: String

    public init(path: String, line: Int, field: String, message: String) {
        self.path = path
        self.line = line
        self.field = field
        self.message = message
    }

    public var description: String {
        field.isEmpty ? "\(path):\(line): \(message)" : "\(path):\(line): \(field): \(message)"
    }
}

/// What reading one financial source did: every row is accounted for.
/// rowsRead = rowsKept + Σ rowsFiltered + rowsWithoutKey + duplicateRowsResolved (+ rows with a wrong field count,
/// which are kept with the fields that are there, padded with missing).
public struct SourceReport: Sendable, Equatable, Codable {
    public var source: String
    public var path: String
    public var format: String
    /// Header layout actually used (`single` or `csmar`).
    public var header: String
    /// Data rows read (header rows excluded).
    public var rowsRead: Int = 0
    /// Rows dropped by each filter, keyed by a description (`Typrep in [A]`, `month of Accper = 12`).
    /// A row is counted under the first filter (in name order) that rejects it.
    public var rowsFiltered: [String: Int] = [:]
    /// Rows without a usable firm or year (reported as issues too).
    public var rowsWithoutKey: Int = 0
    /// Rows removed when merging duplicates by `duplicates: first|last|mean`.
    public var duplicateRowsResolved: Int = 0
    /// Distinct keys that had duplicates.
    public var duplicateKeys: Int = 0
    /// Rows in the output.
    public var rowsKept: Int = 0
    /// Firm codes changed by normalisation (`1` → `000001`, `1.0`, `000001.SZ`, ` 1`).
    public var codesNormalized: Int = 0
    /// Up to 5 examples of normalisation, `"1" → "000001" (line 3)`.
    public var codeExamples: [String] = []
    /// Cells that matched a missing-value code (not counting empty cells).
    public var missingCodeCells: Int = 0
    /// Number of malformed cells/rows; `issues` lists the first `SourceReport.maxIssues`.
    public var issueCount: Int = 0
    public var issues: [SourceIssue] = []
    /// Variables produced, with their kind (`number` / `text`).
    public var variables: [String] = []
    /// Anything else worth a line in the log (companyfacts conflicts, fiscal-year conventions).
    public var notes: [String] = []

    public static let maxIssues = 200

    public init(source: String, path: String, format: String, header: String = "single") {
        self.source = source
        self.path = path
        self.format = format
        self.header = header
    }

    mutating func add(_ issue: SourceIssue) {
        issueCount += 1
        var issue = issue
        // A backstop for messages that quote a value: never more than a line of text per issue.
        if issue.message.utf8.count > 600 { issue.message = String(issue.message.prefix(300)) + "…" }
        if issues.count < Self.maxIssues { issues.append(issue) }
    }

    /// Lines for the log / terminal.
    public var summaryLines: [String] {
        var lines = ["\(source) (\(path), \(format), header \(header)): \(rowsRead) rows read, \(rowsKept) kept"]
        for (filter, count) in rowsFiltered.sorted(by: { $0.key < $1.key }) {
            lines.append("  \(count) rows dropped by filter \(filter)")
        }
        if rowsWithoutKey > 0 { lines.append("  \(rowsWithoutKey) rows without a firm or year (see issues)") }
        if duplicateKeys > 0 {
            lines.append("  \(duplicateKeys) duplicate keys resolved, \(duplicateRowsResolved) rows removed")
        }
        if codesNormalized > 0 {
            lines.append("  \(codesNormalized) firm codes normalised, e.g. \(codeExamples.joined(separator: ", "))")
        }
        if missingCodeCells > 0 { lines.append("  \(missingCodeCells) cells read as missing by missing codes") }
        if issueCount > 0 {
            lines.append("  \(issueCount) malformed cells/rows:")
            lines += issues.prefix(20).map { "    \($0)" }
            if issueCount > 20 { lines.append("    … \(issueCount - 20) more") }
        }
        lines += notes.map { "  note: \($0)" }
        return lines
    }
}
