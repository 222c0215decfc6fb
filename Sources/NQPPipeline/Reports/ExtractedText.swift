import NQPExtract
import NQPLexicon

/// One report after the extract stage, reduced to what counting needs: the match text, the MD&A's place in it,
/// sections, PDF pages, the XBRL facts (firm and year are decided at count time, so identity rules and the
/// manifest are counting settings), and the extraction's warnings. It is what the text cache keeps
/// (README "Text cache"), and the fresh path goes through it too, so a re-count from the cache is the same
/// computation as a run that reads the report.
public struct ExtractedText: Sendable, Equatable {
    /// `archive.zip/member` tail of the input's path after the file's own path; empty for a whole file.
    public var memberSuffix: String
    /// The name firm and year are read from (a member's own name; a `.gz` without its suffix).
    public var fileName: String
    /// The report's SHA-256: a whole file's (as the state store hashed it), a zip member's own bytes'.
    public var sha256: String
    public var format: String
    public var encoding: String
    public var encodingSource: String
    public var byteCount: Int
    public var decodeErrors: Int
    public var chars: Int
    public var sections: [Section]
    public var facts: [String: String]
    public var warnings: [String]
    public var pages: PageMap?
    /// UTF-8 byte range of the MD&A in `matchText`; nil when no plausible MD&A was found.
    public var mdnaBytes: Range<Int>?
    /// The match text as UTF-8 bytes, which is what counting reads: a text inflated from the cache is counted as
    /// it is, without being validated and decoded into a `String` first (the entry's checksum vouches for it).
    public var matchUTF8: [UInt8]
    public var matchText: String { String(decoding: matchUTF8, as: UTF8.self) }
    /// The layout text; only needed to find excluded chapters, so the cache reads it only then (nil otherwise).
    public var layoutText: String?
    /// What firm, year, form type and company are decided from (with path, name and facts) at count time.
    public var identityEvidence = IdentityEvidence()
    /// Full report, summary, English version …, and whether corrected or cancelled.
    public var document = DocumentClass.assumed
    /// Match text of the other scopes (`item:7`, `document:EX-13`), as `ExtractedReport.scopeTexts`.
    public var scopeTexts: [String: String] = [:]
    /// The MD&A's own text when it is not a range of `matchText` (an EDGAR MD&A from an EX-13 exhibit).
    public var mdnaText: String?

    public init(memberSuffix: String, fileName: String, sha256: String, format: String, encoding: String,
                encodingSource: String, byteCount: Int, decodeErrors: Int, chars: Int, sections: [Section],
                facts: [String: String], warnings: [String], pages: PageMap?, mdnaBytes: Range<Int>?,
                matchText: String, layoutText: String?) {
        self.init(memberSuffix: memberSuffix, fileName: fileName, sha256: sha256, format: format, encoding: encoding,
                  encodingSource: encodingSource, byteCount: byteCount, decodeErrors: decodeErrors, chars: chars,
                  sections: sections, facts: facts, warnings: warnings, pages: pages, mdnaBytes: mdnaBytes,
                  matchUTF8: Array(matchText.utf8), layoutText: layoutText)
    }

    public init(memberSuffix: String, fileName: String, sha256: String, format: String, encoding: String,
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
    public init(_ report: ExtractedReport, memberSuffix: String, sha256: String) {
        self.init(memberSuffix: memberSuffix, fileName: report.fileName, sha256: sha256,
                  format: report.format.rawValue, encoding: report.encoding.encoding.name,
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
    public func text(in scope: Scope) -> String? {
        utf8(in: scope).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The match text of `scope` as UTF-8 bytes (what counting reads); nil when that section was not found.
    public func utf8(in scope: Scope) -> [UInt8]? {
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
    public enum Member: Sendable, Equatable {
        case text(ExtractedText)
        /// The member could not be extracted (stage "extract"); the reason names the file.
        case failed(memberSuffix: String, sha256: String, reason: String)
    }

    public var members: [Member]

    public init(members: [Member] = []) { self.members = members }
}
