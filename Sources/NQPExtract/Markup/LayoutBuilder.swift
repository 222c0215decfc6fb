/// Turns a properly nested stream of element and text events into layout text and dei: facts. Both HTML parsers
/// (the fast scanner and the libxml2 reference) feed this one builder, so they can only differ in how they repair
/// the element tree, never in the text rules.
struct LayoutBuilder {
    private struct Frame {
        var isBlock: Bool
        var isDropped: Bool
        var isPreformatted: Bool
        var capturesFact: Bool
    }

    private var writer: LayoutWriter
    private var stack: [Frame] = []
    private var droppedDepth = 0
    private var preformattedDepth = 0
    private var captures: [(name: String, text: LayoutWriter)] = []
    private(set) var facts: [String: String] = [:]

    init(capacity: Int = 0) {
        writer = LayoutWriter(capacity: capacity)
        stack.reserveCapacity(64)
    }

    /// An element starts. `hidden`: it has a `hidden` attribute or an inline style hiding it.
    /// `factName`: the local name of a `dei:` fact it carries (`EntityCentralIndexKey`), if any.
    mutating func start(_ info: ElementInfo, hidden: Bool, factName: String?) {
        let dropped = info.isDropped || hidden
        let frame = Frame(isBlock: info.isBlock, isDropped: dropped, isPreformatted: info.isPreformatted,
                          capturesFact: factName != nil)
        if frame.isBlock && droppedDepth == 0 && !dropped { writer.breakLine() }
        if dropped { droppedDepth += 1 }
        if frame.isPreformatted { preformattedDepth += 1 }
        if let factName { captures.append((factName, LayoutWriter())) }
        stack.append(frame)
    }

    /// The innermost open element ends.
    mutating func end() {
        guard let frame = stack.popLast() else { return }
        if frame.isDropped { droppedDepth -= 1 }
        if frame.isPreformatted { preformattedDepth -= 1 }
        if frame.isBlock && droppedDepth == 0 && !frame.isDropped { writer.breakLine() }
        if frame.capturesFact, var capture = captures.popLast() {
            let value = String(decoding: capture.text.finish(), as: UTF8.self)
            if facts[capture.name] == nil, !value.isEmpty { facts[capture.name] = value }
        }
    }

    /// Character data (already entity-decoded UTF-8).
    @inline(__always)
    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        if droppedDepth == 0 { writer.append(bytes, preformatted: preformattedDepth > 0) }
        if !captures.isEmpty {
            for k in captures.indices { captures[k].text.append(bytes) }
        }
    }

    /// Closes every open element and returns the layout text.
    mutating func finish() -> [UInt8] {
        while !stack.isEmpty { end() }
        return writer.finish()
    }
}

/// Attribute rules shared by both parsers.
enum ElementClassifier {
    /// Whether an inline style hides the element (`display:none`, `visibility:hidden`, any case and spacing).
    /// Every `<span style=…>` of a Word export comes through here, so it compares in place: a match of the
    /// needle in the style with blanks removed and ASCII lower-cased starts at a non-blank byte and skips blanks.
    static func styleHides(_ style: UnsafeBufferPointer<UInt8>) -> Bool {
        mayHide(style) && (contains(style, "display:none") || contains(style, "visibility:hidden"))
    }

    /// A necessary condition, cheap to test: some `:` is followed (after blanks) by `n` (none) or `h` (hidden).
    private static func mayHide(_ style: UnsafeBufferPointer<UInt8>) -> Bool {
        var k = 0
        while k < style.count {
            if style[k] == 0x3A {
                var j = k + 1
                while j < style.count, isStyleBlank(style[j]) { j += 1 }
                if j < style.count, style[j] | 0x20 == 0x6E || style[j] | 0x20 == 0x68 { return true }
            }
            k += 1
        }
        return false
    }

    @inline(__always)
    private static func isStyleBlank(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C
    }

    private static func contains(_ style: UnsafeBufferPointer<UInt8>, _ needle: StaticString) -> Bool {
        let n = needle.utf8CodeUnitCount
        let word = needle.utf8Start
        let first = word[0]
        var start = 0
        while start < style.count {
            let b = style[start]
            if (b >= 0x41 && b <= 0x5A ? b | 0x20 : b) == first {
                var k = 1
                var j = start + 1
                while k < n {
                    while j < style.count, isStyleBlank(style[j]) { j += 1 }
                    guard j < style.count else { return false }
                    let c = style[j]
                    if (c >= 0x41 && c <= 0x5A ? c | 0x20 : c) != word[k] { break }
                    k += 1
                    j += 1
                }
                if k == n { return true }
            }
            start += 1
        }
        return false
    }

    /// The local name of a `dei:` fact named in an ix element's `name` attribute (`dei:DocumentType` →
    /// `DocumentType`).
    static func deiFactName(_ nameAttribute: UnsafeBufferPointer<UInt8>) -> String? {
        guard nameAttribute.count > 4 else { return nil }
        let lower = nameAttribute.prefix(4).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        guard lower == Array("dei:".utf8) else { return nil }
        return String(decoding: nameAttribute.dropFirst(4), as: UTF8.self)
    }
}
