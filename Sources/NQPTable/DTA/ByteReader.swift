/// Cursor over `.dta` bytes with the file's byte order; every failure names the byte offset.
struct ByteReader {
    let bytes: [UInt8]
    let path: String
    var position = 0
    var bigEndian = false

    init(bytes: [UInt8], path: String) {
        self.bytes = bytes
        self.path = path
    }

    func fail(_ message: String) -> TableError { .malformedDTA(path: path, offset: position, message: message) }

    mutating func take(_ count: Int) throws(TableError) -> ArraySlice<UInt8> {
        guard count >= 0, position + count <= bytes.count else {
            throw fail("file ends early (needed \(count) more bytes of \(bytes.count))")
        }
        defer { position += count }
        return bytes[position..<(position + count)]
    }

    mutating func expect(_ tag: String) throws(TableError) {
        let utf8 = Array(tag.utf8)
        let start = position
        guard position + utf8.count <= bytes.count, bytes[position..<(position + utf8.count)].elementsEqual(utf8) else {
            position = start
            throw fail("expected \(tag)")
        }
        position += utf8.count
    }

    func peek(_ tag: String) -> Bool {
        let utf8 = Array(tag.utf8)
        return position + utf8.count <= bytes.count && bytes[position..<(position + utf8.count)].elementsEqual(utf8)
    }

    mutating func unsigned(_ size: Int) throws(TableError) -> UInt64 {
        let slice = try take(size)
        var v: UInt64 = 0
        if bigEndian {
            for b in slice { v = v << 8 | UInt64(b) }
        } else {
            for b in slice.reversed() { v = v << 8 | UInt64(b) }
        }
        return v
    }

    mutating func u8() throws(TableError) -> UInt8 { UInt8(try unsigned(1)) }
    mutating func u16() throws(TableError) -> UInt16 { UInt16(try unsigned(2)) }
    mutating func u32() throws(TableError) -> UInt32 { UInt32(try unsigned(4)) }
    mutating func u64() throws(TableError) -> UInt64 { try unsigned(8) }
    mutating func i32() throws(TableError) -> Int32 { Int32(bitPattern: try u32()) }

    /// A NUL-padded field of `width` bytes as UTF-8 text (up to the first NUL).
    mutating func fixedString(_ width: Int) throws(TableError) -> String {
        let slice = try take(width)
        let end = slice.firstIndex(of: 0) ?? slice.endIndex
        return String(decoding: slice[slice.startIndex..<end], as: UTF8.self)
    }

    func offsetValue(_ value: UInt64) throws(TableError) -> Int {
        guard value <= UInt64(bytes.count) else { throw fail("offset \(value) lies beyond the end of the file") }
        return Int(value)
    }
}
