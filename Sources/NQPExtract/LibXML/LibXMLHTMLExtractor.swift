internal import CLibXML2

/// The reference path: libxml2's HTML parser (SAX, no tree) on pre-decoded UTF-8, feeding the same
/// `LayoutBuilder` as the fast scanner. The only file that holds libxml2 pointers.
enum LibXMLHTMLExtractor {
    /// Receives libxml2's SAX events; travels through `ctxt->userData` (C callbacks cannot capture).
    private final class Sink {
        var builder: LayoutBuilder
        init(capacity: Int) { builder = LayoutBuilder(capacity: capacity) }
    }

    /// RECOVER: repair like a browser; IGNORE_ENC: the bytes are already UTF-8 whatever the meta says (a
    /// `gb2312` label would otherwise make libxml2 stop at the first GBK-only character); NONET: no fetching.
    private static let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
        | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_IGNORE_ENC.rawValue
        | HTML_PARSE_COMPACT.rawValue)

    /// Extracts layout text and dei: facts from UTF-8 HTML with libxml2.
    static func extract(_ utf8: [UInt8], path: String) throws(ExtractError) -> (layout: [UInt8], facts: [String: String]) {
        guard !utf8.isEmpty else { return ([], [:]) }
        // libxml2 2.9 keeps `&#146;` as U+0092; HTML maps 128–159 to Windows-1252 (as the fast scanner does).
        if let rewritten = Windows1252References.rewrite(utf8) { return try extract(rewritten, path: path) }
        guard utf8.count < Int(Int32.max) else {
            throw .tooLarge(path: path, byteCount: utf8.count, limit: Int(Int32.max))
        }
        let sink = Sink(capacity: utf8.count / 3)
        let parsed: Bool = utf8.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                guard let ctxt = htmlCreateMemoryParserCtxt(chars.baseAddress, Int32(chars.count)) else { return false }
                defer { htmlFreeParserCtxt(ctxt) }
                ctxt.pointee.sax.pointee = makeHandler()
                ctxt.pointee.userData = Unmanaged.passUnretained(sink).toOpaque()
                _ = htmlCtxtUseOptions(ctxt, options)
                _ = xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8)
                _ = htmlParseDocument(ctxt)
                if let doc = ctxt.pointee.myDoc {
                    xmlFreeDoc(doc)
                    ctxt.pointee.myDoc = nil
                }
                return true
            }
        }
        guard parsed else { throw .parserFailure(path: path, reason: "libxml2 could not create a parser (out of memory?)") }
        let layout = sink.builder.finish()
        return (layout, sink.builder.facts)
    }

    private static func sink(_ ctx: UnsafeMutableRawPointer?) -> Sink? {
        guard let ctx else { return nil }
        return Unmanaged<Sink>.fromOpaque(ctx).takeUnretainedValue()
    }

    private static func makeHandler() -> htmlSAXHandler {
        var handler = htmlSAXHandler()
        handler.initialized = 1
        handler.startElement = { ctx, name, attributes in
            guard let sink = LibXMLHTMLExtractor.sink(ctx), let name else { return }
            let length = Int(xmlStrlen(name))
            let info = ElementTable.lookup.value(name, length).map(ElementTable.info) ?? ElementInfo(id: -1)
            var hidden = false
            var factName: String? = nil
            if var cursor = attributes {
                while let attributeName = cursor.pointee {
                    let value = (cursor + 1).pointee
                    let nameBytes = UnsafeBufferPointer(start: attributeName, count: Int(xmlStrlen(attributeName)))
                    if FastHTMLScanner.equalsIgnoringCase(nameBytes, "hidden") {
                        hidden = true
                    } else if let value, FastHTMLScanner.equalsIgnoringCase(nameBytes, "style") {
                        if ElementClassifier.styleHides(UnsafeBufferPointer(start: value, count: Int(xmlStrlen(value)))) {
                            hidden = true
                        }
                    } else if let value, info.isInlineFact, factName == nil,
                              FastHTMLScanner.equalsIgnoringCase(nameBytes, "name") {
                        factName = ElementClassifier.deiFactName(UnsafeBufferPointer(start: value, count: Int(xmlStrlen(value))))
                    }
                    cursor += 2
                }
            }
            sink.builder.start(info, hidden: hidden, factName: factName)
        }
        handler.endElement = { ctx, _ in
            LibXMLHTMLExtractor.sink(ctx)?.builder.end()
        }
        let characters: charactersSAXFunc = { ctx, text, length in
            guard let sink = LibXMLHTMLExtractor.sink(ctx), let text, length > 0 else { return }
            sink.builder.text(UnsafeBufferPointer(start: text, count: Int(length)))
        }
        handler.characters = characters
        handler.ignorableWhitespace = characters
        // script/style bodies arrive here; they are never visible text.
        handler.cdataBlock = { _, _, _ in }
        return handler
    }
}
