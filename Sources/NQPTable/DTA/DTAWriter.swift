import Foundation

/// Writes a `Table` as a Stata `.dta` file, format 118 (Stata 14+), little-endian, UTF-8.
///
/// Storage: numeric columns become `byte`/`int`/`long` when every non-missing value is integral and inside the
/// type's valid range (negative zero stays `double` to keep its sign), else `double`; missing, NaN and ±∞ become
/// Stata's system missing `.` of the type, never a NaN. Text columns become `str#` (width = longest value in
/// bytes, at least 1) or `strL` when a value exceeds 2045 bytes; missing text is the empty string. Labels are cut to
/// 80 characters at a character boundary. The timestamp is left empty and the characteristics section is empty, so
/// the same table gives the same bytes. Value labels are written for columns with `valueLabels` (label set named
/// after the column).
public struct DTAWriter: Sendable {
    public struct Options: Sendable, Equatable {
        /// Columns the table is sorted by (recorded in the sortlist; the writer checks the order).
        public var sortColumns: [String]
        /// Use byte/int/long for integral columns (false: every numeric column is double).
        public var compactIntegers: Bool

        public init(sortColumns: [String] = [], compactIntegers: Bool = true) {
            self.sortColumns = sortColumns
            self.compactIntegers = compactIntegers
        }
    }

    /// How one column will be stored.
    public struct Variable: Sendable, Equatable {
        public var name: String
        public var type: DTAStorageType
        public var format: String
        public var label: String
        public var valueLabelName: String
    }

    public let options: Options

    public init(options: Options = Options()) { self.options = options }

    /// The storage plan for `table` (names validated, types and formats chosen) — also what a codebook shows.
    public func variables(for table: Table) throws(TableError) -> [Variable] {
        try table.validateShape()
        var seen = Set<String>()
        var result: [Variable] = []
        for column in table.columns {
            try StataName.validate(column.name)
            if !seen.insert(column.name).inserted {
                throw .invalidName(name: column.name, reason: "it is used by more than one column")
            }
            let type = try storageType(of: column)
            if !column.valueLabels.isEmpty && !type.isNumeric {
                throw .invalidOption("column '\(column.name)' is text but has value labels; value labels attach to integer codes of a numeric column")
            }
            result.append(Variable(name: column.name, type: type, format: type.defaultFormat,
                                   label: StataName.truncatedLabel(column.label),
                                   valueLabelName: column.valueLabels.isEmpty ? "" : column.name))
        }
        return result
    }

    private func storageType(of column: Column) throws(TableError) -> DTAStorageType {
        switch column.values {
        case .text(let values):
            var width = 1
            for (row, value) in values.enumerated() {
                guard let value else { continue }
                let length = value.utf8.count
                if value.utf8.contains(0) {
                    throw .unrepresentableValue(column: column.name, row: row + 1,
                                                message: "text contains a NUL character, which Stata strings cannot hold; remove it")
                }
                width = max(width, length)
            }
            return width > DTAStorageType.maxStrWidth ? .strL : .str(width)
        case .number(let values):
            var isIntegral = options.compactIntegers
            var low = 0, high = 0
            for (row, value) in values.enumerated() {
                guard let value, value.isFinite else { continue }
                if abs(value) > DTAMissing.doubleMax {
                    throw .unrepresentableValue(column: column.name, row: row + 1,
                                                message: "\(value) exceeds Stata's largest double (8.988e307)")
                }
                guard isIntegral else { continue }
                if value != value.rounded(.towardZero) || (value == 0 && value.sign == .minus)
                    || abs(value) > 2_147_483_647 {
                    isIntegral = false
                    continue
                }
                let v = Int(value)
                low = min(low, v)
                high = max(high, v)
            }
            guard isIntegral else { return .double }
            if DTAMissing.byteRange.contains(low) && DTAMissing.byteRange.contains(high) { return .byte }
            if DTAMissing.intRange.contains(low) && DTAMissing.intRange.contains(high) { return .int }
            if DTAMissing.longRange.contains(low) && DTAMissing.longRange.contains(high) { return .long }
            return .double
        }
    }

    /// Writes `table` to `url` atomically.
    public func write(_ table: Table, to url: URL) throws(TableError) {
        try AtomicFile.write(try encode(table), to: url)
    }

    /// The complete file bytes.
    public func encode(_ table: Table) throws(TableError) -> [UInt8] {
        let variables = try variables(for: table)
        let sortIndices = try checkedSortIndices(table)
        let k = variables.count
        let n = table.rowCount
        if k > 32767 {
            throw .invalidOption("\(k) variables exceed format 118's limit of 32,767")
        }

        var out = ByteBuffer()
        var map = [UInt64](repeating: 0, count: 14)
        out.tag("<stata_dta>")
        out.tag("<header><release>118</release><byteorder>LSF</byteorder><K>")
        out.u16(UInt16(k))
        out.tag("</K><N>")
        out.u64(UInt64(n))
        out.tag("</N><label>")
        let datasetLabel = Array(StataName.truncatedLabel(table.label).utf8)
        out.u16(UInt16(datasetLabel.count))
        out.bytes.append(contentsOf: datasetLabel)
        out.tag("</label><timestamp>")
        out.u8(0)  // empty timestamp: identical input → identical bytes
        out.tag("</timestamp></header>")

        map[1] = UInt64(out.count)
        out.tag("<map>")
        let mapStart = out.count
        for _ in 0..<14 { out.u64(0) }
        out.tag("</map>")

        map[2] = UInt64(out.count)
        out.tag("<variable_types>")
        for v in variables { out.u16(v.type.code) }
        out.tag("</variable_types>")

        map[3] = UInt64(out.count)
        out.tag("<varnames>")
        for v in variables { out.fixed(v.name, width: 129) }
        out.tag("</varnames>")

        map[4] = UInt64(out.count)
        out.tag("<sortlist>")
        for i in 0...k { out.u16(i < sortIndices.count ? UInt16(sortIndices[i] + 1) : 0) }
        out.tag("</sortlist>")

        map[5] = UInt64(out.count)
        out.tag("<formats>")
        for v in variables { out.fixed(v.format, width: 57) }
        out.tag("</formats>")

        map[6] = UInt64(out.count)
        out.tag("<value_label_names>")
        for v in variables { out.fixed(v.valueLabelName, width: 129) }
        out.tag("</value_label_names>")

        map[7] = UInt64(out.count)
        out.tag("<variable_labels>")
        for v in variables { out.fixed(v.label, width: 321) }
        out.tag("</variable_labels>")

        map[8] = UInt64(out.count)
        out.tag("<characteristics></characteristics>")

        map[9] = UInt64(out.count)
        out.tag("<data>")
        var strls = ByteBuffer()
        try DTADataEncoder.appendData(table: table, variables: variables, to: &out.bytes, strls: &strls)
        out.tag("</data>")

        map[10] = UInt64(out.count)
        out.tag("<strls>")
        out.bytes.append(contentsOf: strls.bytes)
        out.tag("</strls>")

        map[11] = UInt64(out.count)
        out.tag("<value_labels>")
        for column in table.columns where !column.valueLabels.isEmpty {
            Self.appendValueLabels(name: column.name, labels: column.valueLabels, to: &out)
        }
        out.tag("</value_labels>")

        map[12] = UInt64(out.count)
        out.tag("</stata_dta>")
        map[13] = UInt64(out.count)
        for (i, offset) in map.enumerated() { out.patchU64(offset, at: mapStart + 8 * i) }
        return out.bytes
    }

    /// `<lbl>` block: int32 table length, 129-byte name, 3 pad bytes, then n, txtlen, off[n], val[n], txt — entries
    /// sorted by value, each text NUL-terminated.
    static func appendValueLabels(name: String, labels: [Int32: String], to out: inout ByteBuffer) {
        let entries = labels.sorted { $0.key < $1.key }
        var text: [UInt8] = []
        var offsets: [Int32] = []
        for (_, label) in entries {
            offsets.append(Int32(text.count))
            text.append(contentsOf: label.utf8.filter { $0 != 0 })
            text.append(0)
        }
        out.tag("<lbl>")
        out.i32(Int32(8 + 8 * entries.count + text.count))
        out.fixed(name, width: 129)
        out.bytes.append(contentsOf: [0, 0, 0])
        out.i32(Int32(entries.count))
        out.i32(Int32(text.count))
        for o in offsets { out.i32(o) }
        for (value, _) in entries { out.i32(value) }
        out.bytes.append(contentsOf: text)
        out.tag("</lbl>")
    }

    /// Column indices of the sort columns, after checking the rows really are in that order (a wrong sortlist
    /// would make Stata's `by` silently wrong).
    private func checkedSortIndices(_ table: Table) throws(TableError) -> [Int] {
        var indices: [Int] = []
        for name in options.sortColumns {
            guard let index = table.columnIndex(named: name) else {
                throw .invalidOption("sort column '\(name)' is not in the table")
            }
            indices.append(index)
        }
        guard !indices.isEmpty, table.rowCount > 1 else { return indices }
        let keys: [SortKey] = indices.map { SortKey(table.columns[$0].values) }
        for row in 1..<table.rowCount {
            for key in keys {
                let order = key.compare(row - 1, row)
                if order < 0 { break }
                if order > 0 {
                    throw .invalidOption("rows \(row) and \(row + 1) are not in sort order (\(options.sortColumns.joined(separator: ", "))); sort the table before writing")
                }
            }
        }
        return indices
    }
}

/// Stata's sort order: strings bytewise ("" first), numbers ascending with missing last.
private struct SortKey {
    let values: ColumnValues
    let utf8: [[UInt8]]

    init(_ values: ColumnValues) {
        self.values = values
        if case .text(let t) = values { utf8 = t.map { Array(($0 ?? "").utf8) } } else { utf8 = [] }
    }

    func compare(_ a: Int, _ b: Int) -> Int {
        switch values {
        case .text:
            if utf8[a] == utf8[b] { return 0 }
            return utf8[a].lexicographicallyPrecedes(utf8[b]) ? -1 : 1
        case .number(let v):
            let x = v[a].flatMap { $0.isFinite ? $0 : nil }, y = v[b].flatMap { $0.isFinite ? $0 : nil }
            switch (x, y) {
            case (nil, nil): return 0
            case (nil, _): return 1
            case (_, nil): return -1
            case let (x?, y?): return x < y ? -1 : (x > y ? 1 : 0)
            }
        }
    }
}
