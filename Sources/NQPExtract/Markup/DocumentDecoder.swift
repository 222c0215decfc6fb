public import NQPEncoding

/// Bytes → Unicode → layout text: sniffs the encoding (BOM, forced, declared, UTF-8, GB18030), decodes (invalid
/// sequences become U+FFFD and are counted) and extracts the visible text with the chosen parser.
public struct DocumentDecoder: Sendable {
    public var forcedEncoding: TextEncoding?
    public var parser: MarkupParser

    public init(forcedEncoding: TextEncoding? = nil, parser: MarkupParser = .fast) {
        self.forcedEncoding = forcedEncoding
        self.parser = parser
    }

    public func decode(_ input: ReportInput) throws(ExtractError) -> DecodedDocument {
        let bytes = input.bytes
        guard !bytes.isEmpty else { throw .emptyFile(path: input.path) }
        try BinarySniffer.check(bytes, path: input.path, allowNUL: TextQuality.hasWideCodeUnits(forcedEncoding))
        let format = ReportFormat.detect(fileName: input.fileName, bytes: bytes)

        if let forcedEncoding, !forcedEncoding.isSupported {
            throw .unsupportedEncoding(path: input.path, label: forcedEncoding.name)
        }
        let declared: String? = switch format {
        case .html, .xhtml: EncodingSniffer.declaredLabel(inHTMLOrXML: bytes)
        case .xml: bytes.withUnsafeBytes { EncodingSniffer.xmlDeclarationLabel(in: $0) }
        case .text: nil
        }
        let decision = EncodingSniffer.decide(bytes: bytes, forced: forcedEncoding, declaredLabel: declared)
        let decoded: DecodedBytes
        if case .validUTF8 = decision.source {
            // The sniffer has just validated every byte (and there is no byte-order mark): nothing to repair.
            decoded = DecodedBytes(utf8: bytes, decodeErrors: 0)
        } else {
            do {
                decoded = try TextDecoder.decode(bytes, as: decision.encoding)
            } catch {
                throw .unsupportedEncoding(path: input.path, label: decision.encoding.name)
            }
        }
        try TextQuality.check(decoded, original: bytes, encoding: decision.encoding, path: input.path)
        var warnings = Self.warnings(declared: declared, decision: decision, decodeErrors: decoded.decodeErrors)

        let layout: [UInt8]
        var facts: [String: String] = [:]
        switch format {
        case .html, .xhtml:
            (layout, facts) = try extractHTML(decoded.utf8, path: input.path)
        case .xml:
            let path = input.path
            let parser = self.parser
            (layout, facts) = try XMLTextExtractor.extract(decoded.utf8) { (html: [UInt8]) throws(ExtractError) in
                try Self.extractHTML(html, path: path, parser: parser).layout
            }
        case .text:
            layout = PlainText.layout(decoded.utf8)
        }
        if layout.isEmpty { warnings.append("no visible text found") }
        return DecodedDocument(format: format, encoding: decision, byteCount: bytes.count,
                               decodeErrors: decoded.decodeErrors,
                               layoutText: String(decoding: layout, as: UTF8.self),
                               facts: facts, warnings: warnings)
    }

    private func extractHTML(_ utf8: [UInt8], path: String) throws(ExtractError) -> (layout: [UInt8], facts: [String: String]) {
        try Self.extractHTML(utf8, path: path, parser: parser)
    }

    static func extractHTML(_ utf8: [UInt8], path: String,
                            parser: MarkupParser) throws(ExtractError) -> (layout: [UInt8], facts: [String: String]) {
        switch parser {
        case .fast: return FastHTMLScanner.extract(utf8)
        case .libxml2: return try LibXMLHTMLExtractor.extract(utf8, path: path)
        }
    }

    static func warnings(declared: String?, decision: EncodingDecision, decodeErrors: Int) -> [String] {
        var warnings: [String] = []
        if let declared {
            let mapped = TextEncoding(label: declared)
            if mapped == nil || mapped?.isSupported == false {
                warnings.append("declared encoding \"\(declared)\" is unknown; decoded as \(decision.encoding.name)")
            } else if case .declared = decision.source, mapped == .gb18030,
                      declared.lowercased() != "gb18030" {
                warnings.append("declared \"\(declared)\" but decoded as GB18030 (its superset; "
                    + "characters outside \(declared) such as 镕 and 喆 are kept)")
            } else if case .forced = decision.source, mapped != decision.encoding {
                warnings.append("encoding forced to \(decision.encoding.name), but the document declares \"\(declared)\"")
            }
        }
        switch decision.source {
        case .fallback:
            warnings.append("no encoding declared and the bytes are not UTF-8: decoded as GB18030")
        case .mostlyUTF8:
            warnings.append("no encoding declared; decoded as UTF-8 although some byte sequences are invalid")
        default:
            break
        }
        if decodeErrors > 0 {
            warnings.append("\(decodeErrors) invalid byte sequence\(decodeErrors == 1 ? "" : "s") replaced by U+FFFD")
        }
        return warnings
    }
}

/// Refuses files that are clearly not text reports (PDF, images, Office, executables, NUL-filled data).
enum BinarySniffer {
    /// `allowNUL`: an encoding with 16- or 32-bit code units was forced (BOM-less UTF-16 is full of NULs).
    static func check(_ bytes: [UInt8], path: String, allowNUL: Bool = false) throws(ExtractError) {
        let signatures: [(magic: [UInt8], what: String)] = [
            (Array("%PDF".utf8), "a PDF file"), ([0x89, 0x50, 0x4E, 0x47], "a PNG image"),
            (Array("GIF8".utf8), "a GIF image"), ([0xFF, 0xD8, 0xFF], "a JPEG image"),
            ([0xD0, 0xCF, 0x11, 0xE0], "an old Office document"), ([0x7F, 0x45, 0x4C, 0x46], "an executable"),
            ([0x50, 0x4B, 0x03, 0x04], "a zip archive (e.g. .docx) inside a report"), ([0x1F, 0x8B], "gzip data"),
        ]
        for signature in signatures where bytes.starts(with: signature.magic) {
            throw .binaryContent(path: path, byteOffset: 0, reason: "it is \(signature.what)")
        }
        let hasUTF16Mark = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
        guard !hasUTF16Mark, !allowNUL else { return }
        let head = bytes.prefix(4096)
        if let firstNUL = head.firstIndex(of: 0), head.lazy.filter({ $0 == 0 }).count * 10 > head.count {
            throw .binaryContent(path: path, byteOffset: firstNUL, reason: "it contains NUL bytes")
        }
    }
}
