import NQPEncoding

/// Recognises the CSMAR three-row header: field codes, Chinese labels, units.
enum HeaderDetection {
    /// Number of header rows (1 or 3; 2 when a file has labels but no unit row) for `layout`.
    /// `firmIndex` is the firm column, whose cells in data rows are codes.
    static func headerRowCount(_ rows: [RawRow], layout: HeaderLayout, firmIndex: Int?) -> Int {
        switch layout {
        case .single: return 1
        case .csmar: return min(3, rows.count)
        case .auto:
            guard rows.count >= 2, looksLikeLabels(rows[1], firmIndex: firmIndex) else { return 1 }
            if rows.count >= 3, looksLikeLabels(rows[2], firmIndex: firmIndex) { return 3 }
            return 2
        }
    }

    /// A label/unit row: its firm cell is not code-like and none of its cells is a number.
    private static func looksLikeLabels(_ row: RawRow, firmIndex: Int?) -> Bool {
        if let firmIndex, firmIndex < row.fields.count, isCodeLike(row.fields[firmIndex]) { return false }
        let nonEmpty = row.fields.filter { !FirmCode.trim($0).isEmpty }
        guard !nonEmpty.isEmpty else { return false }
        return nonEmpty.allSatisfy { NumberText.parse($0) == nil && CalendarDate(parsing: $0) == nil }
    }

    private static func isCodeLike(_ s: String) -> Bool {
        let t = FirmCode.trim(s)
        return !t.isEmpty && t.first.map(\.isASCIIDigit) == true
    }

    /// CSMAR writes "没有单位" ("no unit") for unitless fields; that is no unit.
    static func cleanUnit(_ s: String) -> String {
        let t = FirmCode.trim(s)
        return ["没有单位", "无单位", "无", "-", "--"].contains(t) ? "" : t
    }
}
