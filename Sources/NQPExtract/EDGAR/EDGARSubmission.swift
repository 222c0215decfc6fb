/// An SEC filing as EDGAR serves it, split into its header and documents (README "SEC filings").
///
/// Layouts read (EDGAR Public Dissemination Service and the EDGAR Filer Manual, vol. II, "SGML document"):
/// - full submission `.txt`: `<SEC-DOCUMENT>` with an `<SEC-HEADER>` (since 1996), or the older `<IMS-DOCUMENT>` /
///   `<IMS-HEADER>` after a `-----BEGIN PRIVACY-ENHANCED MESSAGE-----` preamble (1993–1996); then one
///   `<DOCUMENT>` … `</DOCUMENT>` per document;
/// - the single-document wrapper (`<DOCUMENT>`, `<TYPE>`, `<SEQUENCE>`, `<FILENAME>`, `<DESCRIPTION>`, `<TEXT>`)
///   around one HTML or text document, as saved from an EDGAR document page.
/// Works on bytes; a document's content is the byte range between `<TEXT>` and `</TEXT>` (or `</DOCUMENT>`).
public struct EDGARSubmission: Sendable, Equatable {
    /// One `<DOCUMENT>` of the submission.
    public struct Document: Sendable, Equatable {
        /// `<TYPE>` as written (`10-K`, `10-K405`, `EX-13`, `GRAPHIC`).
        public var type: String
        public var sequence: Int?
        public var fileName: String?
        public var description: String?
        /// Byte range of the content inside the submission's bytes.
        public var content: Range<Int>
        /// The content is a uuencoded file (`begin 644 name`), or a `<PDF>` block: never read as text.
        public var isEncodedFile: Bool
    }

    /// `<SEC-HEADER>`/`<IMS-HEADER>` fields, nil for a bare `<DOCUMENT>` wrapper.
    public var header: EDGARHeader?
    public var documents: [Document]
    public var layout: Layout

    /// Which of the EDGAR layouts the bytes are in.
    public enum Layout: String, Sendable, Codable {
        /// `<SEC-DOCUMENT>` with `<SEC-HEADER>`.
        case secDocument = "sec_document"
        /// `<IMS-DOCUMENT>` with `<IMS-HEADER>` (and usually the privacy-enhanced-message preamble).
        case imsDocument = "ims_document"
        /// `<DOCUMENT>` … `</DOCUMENT>` without a header.
        case documentWrapper = "document_wrapper"
    }

    /// The submission in `bytes`, or nil when they do not start (after a BOM, blanks or the PEM preamble) with
    /// one of the EDGAR tags.
    public static func parse(_ bytes: [UInt8]) -> EDGARSubmission? {
        bytes.withUnsafeBufferPointer { parse($0) }
    }

    static func parse(_ p: UnsafeBufferPointer<UInt8>) -> EDGARSubmission? {
        guard let first = firstTag(p) else { return nil }
        let layout: Layout
        switch first {
        case "SEC-DOCUMENT", "SEC-HEADER": layout = .secDocument
        case "IMS-DOCUMENT", "IMS-HEADER": layout = .imsDocument
        case "DOCUMENT": layout = .documentWrapper
        default: return nil
        }
        var header: EDGARHeader?
        if layout != .documentWrapper {
            let sec = layout == .secDocument
            if let start = sec ? find("<SEC-HEADER>", in: p, from: 0) : find("<IMS-HEADER>", in: p, from: 0) {
                let end = (sec ? find("</SEC-HEADER>", in: p, from: start) : find("</IMS-HEADER>", in: p, from: start))
                    ?? find("<DOCUMENT>", in: p, from: start) ?? p.count
                header = EDGARHeader(text: String(decoding: UnsafeBufferPointer(rebasing: p[start..<end]), as: UTF8.self))
            }
        }
        var documents: [Document] = []
        var position = 0
        while let start = find("<DOCUMENT>", in: p, from: position) {
            let bodyStart = start + 10
            let end = find("</DOCUMENT>", in: p, from: bodyStart) ?? p.count
            documents.append(document(p, bodyStart..<end))
            position = min(p.count, end + 11)
        }
        guard header != nil || !documents.isEmpty else { return nil }
        return EDGARSubmission(header: header, documents: documents, layout: layout)
    }

    /// The first `<TAG>` after a BOM, blanks and the privacy-enhanced-message preamble (its lines up to the first
    /// blank line), looked for within the first 8 KB.
    private static func firstTag(_ p: UnsafeBufferPointer<UInt8>) -> String? {
        var i = 0
        if p.count >= 3, p[0] == 0xEF, p[1] == 0xBB, p[2] == 0xBF { i = 3 }
        while i < p.count, isBlank(p[i]) { i += 1 }
        if starts(with: "-----BEGIN PRIVACY-ENHANCED MESSAGE-----", in: p, at: i) {
            // The preamble ends at the first '<' that starts a line.
            var j = i
            while j < min(p.count, 8192) {
                if p[j] == 0x3C, j == 0 || p[j - 1] == 0x0A { break }
                j += 1
            }
            i = j
        }
        guard i < p.count, p[i] == 0x3C else { return nil }
        var j = i + 1
        while j < p.count, j - i < 20, p[j] != 0x3E { j += 1 }
        guard j < p.count, p[j] == 0x3E else { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: p[(i + 1)..<j]), as: UTF8.self).uppercased()
    }

    /// Reads the `<TYPE>` … `<TEXT>` lines of one document (each tag's value runs to the end of its line).
    private static func document(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Document {
        var type = "", sequence: Int?, fileName: String?, description: String?
        var i = range.lowerBound
        var contentStart = range.lowerBound
        var contentEnd = range.upperBound
        // Tag lines come first; the content starts after the `<TEXT>` line (or at the first non-tag line).
        while i < range.upperBound {
            while i < range.upperBound, isBlank(p[i]) { i += 1 }
            guard i < range.upperBound, p[i] == 0x3C else { contentStart = i; break }
            var lineEnd = i
            while lineEnd < range.upperBound, p[lineEnd] != 0x0A { lineEnd += 1 }
            let line = String(decoding: UnsafeBufferPointer(rebasing: p[i..<lineEnd]), as: UTF8.self)
            guard let close = line.firstIndex(of: ">") else { contentStart = i; break }
            let tag = line[line.index(after: line.startIndex)..<close].uppercased()
            let value = line[line.index(after: close)...].trimmingBlanks()
            switch tag {
            case "TYPE": type = value
            case "SEQUENCE": sequence = Int(value)
            case "FILENAME": fileName = value.isEmpty ? nil : value
            case "DESCRIPTION": description = value.isEmpty ? nil : value
            case "TEXT":
                contentStart = i + 6
                if let textEnd = find("</TEXT>", in: p, from: contentStart), textEnd < range.upperBound {
                    contentEnd = textEnd
                }
                i = range.upperBound
                continue
            default:
                // Not a tag line of the document head: the content starts here (a wrapper without `<TEXT>`).
                contentStart = i
                i = range.upperBound
                continue
            }
            i = lineEnd + 1
            contentStart = i
        }
        contentStart = min(contentStart, contentEnd)
        return Document(type: type, sequence: sequence, fileName: fileName, description: description,
                        content: contentStart..<contentEnd,
                        isEncodedFile: isEncodedFile(p, contentStart..<contentEnd))
    }

    /// A uuencoded file (`begin 644 name.jpg` as the first non-blank line) or a `<PDF>` block.
    static func isEncodedFile(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var i = range.lowerBound
        while i < range.upperBound, isBlank(p[i]) { i += 1 }
        if starts(with: "<PDF>", in: p, at: i) || starts(with: "<pdf>", in: p, at: i) { return true }
        guard starts(with: "begin ", in: p, at: i) else { return false }
        var j = i + 6
        var digits = 0
        while j < range.upperBound, p[j] >= 0x30, p[j] <= 0x37 { j += 1; digits += 1 }
        return (3...4).contains(digits) && j < range.upperBound && p[j] == 0x20
    }

    static func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 || b == 0x0C }

    private static func starts(with s: StaticString, in p: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        let n = s.utf8CodeUnitCount
        guard i + n <= p.count else { return false }
        let q = s.utf8Start
        for k in 0..<n where p[i + k] != q[k] { return false }
        return true
    }

    /// Offset of `needle` (ASCII, matched case-insensitively) at or after `from`.
    static func find(_ needle: StaticString, in p: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        let n = needle.utf8CodeUnitCount
        let q = needle.utf8Start
        guard n > 0, p.count >= n else { return nil }
        let first = q[0]
        var i = from
        while i + n <= p.count {
            if p[i] == first {
                var k = 1
                while k < n {
                    let a = p[i + k], b = q[k]
                    if a != b && !(a >= 0x61 && a <= 0x7A && a - 0x20 == b) { break }
                    k += 1
                }
                if k == n { return i }
            }
            i += 1
        }
        return nil
    }

    /// The report of the submission: the first document whose type is the submission's form type, else the
    /// first of the 10-K family (10-K, 10-K405, 10-KSB, 10-KT and their `/A` amendments), else the first
    /// document that is not an encoded file.
    public var mainDocumentIndex: Int? {
        let submitted = header?.formType?.uppercased()
        if let submitted, let i = documents.firstIndex(where: { $0.type.uppercased() == submitted && !$0.isEncodedFile }) {
            return i
        }
        if let i = documents.firstIndex(where: { TenKForm.isTenK($0.type) && !$0.isEncodedFile }) { return i }
        return documents.firstIndex { !$0.isEncodedFile }
    }

    /// The form type of the filing: the header's `CONFORMED SUBMISSION TYPE`, else the main document's `<TYPE>`.
    public var formType: String? {
        if let form = header?.formType, !form.isEmpty { return form }
        return mainDocumentIndex.map { documents[$0].type }.flatMap { $0.isEmpty ? nil : $0 }
    }
}

extension StringProtocol {
    func trimmingBlanks() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}

/// The 10-K family of form types.
public enum TenKForm {
    /// `10-K`, `10-K405`, `10-KSB`, `10-KSB40`, `10-KT`, `10-KT405`, `10-K/A` …, case-insensitive.
    public static func isTenK(_ type: String) -> Bool {
        let t = type.uppercased().trimmingBlanks()
        let base = t.hasSuffix("/A") ? String(t.dropLast(2)) : t
        return ["10-K", "10-K405", "10-KSB", "10-KSB40", "10-KT", "10-KT405", "10-KSB405"].contains(base)
    }

    /// Small-business forms (10-KSB) number their items differently (Item 6 is the MD&A).
    public static func isSmallBusiness(_ type: String) -> Bool {
        type.uppercased().hasPrefix("10-KSB")
    }
}
