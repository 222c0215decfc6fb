import Foundation

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
    /// Whether an inline style hides the element (`display:none`, `visibility:hidden`, any case and spacing:
    /// the needle must occur in the style with its blanks removed and ASCII lower-cased).
    ///
    /// Every `<span style=…>` of a Word export comes through here, so the test runs in place: each needle has
    /// one `:`, so it occurs exactly when some `:` of the style has the needle's property name in its preceding
    /// non-blank bytes and the value in its following ones.
    static func styleHides(_ style: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = style.baseAddress else { return false }
        var k = 0
        while k < style.count, let hit = memchr(base + k, 0x3A, style.count - k) {
            let colon = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
            if around(style, colon, before: "display", after: "none")
                || around(style, colon, before: "visibility", after: "hidden") {
                return true
            }
            k = colon + 1
        }
        return false
    }

    @inline(__always)
    private static func isStyleBlank(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C
    }

    @inline(__always)
    private static func lowercased(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

    /// Whether the non-blank bytes before `colon` end with `before` and those after it start with `after`.
    private static func around(_ style: UnsafeBufferPointer<UInt8>, _ colon: Int, before: StaticString,
                               after: StaticString) -> Bool {
        var j = colon + 1
        let value = after.utf8Start
        for m in 0..<after.utf8CodeUnitCount {
            while j < style.count, isStyleBlank(style[j]) { j += 1 }
            guard j < style.count, lowercased(style[j]) == value[m] else { return false }
            j += 1
        }
        j = colon - 1
        let name = before.utf8Start
        for m in stride(from: before.utf8CodeUnitCount - 1, through: 0, by: -1) {
            while j >= 0, isStyleBlank(style[j]) { j -= 1 }
            guard j >= 0, lowercased(style[j]) == name[m] else { return false }
            j -= 1
        }
        return true
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
