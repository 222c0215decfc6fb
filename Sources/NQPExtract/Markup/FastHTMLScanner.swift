import Foundation

/// The purpose-built HTML scanner: one pass over decoded UTF-8 bytes, producing layout text and dei: facts.
///
/// It repairs the element tree the way libxml2's HTML parser does (its start-tag auto-close table, end-tag
/// priorities, implied `html`/`head`/`body`/`p`, void elements, raw `script`/`style`), so that its output equals
/// the libxml2 reference path on the documents annual reports are made of; the differential tests check that.
struct FastHTMLScanner {
    private let p: UnsafePointer<UInt8>
    private let n: Int
    private var i = 0
    private var builder: LayoutBuilder
    private var stack: [Int] = []
    /// Misplaced `html`/`head`/`body` start tags that were ignored; their end tags are ignored as many times.
    private var discardedDepth = 0
    /// libxml2's `ctxt->html`: 3 once a head was opened, 10 once a body was.
    private var documentState = 0
    private var unknownNames = ByteNameTable<Int>(capacity: 64)
    /// Ids of names of at most eight bytes, known ones and those interned so far.
    private var shortNames: ShortNameTable
    private var unknownCount = 0
    private let t = ElementTableSnapshot.shared
    private let entities = HTMLEntities.lookup
    /// Tag names are compared on their first `maxNameLength` bytes.
    private static let maxNameLength = 100

    /// Extracts layout text and dei: facts from UTF-8 HTML.
    static func extract(_ utf8: [UInt8]) -> (layout: [UInt8], facts: [String: String]) {
        utf8.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, buffer.count > 0 else { return ([], [:]) }
            var scanner = FastHTMLScanner(p: base, n: buffer.count)
            return scanner.run()
        }
    }

    private init(p: UnsafePointer<UInt8>, n: Int) {
        self.p = p
        self.n = n
        builder = LayoutBuilder(capacity: n / 3)
        stack.reserveCapacity(64)
        shortNames = ElementTableSnapshot.shared.shortNames
    }

    // MARK: - Main loop

    private mutating func run() -> (layout: [UInt8], facts: [String: String]) {
        skipLeadingBlanks()
        while i < n {
            if let top = stack.last, top == t.script || top == t.style {
                skipRawText(of: top)
                if i >= n { break }
            }
            let c = p[i]
            if c == 0x3C { // <
                let next: UInt8 = i + 1 < n ? p[i + 1] : 0
                if next == 0x2F {
                    parseEndTag()
                } else if next == 0x21 {
                    parseMarkupDeclaration()
                } else if next == 0x3F {
                    skipPast(0x3E, from: i + 2)
                } else if Self.isASCIILetter(next) {
                    parseStartTag()
                } else {
                    emitText(UnsafeBufferPointer(start: p + i, count: 1))
                    i += 1
                }
            } else if c == 0x26 { // &
                parseReference()
            } else {
                parseCharacterData()
            }
        }
        let layout = builder.finish()
        return (layout, builder.facts)
    }

    private mutating func skipLeadingBlanks() {
        while i < n, Self.isBlank(p[i]) { i += 1 }
    }

    // MARK: - Text

    private mutating func parseCharacterData() {
        let start = i
        i = ByteScan.firstMarkup(p, from: i, to: n)
        var k = start
        while k < i, Self.isBlank(p[k]) { k += 1 }
        if k < i { checkParagraph() }
        emitText(UnsafeBufferPointer(start: p + start, count: i - start))
    }

    @inline(__always)
    private mutating func emitText(_ text: UnsafeBufferPointer<UInt8>) {
        builder.text(text)
    }

    /// `&name;`, `&#123;`, `&#x1F;`; anything else is a literal `&`.
    private mutating func parseReference() {
        if i + 1 < n, p[i + 1] == 0x23 { // #
            var j = i + 2
            var value: UInt32 = 0
            let hex = j < n && (p[j] == 0x78 || p[j] == 0x58)
            if hex { j += 1 }
            while j < n, p[j] != 0x3B {
                let b = p[j]
                let digit: UInt32
                if b >= 0x30 && b <= 0x39 { digit = UInt32(b - 0x30) }
                else if hex && (b | 0x20) >= 0x61 && (b | 0x20) <= 0x66 { digit = UInt32((b | 0x20) - 0x61 + 10) }
                else { break }
                value = min(value &* (hex ? 16 : 10) &+ digit, 0x110000)
                j += 1
            }
            if j < n, p[j] == 0x3B { j += 1 }
            i = j
            // 128–159 name Windows-1252 characters (HTML standard; Windows1252References).
            value = Windows1252References.map(value)
            // libxml2 drops references to non-characters (0, controls, surrogates, beyond U+10FFFF).
            guard Self.isXMLChar(value), let scalar = Unicode.Scalar(value) else { return }
            checkParagraph()
            var utf8: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
            let count = withUnsafeMutableBytes(of: &utf8) { raw -> Int in
                var k = 0
                for unit in UTF8.encode(scalar)! { raw[k] = unit; k += 1 }
                return k
            }
            withUnsafeBytes(of: &utf8) { raw in
                emitText(UnsafeBufferPointer(start: raw.baseAddress!.assumingMemoryBound(to: UInt8.self), count: count))
            }
            return
        }
        // Named reference: only with its ';' and only for names in the table; otherwise '&' is text.
        var j = i + 1
        if j < n, Self.isNameStart(p[j]) {
            j += 1
            while j < n, Self.isNameChar(p[j]) { j += 1 }
            if j < n, p[j] == 0x3B, let value = entities.value(p + i + 1, j - i - 1) {
                checkParagraph()
                value.withUnsafeBufferPointer { emitText($0) }
                i = j + 1
                return
            }
        }
        checkParagraph()
        emitText(UnsafeBufferPointer(start: p + i, count: 1))
        i += 1
    }

    // MARK: - Tags

    private mutating func parseStartTag() {
        i += 1
        let (id, _) = readName(intern: true)
        var hidden = false
        var style: Range<Int>? = nil
        var nameAttribute: Range<Int>? = nil
        var selfClosing = false
        var terminated = false
        let info = t.info(id)
        while i < n {
            while i < n, Self.isBlank(p[i]) { i += 1 }
            guard i < n else { break }
            let c = p[i]
            if c == 0x3E { i += 1; terminated = true; break }
            if c == 0x2F, i + 1 < n, p[i + 1] == 0x3E { i += 2; selfClosing = true; terminated = true; break }
            guard Self.isASCIILetter(c) || c == 0x5F || c == 0x3A || c == 0x2E else {
                // A bogus attribute: skipped up to the next blank or the end of the tag, as libxml2 does.
                while i < n, !Self.isBlank(p[i]), p[i] != 0x3E, !(p[i] == 0x2F && i + 1 < n && p[i + 1] == 0x3E) {
                    i += 1
                }
                continue
            }
            let nameStart = i
            while i < n, Self.isTagNameChar(p[i]) { i += 1 }
            let attributeName = UnsafeBufferPointer(start: p + nameStart, count: i - nameStart)
            while i < n, Self.isBlank(p[i]) { i += 1 }
            var value: Range<Int>? = nil
            if i < n, p[i] == 0x3D { // =
                i += 1
                while i < n, Self.isBlank(p[i]) { i += 1 }
                if i < n, p[i] == 0x22 || p[i] == 0x27 {
                    let quote = p[i]
                    let valueStart = i + 1
                    // Style values of Word exports run to hundreds of bytes.
                    if let hit = memchr(p + valueStart, Int32(quote), n - valueStart) {
                        i = UnsafeRawPointer(hit) - UnsafeRawPointer(p)
                    } else {
                        i = n
                    }
                    value = valueStart..<i
                    if i < n { i += 1 }
                } else {
                    let valueStart = i
                    while i < n, !Self.isBlank(p[i]), p[i] != 0x3E { i += 1 }
                    value = valueStart..<i
                }
            }
            if Self.equalsIgnoringCase(attributeName, "hidden") {
                hidden = true
            } else if style == nil, Self.equalsIgnoringCase(attributeName, "style") {
                style = value ?? i..<i
            } else if info.isInlineFact, nameAttribute == nil, Self.equalsIgnoringCase(attributeName, "name") {
                nameAttribute = value
            }
        }
        if let style, ElementClassifier.styleHides(UnsafeBufferPointer(start: p + style.lowerBound, count: style.count)) {
            hidden = true
        }
        var factName: String? = nil
        if let nameAttribute {
            factName = ElementClassifier.deiFactName(
                UnsafeBufferPointer(start: p + nameAttribute.lowerBound, count: nameAttribute.count))
        }
        startElement(id, hidden: hidden, factName: factName, selfClosing: selfClosing, terminated: terminated)
    }

    private mutating func startElement(_ id: Int, hidden: Bool, factName: String?, selfClosing: Bool,
                                       terminated: Bool) {
        autoClose(for: id)
        checkImplied(for: id)
        if id == t.html && !stack.isEmpty
            || id == t.head && stack.count != 1
            || id == t.body && stack.contains(t.body) {
            discardedDepth += 1
            return
        }
        // An unterminated start tag at the end of the input opens nothing that text could follow.
        guard terminated else { return }
        push(id, hidden: hidden, factName: factName)
        if selfClosing || t.info(id).isVoid { pop() }
    }

    private mutating func parseEndTag() {
        i += 2
        guard i < n, Self.isASCIILetter(p[i]) || p[i] == 0x5F || p[i] == 0x3A || p[i] == 0x2E else {
            return // libxml2 drops a lone "</" and reads on as text
        }
        let (id, known) = readName(intern: false)
        while i < n, Self.isBlank(p[i]) { i += 1 }
        while i < n, p[i] != 0x3E { i += 1 }
        if i < n { i += 1 }
        guard known else { return }
        if discardedDepth > 0, id == t.html || id == t.body || id == t.head {
            discardedDepth -= 1
            return
        }
        guard let index = stack.lastIndex(of: id) else { return }
        let priority = t.info(id).endPriority
        for k in stride(from: stack.count - 1, to: index, by: -1)
        where t.info(stack[k]).endPriority > priority {
            return
        }
        while stack.count > index { pop() }
    }

    /// `<!-- … -->` and `<!DOCTYPE …>` are skipped; any other `<!` (e.g. `<![CDATA[`) is text in libxml2 2.9.
    private mutating func parseMarkupDeclaration() {
        if !isDoctype(at: i + 2) && !(i + 3 < n && p[i + 2] == 0x2D && p[i + 3] == 0x2D) {
            emitText(UnsafeBufferPointer(start: p + i, count: 1))
            i += 1
            return
        }
        if i + 3 < n, p[i + 2] == 0x2D, p[i + 3] == 0x2D {
            var j = i + 4
            while j + 2 < n {
                if p[j] == 0x2D, p[j + 1] == 0x2D, p[j + 2] == 0x3E { i = j + 3; return }
                j += 1
            }
            i = n // an unterminated comment swallows the rest, as in libxml2
            return
        }
        skipPast(0x3E, from: i + 2)
    }

    private func isDoctype(at start: Int) -> Bool {
        guard start + 7 <= n else { return false }
        let word: [UInt8] = Array("doctype".utf8)
        for k in 0..<7 where p[start + k] | 0x20 != word[k] { return false }
        return true
    }

    private mutating func skipPast(_ byte: UInt8, from start: Int) {
        var j = start
        while j < n, p[j] != byte { j += 1 }
        i = min(j + 1, n)
    }

    /// Skips script/style content up to `</script` (any case), which the tag parser then reads.
    private mutating func skipRawText(of id: Int) {
        let name: [UInt8] = id == t.script ? Array("script".utf8) : Array("style".utf8)
        var j = i
        while j + 1 < n {
            if p[j] == 0x3C, p[j + 1] == 0x2F, j + 2 + name.count <= n {
                var k = 0
                while k < name.count, p[j + 2 + k] | 0x20 == name[k] { k += 1 }
                if k == name.count { i = j; return }
            }
            j += 1
        }
        i = n
    }

    // MARK: - Tree repair (libxml2 2.9 HTML rules)

    private mutating func push(_ id: Int, hidden: Bool = false, factName: String? = nil) {
        if id == t.head, documentState < 3 { documentState = 3 }
        if id == t.body, documentState < 10 { documentState = 10 }
        stack.append(id)
        builder.start(t.info(id), hidden: hidden, factName: factName)
    }

    private mutating func pop() {
        stack.removeLast()
        builder.end()
    }

    private mutating func autoClose(for id: Int) {
        while let top = stack.last, t.startTag(id, closes: top) { pop() }
    }

    private mutating func checkImplied(for id: Int) {
        if id == t.html { return }
        if stack.isEmpty { push(t.html) }
        if id == t.body || id == t.head { return }
        if stack.count <= 1, id == t.script || id == t.style || id == t.meta
            || id == t.link || id == t.title || id == t.base {
            if documentState >= 3 { return }
            push(t.head)
        } else if id != t.noframes && id != t.frame && id != t.frameset {
            if documentState >= 10 { return }
            if stack.contains(t.body) || stack.contains(t.head) { return }
            push(t.body)
        }
    }

    /// Text outside any element, or directly in `html`/`head`, goes into an implied `p`.
    @inline(__always)
    private mutating func checkParagraph() {
        guard let top = stack.last else {
            openImpliedParagraph()
            return
        }
        if top == t.html || top == t.head { openImpliedParagraph() }
    }

    private mutating func openImpliedParagraph() {
        autoClose(for: t.p)
        checkImplied(for: t.p)
        push(t.p)
    }

    // MARK: - Names

    /// Reads a tag name at `i` (letters, digits, `:` `-` `_` `.`), lower-cased, and returns its id. Unknown names
    /// get fresh ids when `intern` is true; otherwise `known` is false for a name never seen in a start tag.
    private mutating func readName(intern: Bool) -> (id: Int, known: Bool) {
        let start = i
        var packed: UInt64 = 0
        while i < n, Self.isTagNameChar(p[i]) {
            let length = i - start
            if length < 8 {
                var b = p[i]
                if b >= 0x41 && b <= 0x5A { b |= 0x20 }
                packed |= UInt64(b) << (8 * UInt64(length))
            }
            i += 1
        }
        if i - start <= 8 {
            if let id = shortNames.id(packed) { return (id, true) }
            guard intern else { return (-1, false) }
            let id = t.count + unknownCount
            unknownCount += 1
            shortNames.insert(packed, id: id)
            return (id, true)
        }
        let length = min(i - start, Self.maxNameLength)
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.maxNameLength) { buffer in
            let base = buffer.baseAddress!
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            for k in 0..<length {
                var b = p[start + k]
                if b >= 0x41 && b <= 0x5A { b |= 0x20 }
                base[k] = b
                hash = (hash ^ UInt64(b)) &* 0x100_0000_01B3
            }
            if let id = t.lookup.value(base, length, hash: hash) { return (id, true) }
            if let id = unknownNames.value(base, length, hash: hash) { return (id, true) }
            guard intern else { return (-1, false) }
            let id = t.count + unknownCount
            unknownCount += 1
            unknownNames.insert(Array(UnsafeBufferPointer(start: base, count: length)), id)
            return (id, true)
        }
    }

    // MARK: - Byte classes

    @inline(__always) static func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
    @inline(__always) static func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    @inline(__always) static func isTagNameChar(_ b: UInt8) -> Bool {
        isASCIILetter(b) || (b >= 0x30 && b <= 0x39) || b == 0x3A || b == 0x2D || b == 0x5F || b == 0x2E
    }
    @inline(__always) static func isNameStart(_ b: UInt8) -> Bool { isASCIILetter(b) || b == 0x5F || b == 0x3A }
    @inline(__always) static func isNameChar(_ b: UInt8) -> Bool { isTagNameChar(b) }

    @inline(__always) static func isXMLChar(_ v: UInt32) -> Bool {
        v == 0x09 || v == 0x0A || v == 0x0D || (v >= 0x20 && v <= 0xD7FF) || (v >= 0xE000 && v <= 0xFFFD)
            || (v >= 0x10000 && v <= 0x10FFFF)
    }

    static func equalsIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        guard bytes.count == word.utf8CodeUnitCount else { return false }
        let w = word.utf8Start
        for k in 0..<bytes.count {
            var b = bytes[k]
            if b >= 0x41 && b <= 0x5A { b |= 0x20 }
            if b != w[k] { return false }
        }
        return true
    }
}
