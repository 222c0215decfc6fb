#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A minimal pull scanner for the regular XML inside `.xlsx` packages (workbook, relationships, shared strings,
/// worksheets): start/end tags with attributes, character data with entities decoded. Namespace prefixes are
/// stripped (`x:c` → `c`). Comments, processing instructions and DOCTYPE are skipped; CDATA is text.
/// Works on a raw pointer with integer ranges: generic slices are unspecialised in debug builds and made a
/// 30 MB worksheet take tens of seconds in the test suite.
struct XMLScanner {
    enum Event {
        case start(name: String, attributes: Attributes, selfClosing: Bool)
        case end(name: String)
        case text(String)
    }

    typealias Bytes = UnsafeBufferPointer<UInt8>
    private let p: UnsafePointer<UInt8>
    private let n: Int
    private var i = 0

    private init(bytes: Bytes, base: UnsafePointer<UInt8>) {
        p = base
        n = bytes.count
    }

    /// Runs `body` with a scanner over `bytes` (valid only inside `body`).
    static func scan<R>(_ bytes: [UInt8], _ body: (inout XMLScanner) throws(TableError) -> R) throws(TableError) -> R {
        let padded = bytes.isEmpty ? [0] : bytes  // a non-empty buffer always has a base address
        let result: Result<R, TableError> = padded.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return .failure(.invalidOption("empty XML buffer")) }
            var scanner = XMLScanner(bytes: Bytes(start: base, count: bytes.count), base: base)
            do throws(TableError) { return .success(try body(&scanner)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    mutating func next() -> Event? {
        while i < n {
            if p[i] != 0x3C {  // text up to the next '<'
                let start = i
                while i < n && p[i] != 0x3C { i += 1 }
                return .text(Self.decodeEntities(p, start, i))
            }
            if matches(i, "<!--") {
                i = find(from: i + 4, "-->").map { $0 + 3 } ?? n
                continue
            }
            if matches(i, "<![CDATA[") {
                let start = i + 9
                let end = find(from: start, "]]>") ?? n
                i = min(n, end + 3)
                return .text(String(decoding: UnsafeBufferPointer(start: p + start, count: end - start), as: UTF8.self))
            }
            if i + 1 < n && (p[i + 1] == 0x3F || p[i + 1] == 0x21) {  // <? … ?> or <!DOCTYPE …>
                while i < n && p[i] != 0x3E { i += 1 }
                i += 1
                continue
            }
            if i + 1 < n && p[i + 1] == 0x2F {  // end tag
                let start = i + 2
                while i < n && p[i] != 0x3E { i += 1 }
                let name = Self.localName(p, start, i)
                i += 1
                return .end(name: name)
            }
            return startTag()
        }
        return nil
    }

    private mutating func startTag() -> Event {
        i += 1
        let nameStart = i
        while i < n && !Self.isSpace(p[i]) && p[i] != 0x3E && p[i] != 0x2F { i += 1 }
        let name = Self.localName(p, nameStart, i)
        let attributesStart = i
        var quote: UInt8 = 0
        while i < n {
            let b = p[i]
            if quote != 0 {
                if b == quote { quote = 0 }
            } else if b == 0x22 || b == 0x27 {
                quote = b
            } else if b == 0x3E {
                break
            }
            i += 1
        }
        let tagEnd = min(i, n)
        i = min(n, i + 1)
        let selfClosing = tagEnd > attributesStart && p[tagEnd - 1] == 0x2F
        return .start(name: name, attributes: Attributes(p: p, start: attributesStart, end: tagEnd),
                      selfClosing: selfClosing)
    }

    /// The raw attribute text of a start tag, looked up on demand (building a dictionary per tag would dominate
    /// the cost of reading a large worksheet).
    struct Attributes {
        let p: UnsafePointer<UInt8>
        let start: Int
        let end: Int

        /// The decoded value of the attribute whose local name (prefix stripped) is `name`.
        subscript(_ name: StaticString) -> String? {
            let keyPointer = name.utf8Start
            let keyCount = name.utf8CodeUnitCount
            var k = start
            while k < end {
                while k < end && (XMLScanner.isSpace(p[k]) || p[k] == 0x2F) { k += 1 }
                let keyStart = k
                while k < end && p[k] != 0x3D && !XMLScanner.isSpace(p[k]) { k += 1 }
                var localStart = keyStart
                for j in keyStart..<k where p[j] == 0x3A { localStart = j + 1 }
                let matches = k - localStart == keyCount && memcmp(p + localStart, keyPointer, keyCount) == 0
                while k < end && (XMLScanner.isSpace(p[k]) || p[k] == 0x3D) { k += 1 }
                guard k < end, p[k] == 0x22 || p[k] == 0x27 else { return nil }
                let quote = p[k]
                k += 1
                let valueStart = k
                while k < end && p[k] != quote { k += 1 }
                if matches { return XMLScanner.decodeEntities(p, valueStart, k) }
                k += 1
            }
            return nil
        }
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    private static func localName(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> String {
        var stop = start
        while stop < end && !isSpace(p[stop]) { stop += 1 }
        var from = start
        for j in start..<stop where p[j] == 0x3A { from = j + 1 }
        return String(decoding: UnsafeBufferPointer(start: p + from, count: stop - from), as: UTF8.self)
    }

    private func matches(_ at: Int, _ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        return at + count <= n && memcmp(p + at, literal.utf8Start, count) == 0
    }

    private func find(from: Int, _ literal: StaticString) -> Int? {
        let count = literal.utf8CodeUnitCount
        var k = from
        while k + count <= n {
            if memcmp(p + k, literal.utf8Start, count) == 0 { return k }
            k += 1
        }
        return nil
    }

    /// Decodes `&amp; &lt; &gt; &quot; &apos; &#N; &#xH;` in p[start..<end]; an unknown entity stays as written.
    static func decodeEntities(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> String {
        var hasAmpersand = false
        for k in start..<end where p[k] == 0x26 { hasAmpersand = true; break }
        guard hasAmpersand else {
            return String(decoding: UnsafeBufferPointer(start: p + start, count: end - start), as: UTF8.self)
        }
        var out: [UInt8] = []
        out.reserveCapacity(end - start)
        var k = start
        while k < end {
            let b = p[k]
            if b != 0x26 {
                out.append(b)
                k += 1
                continue
            }
            var semi = k + 1
            while semi < end && semi - k <= 12 && p[semi] != 0x3B { semi += 1 }
            guard semi < end, p[semi] == 0x3B else {
                out.append(b)
                k += 1
                continue
            }
            let bodyStart = k + 1, bodyCount = semi - k - 1
            var scalar: UInt32?
            if bodyCount > 1 && p[bodyStart] == 0x23 {  // numeric
                var value: UInt32 = 0
                var j = bodyStart + 1
                var radix: UInt32 = 10
                if p[j] == 0x78 || p[j] == 0x58 { radix = 16; j += 1 }
                var valid = j < semi
                while j < semi && valid {
                    let d = p[j]
                    var digit: UInt32 = 0
                    switch d {
                    case 0x30...0x39: digit = UInt32(d - 0x30)
                    case 0x61...0x66 where radix == 16: digit = UInt32(d - 0x61 + 10)
                    case 0x41...0x46 where radix == 16: digit = UInt32(d - 0x41 + 10)
                    default: valid = false
                    }
                    if value > 0x10FFFF { valid = false }
                    value = value &* radix &+ digit
                    j += 1
                }
                if valid { scalar = value }
            } else if bodyCount == 3 && memcmp(p + bodyStart, "amp", 3) == 0 { scalar = 0x26 }
            else if bodyCount == 2 && memcmp(p + bodyStart, "lt", 2) == 0 { scalar = 0x3C }
            else if bodyCount == 2 && memcmp(p + bodyStart, "gt", 2) == 0 { scalar = 0x3E }
            else if bodyCount == 4 && memcmp(p + bodyStart, "quot", 4) == 0 { scalar = 0x22 }
            else if bodyCount == 4 && memcmp(p + bodyStart, "apos", 4) == 0 { scalar = 0x27 }
            if let scalar, let decoded = Unicode.Scalar(scalar) {
                appendUTF8(decoded.value, to: &out)
                k = semi + 1
            } else {
                out.append(b)
                k += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
        switch v {
        case 0..<0x80: out.append(UInt8(v))
        case 0x80..<0x800: out.append(contentsOf: [UInt8(0xC0 | v >> 6), UInt8(0x80 | v & 0x3F)])
        case 0x800..<0x10000:
            out.append(contentsOf: [UInt8(0xE0 | v >> 12), UInt8(0x80 | (v >> 6) & 0x3F), UInt8(0x80 | v & 0x3F)])
        default:
            out.append(contentsOf: [UInt8(0xF0 | v >> 18), UInt8(0x80 | (v >> 12) & 0x3F),
                                    UInt8(0x80 | (v >> 6) & 0x3F), UInt8(0x80 | v & 0x3F)])
        }
    }
}
