import Foundation
import NQPTable

/// One codebook line: what a variable is and a summary of its values.
public struct CodebookEntry: Sendable, Equatable {
    public var name: String
    public var label: String
    /// Stata storage type in panel.dta (`str6`, `int`, `double` …).
    public var type: String
    public var unit: String
    public var definition: String
    public var sources: [String]
    public var nonMissing: Int
    /// Mean, min and max of numeric columns (nil for text or when all missing).
    public var mean: Double?
    public var min: Double?
    public var max: Double?
}

/// Builds codebook.csv and codebook.md. Summation runs in row order so the mean is bit-reproducible; numbers are
/// printed in shortest round-trip form in the CSV and with 6 significant digits in the Markdown.
public enum Codebook {
    public static func entries(for table: Table, variables: [DTAWriter.Variable]) -> [CodebookEntry] {
        zip(table.columns, variables).map { column, variable in
            var entry = CodebookEntry(name: column.name, label: column.label, type: variable.type.description,
                                      unit: column.unit, definition: column.definition, sources: column.sources,
                                      nonMissing: column.nonMissingCount, mean: nil, min: nil, max: nil)
            if case .number(let values) = column.values {
                var sum = 0.0, count = 0
                var low = Double.infinity, high = -Double.infinity
                for case let v? in values where v.isFinite {
                    sum += v
                    count += 1
                    low = Swift.min(low, v)
                    high = Swift.max(high, v)
                }
                if count > 0 {
                    entry.mean = sum / Double(count)
                    entry.min = low
                    entry.max = high
                }
            }
            return entry
        }
    }

    static func csv(_ entries: [CodebookEntry]) -> [UInt8] {
        var writer = CSVDialect.writer(byteOrderMark: true)
        writer.appendRow(["name", "label", "type", "unit", "definition", "sources", "non_missing", "mean", "min", "max"])
        for e in entries {
            for text in [e.name, e.label, e.type, e.unit, e.definition, e.sources.joined(separator: "; ")] {
                writer.appendField(text)
            }
            writer.appendNumber(Double(e.nonMissing))
            writer.appendNumber(e.mean)
            writer.appendNumber(e.min)
            writer.appendNumber(e.max)
            writer.endRow()
        }
        return writer.takeBytes()
    }

    static func markdown(_ entries: [CodebookEntry], title: String, rowCount: Int) -> String {
        var out = "# Codebook: \(title.isEmpty ? "panel" : markdownCell(title))\n\n"
        out += "\(rowCount) observations, \(entries.count) variables. Missing values are empty in panel.csv and `.` in panel.dta.\n\n"
        out += "| name | label | type | unit | definition | source | non-missing | mean | min | max |\n"
        out += "|---|---|---|---|---|---|---:|---:|---:|---:|\n"
        for e in entries {
            let cells = [e.name, e.label, e.type, e.unit, e.definition, e.sources.joined(separator: "; ")]
                .map(markdownCell) + [String(e.nonMissing), sixDigits(e.mean), sixDigits(e.min), sixDigits(e.max)]
            out += "| " + cells.joined(separator: " | ") + " |\n"
        }
        return out
    }

    /// Escapes `|` and folds line breaks so a cell cannot break the table.
    static func markdownCell(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|")
            .replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: "\r", with: " ")
    }

    static func sixDigits(_ value: Double?) -> String {
        guard let value else { return "" }
        return String(format: "%.6g", value)
    }
}
