/// What kind of document a report is; decides which text rules apply (README "Reading reports").
public enum ReportFormat: String, Codable, Sendable, CaseIterable {
    /// HTML, including HTML inline XBRL served as `.htm`.
    case html
    /// XHTML (inline XBRL 10-Ks): parsed with the HTML rules.
    case xhtml
    /// XML, e.g. an XBRL instance: the text of every element, escaped-HTML text blocks re-read as HTML.
    case xml
    /// Plain text (PDF conversions).
    case text
    /// PDF, read with MuPDF (README "PDF reports").
    case pdf

    /// The format of a report named `fileName` with these (decompressed) bytes: by extension after stripping
    /// `.gz` (`.html .htm` → html, or xhtml when the file starts with an XML declaration; `.xhtml` → xhtml;
    /// `.xml` → xml, `.txt` → text), else by looking at the content.
    public static func detect(fileName: String, bytes: [UInt8]) -> ReportFormat {
        var name = fileName.lowercased()
        if name.hasSuffix(".gz") { name.removeLast(3) }
        // A file starting with the PDF signature is a PDF whatever its name; a `.pdf` without the signature is
        // still given to the PDF reader, which names what is wrong with it.
        if name.hasSuffix(".pdf") || bytes.starts(with: Array("%PDF-".utf8)) { return .pdf }
        if name.hasSuffix(".xhtml") { return .xhtml }
        if name.hasSuffix(".html") || name.hasSuffix(".htm") {
            return startsWithXMLDeclaration(bytes) ? .xhtml : .html
        }
        if name.hasSuffix(".xml") { return .xml }
        if name.hasSuffix(".txt") || name.hasSuffix(".text") { return .text }
        return sniff(bytes)
    }

    /// Guesses the format from the first 4 KB: the PDF signature in the first 1,024 bytes → pdf, markup with HTML
    /// elements → html/xhtml, other XML → xml, else text.
    public static func sniff(_ bytes: [UInt8]) -> ReportFormat {
        if isPDF(bytes) { return .pdf }
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self).lowercased()
        let looksHTML = ["<html", "<!doctype html", "<body", "<head", "<div", "<p>", "<p ", "<br", "<table",
                         "<span", "<meta"].contains { head.contains($0) }
        if startsWithXMLDeclaration(bytes) { return looksHTML ? .xhtml : .xml }
        if looksHTML { return .html }
        let trimmed = head.drop { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == "\u{FEFF}" }
        if trimmed.hasPrefix("<") && head.contains("</") { return .xml }
        return .text
    }

    /// Whether the bytes carry the PDF signature `%PDF-` in their first 1,024 bytes (where readers accept it).
    public static func isPDF(_ bytes: [UInt8]) -> Bool {
        let signature: [UInt8] = Array("%PDF-".utf8)
        let head = bytes.prefix(1024)
        guard head.count >= signature.count else { return false }
        var index = head.startIndex
        while index <= head.endIndex - signature.count {
            if head[index] == 0x25 && head[index..<(index + signature.count)].elementsEqual(signature) { return true }
            index += 1
        }
        return false
    }

    static func startsWithXMLDeclaration(_ bytes: [UInt8]) -> Bool {
        var i = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
        let prefix = Array("<?xml".utf8)
        return bytes.count >= i + prefix.count && Array(bytes[i..<(i + prefix.count)]) == prefix
    }

    static func lastComponent(of path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? path
    }
}

/// Which HTML parser produces the layout text.
public enum MarkupParser: String, Codable, Sendable, CaseIterable {
    /// The purpose-built byte scanner (default; several times faster).
    case fast
    /// libxml2's HTML parser, the reference the fast scanner is tested against.
    case libxml2
}
