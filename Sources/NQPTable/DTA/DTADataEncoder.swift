/// Fills the `<data>` section column by column into one preallocated buffer (row-major records, no padding), and
/// collects strL values as GSO blocks.
enum DTADataEncoder {
    static func appendData(table: Table, variables: [DTAWriter.Variable], to out: inout [UInt8],
                           strls: inout ByteBuffer) throws(TableError) {
        let n = table.rowCount
        var columnOffsets: [Int] = []
        var recordWidth = 0
        for v in variables {
            columnOffsets.append(recordWidth)
            recordWidth += v.type.width
        }
        let total = n * recordWidth
        let start = out.count
        out.append(contentsOf: repeatElement(0, count: total))
        out.withUnsafeMutableBytes { raw in
            // `out` already holds the header, so it is never empty and has a base address.
            guard let origin = raw.baseAddress else { return }
            let base = origin + start
            for (c, variable) in variables.enumerated() {
                let column = table.columns[c]
                let p = base + columnOffsets[c]
                switch (column.values, variable.type) {
                case (.number(let values), .byte):
                    for r in 0..<n {
                        let v: Int8 = values[r].flatMap { $0.isFinite ? Int8($0) : nil } ?? DTAMissing.byteMissing
                        p.storeBytes(of: v, toByteOffset: r * recordWidth, as: Int8.self)
                    }
                case (.number(let values), .int):
                    for r in 0..<n {
                        let v: Int16 = values[r].flatMap { $0.isFinite ? Int16($0) : nil } ?? DTAMissing.intMissing
                        p.storeBytes(of: v.littleEndian, toByteOffset: r * recordWidth, as: Int16.self)
                    }
                case (.number(let values), .long):
                    for r in 0..<n {
                        let v: Int32 = values[r].flatMap { $0.isFinite ? Int32($0) : nil } ?? DTAMissing.longMissing
                        p.storeBytes(of: v.littleEndian, toByteOffset: r * recordWidth, as: Int32.self)
                    }
                case (.number(let values), _):
                    for r in 0..<n {
                        let bits: UInt64 = values[r].flatMap { $0.isFinite ? $0.bitPattern : nil }
                            ?? DTAMissing.doubleMissingBits
                        p.storeBytes(of: bits.littleEndian, toByteOffset: r * recordWidth, as: UInt64.self)
                    }
                case (.text(let values), .str(let width)):
                    for r in 0..<n {
                        guard var s = values[r], !s.isEmpty else { continue }
                        s.withUTF8 { utf8 in
                            let dest = UnsafeMutableRawBufferPointer(start: p + r * recordWidth, count: width)
                            dest.copyMemory(from: UnsafeRawBufferPointer(utf8))
                        }
                    }
                case (.text, _):
                    break  // strL references are filled below, in (row, column) order
                }
            }
        }
        // strL: the data record holds (v, o) = (variable 1-based, observation 1-based) packed for 118 as
        // v in 2 bytes + o in 6 bytes; empty/missing strings are (0, 0) with no GSO (readers choke on a GSO-less
        // non-zero reference: haven#760).
        let strLColumns = variables.indices.filter { variables[$0].type == .strL }
        guard !strLColumns.isEmpty else { return }
        for r in 0..<n {
            for c in strLColumns {
                guard case .text(let values) = table.columns[c].values, let s = values[r], !s.isEmpty else { continue }
                let v = UInt64(c + 1), o = UInt64(r + 1)
                let reference = (v | (o << 16)).littleEndian
                withUnsafeBytes(of: reference) { ref in
                    for k in 0..<8 { out[start + r * recordWidth + columnOffsets[c] + k] = ref[k] }
                }
                strls.tag("GSO")
                strls.u32(UInt32(v))
                strls.u64(o)
                strls.u8(0x82)  // text: length counts a trailing NUL
                let utf8 = Array(s.utf8)
                strls.u32(UInt32(utf8.count + 1))
                strls.bytes.append(contentsOf: utf8)
                strls.u8(0)
            }
        }
    }
}
