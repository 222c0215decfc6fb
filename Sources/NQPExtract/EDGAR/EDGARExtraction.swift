import Foundation
import NQPEncoding

/// What the extractor knows about a report that came as an EDGAR submission or wrapper.
struct EDGARContext {
    var header: EDGARHeader?
    var formType: String?
    var documents: [SubmissionDocument]
    var exhibits: [ExhibitText]
    /// Scope name (`document:EX-13`) → match text, for every read document.
    var documentTexts: [String: String]
}

extension ReportExtractor {
    /// Document types that are never narrative text: XBRL, graphics, spreadsheets, archives.
    static func isNonTextType(_ type: String) -> Bool {
        let t = type.uppercased()
        return t.hasPrefix("EX-101") || t == "XML" || t == "GRAPHIC" || t == "ZIP" || t == "EXCEL" || t == "JSON"
            || t == "PDF"
    }

    /// Extracts an EDGAR full submission or single-document wrapper: the main document is the report, the other
    /// documents are read as exhibits (uuencoded files and non-text types are listed, never decoded).
    func extractSubmission(_ input: ReportInput, submission: EDGARSubmission) throws(ExtractError) -> ExtractedReport {
        guard let mainIndex = submission.mainDocumentIndex else {
            throw .parserFailure(path: input.path, reason: "EDGAR submission without a readable <DOCUMENT> "
                + "(\(submission.documents.count) document(s), all uuencoded or empty); nothing to read")
        }
        var documents: [SubmissionDocument] = []
        var exhibits: [ExhibitText] = []
        var texts: [String: String] = [:]
        var main: DecodedDocument?
        for (index, doc) in submission.documents.enumerated() {
            var info = SubmissionDocument(type: doc.type, sequence: doc.sequence, fileName: doc.fileName,
                                          description: doc.description, status: .read, chars: nil)
            if index == mainIndex {
                info.status = .report
                main = try decodeDocument(input, doc)
                documents.append(info)
                continue
            }
            if doc.isEncodedFile {
                info.status = .encodedFile
            } else if Self.isNonTextType(doc.type) || doc.content.isEmpty {
                info.status = .notText
            } else if let decoded = try? decodeDocument(input, doc) {
                let normalized = MatchText.normalizeWithMap(decoded.layoutText)
                info.chars = normalized.scalarCount
                exhibits.append(ExhibitText(type: doc.type, layout: decoded.layoutText, normalized: normalized))
                let key = "document:" + doc.type.uppercased()
                if texts[key] == nil { texts[key] = normalized.text }
            } else {
                info.status = .notText
            }
            documents.append(info)
        }
        guard var document = main else {
            throw .parserFailure(path: input.path, reason: "EDGAR main document could not be read")
        }
        document.byteCount = input.bytes.count
        let context = EDGARContext(header: submission.header, formType: submission.formType, documents: documents,
                                   exhibits: exhibits, documentTexts: texts)
        return assemble(input: input, document: document, edgar: context)
    }

    /// Decodes one document of the submission: HTML when its file name says so or it holds `<html>`/`<body>`,
    /// else EDGAR plain text (its `<PAGE>`, `<TABLE>`, `<S>`, `<C>` … markup removed). Bytes that are not UTF-8
    /// are Windows-1252 (EDGAR accepts ASCII and, in HTML, Latin-1/Windows-1252), never the GB18030 fallback.
    private func decodeDocument(_ input: ReportInput, _ doc: EDGARSubmission.Document) throws(ExtractError) -> DecodedDocument {
        var bytes = Array(input.bytes[doc.content])
        let isHTML = Self.looksHTML(fileName: doc.fileName, bytes: bytes)
        if !isHTML { bytes = Self.stripTextMarkup(bytes) }
        let name = (doc.fileName.map { ReportFormat.lastComponent(of: $0) } ?? doc.type)
        let fileName = isHTML ? (name.lowercased().hasSuffix(".htm") || name.lowercased().hasSuffix(".html") ? name : name + ".htm")
            : name + ".txt"
        let part = ReportInput(path: input.path, fileName: fileName, bytes: bytes.isEmpty ? [0x0A] : bytes)
        var decoder = DocumentDecoder(forcedEncoding: options.forcedEncoding, parser: options.parser)
        var decoded = try decoder.decode(part)
        if options.forcedEncoding == nil, case .fallback = decoded.encoding.source {
            decoder.forcedEncoding = TextEncoding(label: "windows-1252")
            decoded = try decoder.decode(part)
            decoded.warnings = decoded.warnings.filter { !$0.hasPrefix("encoding forced") }
            decoded.warnings.insert("not UTF-8 and no declaration: decoded as Windows-1252 (EDGAR documents are "
                + "ASCII or Windows-1252)", at: 0)
        }
        return decoded
    }

    static func looksHTML(fileName: String?, bytes: [UInt8]) -> Bool {
        if let name = fileName?.lowercased(), name.hasSuffix(".htm") || name.hasSuffix(".html") || name.hasSuffix(".xhtml") {
            return true
        }
        if let name = fileName?.lowercased(), name.hasSuffix(".txt") { return false }
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self).lowercased()
        return head.contains("<html") || head.contains("<body") || head.contains("<!doctype html")
    }

    /// EDGAR plain-text markup that is not text: `<PAGE>`, `<TABLE>`, `<CAPTION>`, `<S>`, `<C>`, `<FN>`, `<F1>` and
    /// their closing tags (any case), removed byte by byte (the bytes may not be UTF-8).
    static func stripTextMarkup(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(0x3C) else { return bytes }
        let names: Set<String> = ["PAGE", "TABLE", "CAPTION", "S", "C", "FN"]
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x3C {
                var j = i + 1
                if j < bytes.count, bytes[j] == 0x2F { j += 1 }
                let nameStart = j
                while j < bytes.count, j - nameStart < 8, (bytes[j] | 0x20) >= 0x61 && (bytes[j] | 0x20) <= 0x7A
                        || (j > nameStart && bytes[j] >= 0x30 && bytes[j] <= 0x39) { j += 1 }
                if j < bytes.count, bytes[j] == 0x3E, j > nameStart {
                    let name = String(decoding: bytes[nameStart..<j], as: UTF8.self).uppercased()
                    let isFootnote = name.count >= 2 && name.first == "F" && name.dropFirst().allSatisfy(\.isNumber)
                    if names.contains(name) || isFootnote { i = j + 1; continue }
                }
            }
            out.append(bytes[i])
            i += 1
        }
        return out
    }

    /// Items, MD&A and their texts for an English 10-K, with the EDGAR context when there is one.
    func tenKSections(layout: String, normalized: NormalizedText, facts: [String: String],
                      edgar: EDGARContext?, period: CalendarDate?) -> TenKSections? {
        let formType = edgar?.formType ?? facts["DocumentType"]
        if let formType, !TenKForm.isTenK(formType) { return nil }
        return TenKSections.analyze(layout: layout, normalized: normalized, formType: formType, period: period,
                                    patterns: options.sectionPatterns, minimum: options.minimumEnglishMDNAChars,
                                    exhibits: edgar?.exhibits ?? [])
    }
}
