/// XML (XBRL instances and other XML): the text of every element, one element per line. A text segment that is
/// escaped HTML (an XBRL text block: `&lt;p&gt;…`, or HTML inside CDATA) is read as HTML by `htmlExtractor`.
/// `dei:` elements give facts (`<dei:EntityCentralIndexKey>` → `EntityCentralIndexKey`).
struct XMLTextExtractor {
    typealias HTMLExtractor = ([UInt8]) throws(ExtractError) -> [UInt8]

    private let p: UnsafePointer<UInt8>
    private let n: Int
    private var i = 0
    private var writer: LayoutWriter
    private var segment: [UInt8] = []
    private var openFacts: [(name: String, depth: Int)] = []
    private var depth = 0
    private(set) var facts: [String: String] = [:]
    private let htmlExtractor: HTMLExtractor

    static func extract(_ utf8: [UInt8],
                        html: @escaping HTMLExtractor) throws(ExtractError) -> (layout: [UInt8], facts: [String: String]) {
        var result: Result<([UInt8], [String: String]), ExtractError> = .success(([], [:]))
        utf8.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, buffer.count > 0 else { return }
            var extractor = XMLTextExtractor(p: base, n: buffer.count, html: html)
            do throws(ExtractError) {
                try extractor.run()
                result = .success((extractor.writer.finish(), extractor.facts))
            } catch {
                result = .failure(error)
            }
        }
        return try result.get()
    }

    private init(p: UnsafePointer<UInt8>, n: Int, html: @escaping HTMLExtractor) {
        self.p = p
        self.n = n
        self.htmlExtractor = html
        writer = LayoutWriter(capacity: n / 3)
    }

    private mutating func run() throws(ExtractError) {
        while i < n {
            let c = p[i]
            if c == 0x3C {
                if starts(with: "<![CDATA[") {
                    let start = i + 9
                    let end = find("]]>", from: start) ?? n
                    segment.append(contentsOf: UnsafeBufferPointer(start: p + start, count: end - start))
                    i = min(end + 3, n)
                    continue
                }
                try flushSegment()
                if starts(with: "<!--") {
                    i = (find("-->", from: i + 4) ?? n) + 3
                } else if starts(with: "<?") {
                    i = (find("?>", from: i + 2) ?? n) + 2
                } else if starts(with: "<!") {
                    skipDeclaration()
                } else if i + 1 < n, p[i + 1] == 0x2F {
                    endTag()
                } else {
                    startTag()
                }
                i = min(i, n)
            } else if c == 0x26 {
                decodeReference()
            } else {
                let start = i
                while i < n, p[i] != 0x3C, p[i] != 0x26 { i += 1 }
                segment.append(contentsOf: UnsafeBufferPointer(start: p + start, count: i - start))
            }
        }
        try flushSegment()
    }

    private mutating func startTag() {
        writer.breakLine()
        let nameStart = i + 1
        var j = nameStart
        while j < n, !FastHTMLScanner.isBlank(p[j]), p[j] != 0x3E, p[j] != 0x2F { j += 1 }
        let name = UnsafeBufferPointer(start: p + nameStart, count: j - nameStart)
        // The end of the tag, quotes respected.
        var quote: UInt8 = 0
        while j < n {
            let b = p[j]
            if quote != 0 { if b == quote { quote = 0 } } else if b == 0x22 || b == 0x27 { quote = b } else if b == 0x3E { break }
            j += 1
        }
        let selfClosing = j > 0 && j < n && p[j - 1] == 0x2F
        i = j + 1
        if selfClosing { return }
        depth += 1
        if let fact = ElementClassifier.deiFactName(name) { openFacts.append((fact, depth)) }
    }

    private mutating func endTag() {
        writer.breakLine()
        while i < n, p[i] != 0x3E { i += 1 }
        i += 1
        if let last = openFacts.last, last.depth == depth { openFacts.removeLast() }
        depth = max(0, depth - 1)
    }

    private mutating func skipDeclaration() {
        // <!DOCTYPE … [ internal subset ] >
        var bracket = 0
        while i < n {
            if p[i] == 0x5B { bracket += 1 } else if p[i] == 0x5D { bracket -= 1 } else if p[i] == 0x3E, bracket <= 0 { break }
            i += 1
        }
        i += 1
    }

    /// The five XML entities and numeric references; anything else stays literal (it may be an HTML entity
    /// inside an escaped text block, which the HTML pass decodes).
    private mutating func decodeReference() {
        var j = i + 1
        while j < n, j - i < 12, p[j] != 0x3B, p[j] != 0x26, p[j] != 0x3C, !FastHTMLScanner.isBlank(p[j]) { j += 1 }
        guard j < n, p[j] == 0x3B else {
            segment.append(0x26); i += 1; return
        }
        let name = Array(UnsafeBufferPointer(start: p + i + 1, count: j - i - 1))
        var scalar: UInt32? = nil
        switch name {
        case Array("amp".utf8): scalar = 0x26
        case Array("lt".utf8): scalar = 0x3C
        case Array("gt".utf8): scalar = 0x3E
        case Array("quot".utf8): scalar = 0x22
        case Array("apos".utf8): scalar = 0x27
        default:
            if name.first == 0x23 {
                let digits = name.dropFirst()
                let hex = digits.first == 0x78 || digits.first == 0x58
                let text = String(decoding: hex ? digits.dropFirst() : digits, as: UTF8.self)
                scalar = UInt32(text, radix: hex ? 16 : 10)
            }
        }
        if let scalar, FastHTMLScanner.isXMLChar(scalar), let u = Unicode.Scalar(scalar) {
            segment.append(contentsOf: Array(String(Character(u)).utf8))
        } else {
            segment.append(contentsOf: UnsafeBufferPointer(start: p + i, count: j + 1 - i))
        }
        i = j + 1
    }

    private mutating func flushSegment() throws(ExtractError) {
        guard !segment.isEmpty else { return }
        defer { segment.removeAll(keepingCapacity: true) }
        if let fact = openFacts.last, fact.depth == depth, facts[fact.name] == nil {
            var w = LayoutWriter()
            segment.withUnsafeBufferPointer { w.append($0) }
            let value = String(decoding: w.finish(), as: UTF8.self)
            if !value.isEmpty { facts[fact.name] = value }
        }
        if Self.looksLikeHTML(segment) {
            let lines = try htmlExtractor(segment)
            writer.breakLine()
            lines.withUnsafeBufferPointer { writer.append($0, preformatted: true) }
            writer.breakLine()
        } else {
            segment.withUnsafeBufferPointer { writer.append($0) }
        }
    }

    /// Markup inside text: a `<` followed by a letter or `/`, and a `>`.
    static func looksLikeHTML(_ bytes: [UInt8]) -> Bool {
        var sawTag = false
        for k in 0..<max(0, bytes.count - 1) where bytes[k] == 0x3C {
            let next = bytes[k + 1]
            if FastHTMLScanner.isASCIILetter(next) || next == 0x2F { sawTag = true; break }
        }
        return sawTag && bytes.contains(0x3E)
    }

    private func starts(with literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard i + count <= n else { return false }
        return memcmpBytes(p + i, literal.utf8Start, count)
    }

    private func find(_ literal: StaticString, from start: Int) -> Int? {
        let count = literal.utf8CodeUnitCount
        let first = literal.utf8Start[0]
        var j = start
        while j + count <= n {
            if p[j] == first, memcmpBytes(p + j, literal.utf8Start, count) { return j }
            j += 1
        }
        return nil
    }
}

/// Plain text: as decoded, CRLF and CR become LF.
enum PlainText {
    static func layout(_ utf8: [UInt8]) -> [UInt8] {
        guard utf8.contains(0x0D) else { return utf8 }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        utf8.withUnsafeBufferPointer { b in
            var runStart = 0
            var k = 0
            while k < b.count {
                if b[k] == 0x0D {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: b[runStart..<k]))
                    out.append(0x0A)
                    if k + 1 < b.count, b[k + 1] == 0x0A { k += 1 }
                    runStart = k + 1
                }
                k += 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[runStart..<b.count]))
        }
        return out
    }
}
