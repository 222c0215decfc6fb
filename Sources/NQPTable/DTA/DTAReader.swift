import Foundation
import NQPEncoding

/// Reads Stata `.dta` files of formats 117 (Stata 13), 118 (Stata 14–18) and 119 (> 32,767 variables), either byte
/// order. CSMAR and other vendors offer such files; the exporter's output is read back with it in tests.
public enum DTAReader {
    /// Reads the file at `url`.
    public static func read(contentsOf url: URL) throws(TableError) -> DTAFile {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw .io(path: url.path, operation: "read", reason: FileErrorReason.describe(error))
        }
        return try read(bytes: [UInt8](data), path: url.path)
    }

    /// Parses `.dta` bytes; `path` is used in error messages.
    public static func read(bytes: [UInt8], path: String = "<memory>") throws(TableError) -> DTAFile {
        var r = ByteReader(bytes: bytes, path: path)
        guard r.peek("<stata_dta>") else {
            if let first = bytes.first, (102...115).contains(first) {
                throw .unsupportedDTAVersion(path: path, version: String(first))
            }
            throw r.fail("missing <stata_dta> at the start; this is not a Stata 13+ .dta file")
        }
        try r.expect("<stata_dta><header><release>")
        let releaseText = String(decoding: try r.take(3), as: UTF8.self)
        guard let release = Int(releaseText) else { throw r.fail("unreadable release '\(releaseText)'") }
        guard [117, 118, 119].contains(release) else {
            throw .unsupportedDTAVersion(path: path, version: releaseText)
        }
        try r.expect("</release><byteorder>")
        let order = String(decoding: try r.take(3), as: UTF8.self)
        guard order == "LSF" || order == "MSF" else { throw r.fail("byte order '\(order)' is neither LSF nor MSF") }
        r.bigEndian = order == "MSF"
        try r.expect("</byteorder><K>")
        let k = Int(release == 119 ? UInt64(try r.u32()) : UInt64(try r.u16()))
        try r.expect("</K><N>")
        let nRaw = release == 117 ? UInt64(try r.u32()) : try r.u64()
        guard nRaw <= UInt64(Int32.max) * 16 else { throw r.fail("implausible observation count \(nRaw)") }
        let n = Int(nRaw)
        try r.expect("</N><label>")
        let labelLength = release == 117 ? Int(try r.u8()) : Int(try r.u16())
        let datasetLabel = String(decoding: try r.take(labelLength), as: UTF8.self)
        try r.expect("</label><timestamp>")
        let timestampLength = Int(try r.u8())
        let timestamp = String(decoding: try r.take(timestampLength), as: UTF8.self)
        try r.expect("</timestamp></header><map>")
        var map: [Int] = []
        for _ in 0..<14 { map.append(try r.offsetValue(try r.u64())) }
        try r.expect("</map>")

        let nameWidth = release == 117 ? 33 : 129
        let formatWidth = release == 117 ? 49 : 57
        let labelWidth = release == 117 ? 81 : 321

        r.position = map[2]
        try r.expect("<variable_types>")
        var types: [DTAStorageType] = []
        for _ in 0..<k {
            let code = try r.u16()
            guard let type = DTAStorageType(code: code) else { throw r.fail("unknown variable type code \(code)") }
            types.append(type)
        }
        try r.expect("</variable_types>")

        r.position = map[3]
        try r.expect("<varnames>")
        var names: [String] = []
        for _ in 0..<k { names.append(try r.fixedString(nameWidth)) }
        try r.expect("</varnames>")

        r.position = map[4]
        try r.expect("<sortlist>")
        var sortColumns: [String] = []
        var sortEnded = false
        for _ in 0...k {
            let index = Int(release == 119 ? UInt64(try r.u32()) : UInt64(try r.u16()))
            if index == 0 { sortEnded = true }
            if !sortEnded, index >= 1, index <= k { sortColumns.append(names[index - 1]) }
        }
        try r.expect("</sortlist>")

        r.position = map[5]
        try r.expect("<formats>")
        var formats: [String] = []
        for _ in 0..<k { formats.append(try r.fixedString(formatWidth)) }
        try r.expect("</formats>")

        r.position = map[6]
        try r.expect("<value_label_names>")
        var valueLabelNames: [String] = []
        for _ in 0..<k { valueLabelNames.append(try r.fixedString(nameWidth)) }
        try r.expect("</value_label_names>")

        r.position = map[7]
        try r.expect("<variable_labels>")
        var labels: [String] = []
        for _ in 0..<k { labels.append(try r.fixedString(labelWidth)) }
        try r.expect("</variable_labels>")

        // Characteristics are skipped (the map tells where data starts).
        r.position = map[9]
        try r.expect("<data>")
        let recordWidth = types.reduce(0) { $0 + $1.width }
        let dataStart = r.position
        guard dataStart + n * recordWidth <= bytes.count else { throw r.fail("data section is shorter than N × record width") }
        r.position = dataStart + n * recordWidth
        try r.expect("</data>")

        r.position = map[10]
        let strls = try readStrLs(&r, release: release)

        r.position = map[11]
        let valueLabelSets = try readValueLabels(&r, nameWidth: nameWidth)

        var columns: [Column] = []
        var offset = 0
        for c in 0..<k {
            let values = try decodeColumn(&r, type: types[c], n: n, dataStart: dataStart + offset,
                                          recordWidth: recordWidth, release: release, strls: strls, name: names[c])
            offset += types[c].width
            columns.append(Column(name: names[c], label: labels[c], values: values,
                                  valueLabels: valueLabelSets[valueLabelNames[c]] ?? [:]))
        }
        return DTAFile(release: release, table: Table(columns: columns, label: datasetLabel), storageTypes: types,
                       formats: formats, sortColumns: sortColumns, valueLabelNames: valueLabelNames,
                       valueLabelSets: valueLabelSets, timestamp: timestamp)
    }

    private struct StrLKey: Hashable { let v: UInt64; let o: UInt64 }

    private static func readStrLs(_ r: inout ByteReader, release: Int) throws(TableError) -> [StrLKey: String] {
        try r.expect("<strls>")
        var result: [StrLKey: String] = [:]
        while r.peek("GSO") {
            try r.expect("GSO")
            let v = UInt64(try r.u32())
            let o = release == 117 ? UInt64(try r.u32()) : try r.u64()
            let type = try r.u8()
            let length = Int(try r.u32())
            var content = try r.take(length)
            if type == 0x82, content.last == 0 { content = content.dropLast() }
            result[StrLKey(v: v, o: o)] = String(decoding: content, as: UTF8.self)
        }
        try r.expect("</strls>")
        return result
    }

    private static func readValueLabels(_ r: inout ByteReader, nameWidth: Int) throws(TableError)
        -> [String: [Int32: String]] {
        try r.expect("<value_labels>")
        var sets: [String: [Int32: String]] = [:]
        while r.peek("<lbl>") {
            try r.expect("<lbl>")
            let length = Int(try r.i32())
            let name = try r.fixedString(nameWidth)
            _ = try r.take(3)
            let tableStart = r.position
            let count = Int(try r.i32())
            let textLength = Int(try r.i32())
            guard count >= 0, textLength >= 0, 8 + 8 * count + textLength == length else {
                throw r.fail("value label '\(name)' has inconsistent lengths")
            }
            var offsets: [Int] = []
            for _ in 0..<count { offsets.append(Int(try r.i32())) }
            var values: [Int32] = []
            for _ in 0..<count { values.append(try r.i32()) }
            let text = try r.take(textLength)
            var entries: [Int32: String] = [:]
            for i in 0..<count {
                guard offsets[i] >= 0, offsets[i] < textLength else { throw r.fail("value label '\(name)' offset out of range") }
                let from = text.startIndex + offsets[i]
                let end = text[from...].firstIndex(of: 0) ?? text.endIndex
                entries[values[i]] = String(decoding: text[from..<end], as: UTF8.self)
            }
            r.position = tableStart + length
            try r.expect("</lbl>")
            sets[name] = entries
        }
        try r.expect("</value_labels>")
        return sets
    }

    private static func decodeColumn(_ r: inout ByteReader, type: DTAStorageType, n: Int, dataStart: Int,
                                     recordWidth: Int, release: Int, strls: [StrLKey: String],
                                     name: String) throws(TableError) -> ColumnValues {
        let bytes = r.bytes
        let big = r.bigEndian
        func raw(_ at: Int, _ size: Int) -> UInt64 {
            var v: UInt64 = 0
            if big { for k in 0..<size { v = v << 8 | UInt64(bytes[at + k]) } } else {
                for k in stride(from: size - 1, through: 0, by: -1) { v = v << 8 | UInt64(bytes[at + k]) }
            }
            return v
        }
        switch type {
        case .byte, .int, .long, .float, .double:
            var values = [Double?](repeating: nil, count: n)
            for row in 0..<n {
                let at = dataStart + row * recordWidth
                switch type {
                case .byte:
                    let v = Int8(bitPattern: bytes[at])
                    values[row] = v > 100 ? nil : Double(v)
                case .int:
                    let v = Int16(bitPattern: UInt16(raw(at, 2)))
                    values[row] = v > 32740 ? nil : Double(v)
                case .long:
                    let v = Int32(bitPattern: UInt32(raw(at, 4)))
                    values[row] = v > 2_147_483_620 ? nil : Double(v)
                case .float:
                    let f = Float(bitPattern: UInt32(raw(at, 4)))
                    values[row] = (f.isNaN || f > DTAMissing.floatMax) ? nil : Double(f)
                default:
                    let d = Double(bitPattern: raw(at, 8))
                    values[row] = (d.isNaN || d > DTAMissing.doubleMax) ? nil : d
                }
            }
            return .number(values)
        case .str(let width):
            var values = [String?](repeating: nil, count: n)
            for row in 0..<n {
                let at = dataStart + row * recordWidth
                let slice = bytes[at..<(at + width)]
                let end = slice.firstIndex(of: 0) ?? slice.endIndex
                if end > at { values[row] = String(decoding: bytes[at..<end], as: UTF8.self) }
            }
            return .text(values)
        case .strL:
            var values = [String?](repeating: nil, count: n)
            for row in 0..<n {
                let at = dataStart + row * recordWidth
                let reference = raw(at, 8)
                if reference == 0 { continue }
                // 117: v 4 bytes + o 4 bytes; 118: v 2 + o 6; 119: ReadStat uses 2 + 6, Stata's own files 3 + 5.
                let splits = release == 117 ? [32] : (release == 118 ? [16] : [16, 24])
                var found: String?
                for bits in splits where found == nil {
                    let v: UInt64, o: UInt64
                    if big {
                        v = reference >> UInt64(64 - bits)
                        o = reference & ((1 << UInt64(64 - bits)) - 1)
                    } else {
                        v = reference & ((1 << UInt64(bits)) - 1)
                        o = reference >> UInt64(bits)
                    }
                    found = strls[StrLKey(v: v, o: o)]
                }
                guard let text = found else {
                    r.position = at
                    throw r.fail("variable '\(name)', observation \(row + 1): strL reference has no matching GSO entry")
                }
                values[row] = text.isEmpty ? nil : text
            }
            return .text(values)
        }
    }
}
