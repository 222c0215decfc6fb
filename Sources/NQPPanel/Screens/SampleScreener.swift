import NQPTable

/// Applies the configured sample screens to a panel table (firm and year key columns required).
public enum SampleScreener {
    /// `keyColumns` names the panel's firm and year columns (the year range and B-share screens read them).
    public static func apply(_ options: ScreenOptions, to table: Table, keyColumns: PanelKeyColumns)
        throws(PanelError) -> (Table, ScreenReport) {
        let (firmIndex, yearIndex) = try keyColumns.indices(in: table)
        var table = table
        var report = ScreenReport(rowsIn: table.rowCount)

        func step(_ name: String, keep: (Int) -> Bool) {
            let rows = (0..<table.rowCount).filter(keep)
            let dropped = table.rowCount - rows.count
            if dropped > 0 { table.columns = table.columns.map { $0.selectingRows(rows) } }
            report.steps.append(.init(screen: name, dropped: dropped, remaining: rows.count))
        }
        func text(_ column: String, screen: String) throws(PanelError) -> [String?] {
            guard let c = table.column(named: column) else {
                throw .invalidScreen(screen: screen, reason: "no column '\(column)' in the panel")
            }
            return c.values.asText()
        }

        if let range = options.yearRange {
            let years = table.columns[yearIndex].values.asText().map { $0.flatMap(YearValue.parse) }
            let label = "year range \(range.from.map(String.init) ?? "…")–\(range.to.map(String.init) ?? "…")"
            step(label) { i in
                guard let y = years[i] else { return false }
                return (range.from.map { y >= $0 } ?? true) && (range.to.map { y <= $0 } ?? true)
            }
        }
        if let industry = options.industry {
            var keep: [IndustryPattern] = [], drop: [IndustryPattern] = []
            for (list, raw) in [(0, industry.keep), (1, industry.drop)] {
                for item in raw {
                    guard let pattern = IndustryPattern(item) else {
                        throw .invalidScreen(screen: "industry", reason: "'\(item)' is not a CSRC-2012 pattern "
                            + "(a letter like J, a division like C27, or a range like C13-C43)")
                    }
                    if list == 0 { keep.append(pattern) } else { drop.append(pattern) }
                }
            }
            let codes = try text(industry.column, screen: "industry").map { $0.flatMap(IndustryCode.init) }
            var parts: [String] = []
            if !keep.isEmpty { parts.append("keep [\(keep.map(\.description).joined(separator: ", "))]") }
            if !drop.isEmpty { parts.append("drop [\(drop.map(\.description).joined(separator: ", "))]") }
            step("industry \(industry.column) " + parts.joined(separator: " ")) { i in
                guard let code = codes[i] else { return keep.isEmpty }
                if !keep.isEmpty, !keep.contains(where: { $0.matches(code) }) { return false }
                return !drop.contains { $0.matches(code) }
            }
        }
        if let flags = options.specialTreatment {
            let values = try text(flags.column, screen: "special_treatment")
            let wanted = flags.values.map { FirmCode.trim($0).uppercased() }
            step("ST/*ST/PT flags in \(flags.column)") { i in
                guard let v = values[i].map({ FirmCode.trim($0).uppercased() }) else { return true }
                switch flags.match {
                case .exact: return !SourceBuilder.matches(v, wanted)
                case .prefix: return !wanted.contains { v.hasPrefix($0) }
                }
            }
        }
        if let b = options.bShares {
            let firms = table.columns[firmIndex].values.asText()
            step("B-share code prefixes [\(b.prefixes.joined(separator: ", "))]") { i in
                guard let f = firms[i] else { return true }
                return !b.prefixes.contains { f.hasPrefix($0) }
            }
        }
        for variable in options.requireVariables {
            guard let column = table.column(named: variable) else {
                throw .invalidScreen(screen: "require_variables", reason: "no variable '\(variable)' in the panel")
            }
            let present: [Bool]
            switch column.values {
            case .text(let v): present = v.map { $0.map { !FirmCode.trim($0).isEmpty } ?? false }
            case .number(let v): present = v.map { $0 != nil }
            }
            step("missing \(variable)") { present[$0] }
        }
        if let w = options.winsorize {
            try Winsorizer.apply(w, to: &table, yearIndex: yearIndex, report: &report)
        }
        return (table, report)
    }
}
