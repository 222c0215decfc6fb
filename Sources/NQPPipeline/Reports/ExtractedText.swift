import NQPExtract
import NQPLexicon

/// One report after the extract stage, reduced to what counting needs: the match text, the MD&A's place in it,
/// sections, PDF pages, the XBRL facts (firm and year are decided at count time, so identity rules and the
/// manifest are counting settings), and the extraction's warnings. It is what the text cache keeps
/// (README "Text cache"), and the fresh path goes through it too, so a re-count from the cache is the same
/// computation as a run that reads the report.
struct ExtractedText: Sendable, Equatable {
    /// `archive.zip/member` tail of the input's path after the file's own path; empty for a whole file.
    var memberSuffix: String
    /// The name firm and year are read from (a member's own name; a `.gz` without its suffix).
    var fileName: String
    /// The report's SHA-256: a whole file's (as the state store hashed it), a zip member's own bytes'.
    var sha256: String
    var format: ReportFormat
    var encoding: String
    var encodingSource: String
    var byteCount: Int
    var decodeErrors: Int
    var chars: Int
    var sections: [Section]
    var facts: [String: String]
    var warnings: [String]
    var pages: PageMap?
    /// UTF-8 byte range of the MD&A in `matchText`; nil when no plausible MD&A was found.
    var mdnaBytes: Range<Int>?
    /// The match text as UTF-8 bytes, which is what counting reads: a text inflated from the cache is counted as
    /// it is, without being validated and decoded into a `String` first (the entry's checksum vouches for it).
    var matchUTF8: [UInt8]
    var matchText: String { String(decoding: matchUTF8, as: UTF8.self) }
    /// The layout text; only needed to find excluded chapters, so the cache reads it only then (nil otherwise).
    var layoutText: String?
    /// What firm, year, form type and company are decided from (with path, name and facts) at count time.
    var identityEvidence = IdentityEvidence()
    /// Full report, summary, English version …, and whether corrected or cancelled.
    var document = DocumentClass.assumed
    /// Match text of the other scopes (`item:7`, `document:EX-13`), as `ExtractedReport.scopeTexts`.
    var scopeTexts: [String: String] = [:]
    /// The MD&A's own text when it is not a range of `matchText` (an EDGAR MD&A from an EX-13 exhibit).
    var mdnaText: String?

    init(memberSuffix: String, fileName: String, sha256: String, format: ReportFormat, encoding: String,
         encodingSource: String, byteCount: Int, decodeErrors: Int, chars: Int, sections: [Section],
         facts: [String: String], warnings: [String], pages: PageMap?, mdnaBytes: Range<Int>?,
         matchText: String, layoutText: String?) {
        self.init(memberSuffix: memberSuffix, fileName: fileName, sha256: sha256, format: format, encoding: encoding,
                  encodingSource: encodingSource, byteCount: byteCount, decodeErrors: decodeErrors, chars: chars,
                  sections: sections, facts: facts, warnings: warnings, pages: pages, mdnaBytes: mdnaBytes,
                  matchUTF8: Array(matchText.utf8), layoutText: layoutText)
    }

    init(memberSuffix: String, fileName: String, sha256: String, format: ReportFormat, encoding: String,
         encodingSource: String, byteCount: Int, decodeErrors: Int, chars: Int, sections: [Section],
         facts: [String: String], warnings: [String], pages: PageMap?, mdnaBytes: Range<Int>?,
         matchUTF8: [UInt8], layoutText: String?) {
        self.memberSuffix = memberSuffix
        self.fileName = fileName
        self.sha256 = sha256
        self.format = format
        self.encoding = encoding
        self.encodingSource = encodingSource
        self.byteCount = byteCount
        self.decodeErrors = decodeErrors
        self.chars = chars
        self.sections = sections
        self.facts = facts
        self.warnings = warnings
        self.pages = pages
        self.mdnaBytes = mdnaBytes
        self.matchUTF8 = matchUTF8
        self.layoutText = layoutText
    }

    /// The text side of `report`, read from an input whose path extends the file's path by `memberSuffix`.
    init(_ report: ExtractedReport, memberSuffix: String, sha256: String) {
        self.init(memberSuffix: memberSuffix, fileName: report.fileName, sha256: sha256,
                  format: report.format, encoding: report.encoding.encoding.name,
                  encodingSource: report.encoding.description, byteCount: report.byteCount,
                  decodeErrors: report.decodeErrors, chars: report.chars, sections: report.sections,
                  facts: report.facts, warnings: report.warnings, pages: report.pages,
                  mdnaBytes: report.mdnaByteRange, matchText: report.matchText, layoutText: report.layoutText)
        identityEvidence = report.identityEvidence
        document = report.document
        scopeTexts = report.scopeTexts
        mdnaText = report.mdnaByteRange == nil ? report.text(in: .mdna) : nil
    }

    /// The match text of `scope`; nil when that section was not found.
    func text(in scope: Scope) -> String? {
        utf8(in: scope).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The match text of `scope` as UTF-8 bytes (what counting reads); nil when that section was not found.
    func utf8(in scope: Scope) -> [UInt8]? {
        switch scope.kind {
        case .full: return matchUTF8
        case .mdna:
            guard let range = mdnaBytes else { return mdnaText.map { Array($0.utf8) } }
            return Array(matchUTF8[range])
        case .item, .document: return scopeText(scope).map { Array($0.utf8) }
        }
    }

    private func scopeText(_ scope: Scope) -> String? {
        switch scope.kind {
        case .full, .mdna: return nil
        case .item: return scopeTexts[scope.rawValue]
        case .document(let type):
            // As `ExtractedReport.text(in:)`: `document:EX-13` also finds `EX-13.1` when there is no plain `EX-13`.
            return scopeTexts[scope.rawValue] ?? scopeTexts.keys.sorted()
                .first { $0.hasPrefix("document:" + type + ".") }.flatMap { scopeTexts[$0] }
        }
    }
}

/// What the extract stage made of one input file: one member for a plain or gzip file, one per zip member.
public struct ExtractedFile: Sendable, Equatable {
    enum Member: Sendable, Equatable {
        case text(ExtractedText)
        /// The member could not be extracted (stage "extract"); the reason names the file.
        case failed(memberSuffix: String, sha256: String, reason: String)
    }

    var members: [Member]

    init(members: [Member] = []) { self.members = members }
}
