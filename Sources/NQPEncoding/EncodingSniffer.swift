/// Decides how to decode a document: byte-order mark, then the forced encoding, then the document's own
/// declaration, then UTF-8 if the bytes are (essentially) UTF-8, then GB18030.
public enum EncodingSniffer {
    /// The byte-order mark at the start of `bytes`, if any, and its length.
    public static func byteOrderMark(in bytes: UnsafeRawBufferPointer) -> (encoding: TextEncoding, length: Int)? {
        let n = bytes.count
        if n >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { return (.utf8, 3) }
        if n >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE { return (.utf16LittleEndian, 2) }
        if n >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF { return (.utf16BigEndian, 2) }
        if n >= 4, bytes[0] == 0x84, bytes[1] == 0x31, bytes[2] == 0x95, bytes[3] == 0x33 { return (.gb18030, 4) }
        return nil
    }

    /// Chooses the encoding of `bytes`.
    /// - Parameters:
    ///   - forced: the user's choice; wins over everything except a byte-order mark.
    ///   - declaredLabel: the document's own label (see `declaredLabel(inHTMLOrXML:)`); ignored when it names
    ///     no encoding this system can decode.
    public static func decide(bytes: [UInt8], forced: TextEncoding? = nil,
                              declaredLabel: String? = nil) -> EncodingDecision {
        bytes.withUnsafeBytes { decide(buffer: $0, forced: forced, declaredLabel: declaredLabel) }
    }

    /// Chooses the encoding of the bytes in `buffer` (see `decide(bytes:forced:declaredLabel:)`).
    public static func decide(buffer: UnsafeRawBufferPointer, forced: TextEncoding? = nil,
                              declaredLabel: String? = nil) -> EncodingDecision {
        if let bom = byteOrderMark(in: buffer) {
            return EncodingDecision(encoding: bom.encoding, source: .byteOrderMark)
        }
        if let forced {
            return EncodingDecision(encoding: forced, source: .forced)
        }
        if let declaredLabel, var declared = TextEncoding(label: declaredLabel), declared.isSupported {
            // A UTF-16 label inside ASCII-compatible markup cannot be true (WHATWG reads it as UTF-8).
            if declared == .utf16LittleEndian || declared == .utf16BigEndian { declared = .utf8 }
            return EncodingDecision(encoding: declared, source: .declared(label: declaredLabel))
        }
        let survey = UTF8Validation.survey(buffer, invalidLimit: 64)
        if survey.invalid == 0 {
            return EncodingDecision(encoding: .utf8, source: .validUTF8)
        }
        // A handful of damaged sequences among many good ones (a truncated download, one stray byte) is still
        // UTF-8; GBK text forms valid UTF-8 multi-byte sequences only by accident.
        if survey.multibyte >= 16, survey.invalid <= max(1, survey.multibyte / 100) {
            return EncodingDecision(encoding: .utf8, source: .mostlyUTF8)
        }
        return EncodingDecision(encoding: .gb18030, source: .fallback)
    }

    /// The encoding label a document declares: the XML declaration's `encoding`, else `<meta charset>` or a
    /// `<meta http-equiv content="…; charset=…">`, searched in the first 4 KB and, failing that, up to the first
    /// `<body` within the first 64 KB (Word exports put long style blocks before their meta).
    public static func declaredLabel(inHTMLOrXML bytes: [UInt8]) -> String? {
        bytes.withUnsafeBytes { declaredLabel(inHTMLOrXML: $0) }
    }

    /// See `declaredLabel(inHTMLOrXML:)`.
    public static func declaredLabel(inHTMLOrXML buffer: UnsafeRawBufferPointer) -> String? {
        if let label = xmlDeclarationLabel(in: buffer) { return label }
        return MetaCharsetScanner(buffer: buffer, limit: 64 * 1024).firstLabel()
    }

    /// The `encoding="…"` of an XML declaration at the start of the bytes (after an optional UTF-8 BOM and
    /// whitespace), if any.
    public static func xmlDeclarationLabel(in buffer: UnsafeRawBufferPointer) -> String? {
        var i = 0
        let n = min(buffer.count, 1024)
        if n >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { i = 3 }
        while i < n, MetaCharsetScanner.isSpace(buffer[i]) { i += 1 }
        let prefix: [UInt8] = Array("<?xml".utf8)
        guard i + prefix.count < n else { return nil }
        for (k, b) in prefix.enumerated() where buffer[i + k] != b { return nil }
        i += prefix.count
        var end = i
        while end + 1 < n, !(buffer[end] == UInt8(ascii: "?") && buffer[end + 1] == UInt8(ascii: ">")) { end += 1 }
        let scanner = MetaCharsetScanner(buffer: buffer, limit: n)
        var attributes = scanner.attributes(from: i, to: end)
        return attributes.removeValue(forKey: "encoding")
    }

}
