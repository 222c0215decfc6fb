/// CSV renderings of the weights table. Numbers are written with Swift's shortest round-trip representation, so
/// reading the file back gives the exact Double that was computed.
public enum WeightsTable {
    /// Column names of the full table.
    public static let columns = ["level", "dimension", "indicator", "direction", "year", "n", "e", "d", "w",
                                 "composite_weight"]

    /// The full table's rows as text fields (for a CSV writer that quotes them).
    public static func rows(_ rows: [WeightRow]) -> [[String]] {
        rows.map { row in
            [String(row.level), row.dimension, row.indicator, row.direction.rawValue, row.year.map(String.init) ?? "",
             String(row.n), row.e.map(number) ?? "", number(row.d), number(row.w), number(row.compositeWeight)]
        }
    }

    /// The full table for `weights.csv`: `level,dimension,indicator,direction,year,n,e,d,w,composite_weight`.
    /// `year` is empty when pooled; `e` is empty for a sub-dimension weighted by `sum_of_weights`.
    public static func csv(_ rows: [WeightRow]) -> String {
        var text = columns.joined(separator: ",") + "\n"
        for fields in self.rows(rows) {
            text += fields.map(field).joined(separator: ",") + "\n"
        }
        return text
    }

    /// The standalone scorer's table: `indicator,direction,year,n,e,d,w`, indicator rows only, in the given order.
    public static func indicatorCSV(_ rows: [WeightRow]) -> String {
        var text = "indicator,direction,year,n,e,d,w\n"
        for row in rows where row.isIndicator {
            let fields = [field(row.indicator), row.direction.rawValue, row.year.map(String.init) ?? "",
                          String(row.n), row.e.map(number) ?? "", number(row.d), number(row.w)]
            text += fields.joined(separator: ",") + "\n"
        }
        return text
    }

    /// Shortest text that reads back as the same Double.
    public static func number(_ value: Double) -> String { "\(value)" }

    /// RFC 4180 quoting when the text contains a comma, quote or line break.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
