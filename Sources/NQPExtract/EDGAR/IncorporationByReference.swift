import Foundation

/// Recognises a 10-K item whose text only points elsewhere (README "10-K items": incorporated by reference).
///
/// Until about 2010 many filers put Items 5–8 in the annual report to shareholders (filed as exhibit 13) and
/// Items 10–14 in the proxy statement, and wrote in the 10-K only a pointer: "The information required by this
/// item is incorporated by reference to …", "Reported on pages 32-43 … of the Annual Report to Share Owners".
/// An item is such a pointer when (a) it says so — "incorporated … by reference", "incorporated herein", or a
/// page reference (`on page(s) N`) into the annual report, proxy or information statement — and (b) the rest of
/// its sentences, those that do not point (mention neither incorporation, a reference, an annual report, a proxy
/// or information statement, a caption, heading or page), add up to fewer than 200 characters. An item with its
/// own text besides a pointer sentence (Microsoft's Item 10: a code-of-ethics paragraph) is `extracted`.
enum IncorporationByReference {
    private static let pointerPhrase = try! NSRegularExpression(
        pattern: "incorporat\\w*\\s+(?:\\S+\\s+){0,6}?by\\s+reference|incorporated\\s+herein|is\\s+incorporated\\s+in"
            + "|\\b(?:on|at)\\s+pages?\\s+[0-9a-z]+[^.]{0,200}(?:annual\\s+report|proxy\\s+statement|information\\s+statement)"
            + "|(?:annual\\s+report|proxy\\s+statement|information\\s+statement)[^.]{0,120}\\b(?:on|at)\\s+pages?\\s+[0-9]",
        options: [.caseInsensitive])
    private static let sentenceBreak = try! NSRegularExpression(pattern: "(?<=[.;:!?])\\s+(?=[A-Z0-9(“\"'‘])")
    private static let pointerWords = ["incorporated", "by reference", "annual report", "proxy statement",
                                       "information statement", "caption", "heading", "page", "see ", "not applicable",
                                       "exhibit 13", "part i", "item "]

    /// Characters of non-pointer sentences an item may have and still be a pointer.
    static let ownTextLimit = 200

    /// Longest item text that can be a pointer: a pointer is a paragraph or two (Walmart's Item 10, naming five
    /// proxy captions, has 1,900 characters); an exhibit index that says "incorporated by reference" in every row
    /// is the item's own text.
    static let maximumPointerChars = 2500

    static func isPointer(_ text: String) -> Bool {
        let range = NSRange(text.startIndex..., in: text)
        guard !text.isEmpty, text.unicodeScalars.count <= maximumPointerChars, pointerPhrase.firstMatch(in: text, range: range) != nil else { return false }
        var own = 0
        var start = text.startIndex
        var pieces: [Substring] = []
        for match in sentenceBreak.matches(in: text, range: range) {
            guard let r = Range(match.range, in: text) else { continue }
            pieces.append(text[start..<r.lowerBound])
            start = r.upperBound
        }
        pieces.append(text[start...])
        for sentence in pieces {
            let lower = sentence.lowercased()
            if pointerWords.contains(where: { lower.contains($0) }) { continue }
            own += sentence.count
            if own >= ownTextLimit { return false }
        }
        return true
    }
}

/// Finds the MD&A in an annual report to shareholders — the EX-13 document of a submission, or the
/// annual-report pages printed inside the 10-K after its items — by its own title, up to the next part
/// (README "10-K items").
///
/// - Start: a heading-like line (at most 120 characters; box-drawing `|` and rules ignored) whose text begins
///   with one of the period's titles: "Management's Discussion and Analysis", "Management's Discussion of
///   Operations", "Management Discussion", "Management's Analysis", "Financial Review". A line followed within three
///   lines by one ending in a page number is a contents entry and does not start it.
/// - End: the next heading-like line that opens the financial statements or the auditors' report: "Report of
///   Independent Accountants/Auditors/Registered Public Accounting Firm", "Independent Auditors' Report",
///   "Report of Management", "Management's Report on Internal Control", "Statement(s) of Earnings/Income/
///   Operations/Financial Position", "Consolidated Statement(s) …", "Consolidated Balance Sheet(s)", "Notes to
///   (Consolidated) Financial Statements"; else the end of the document.
/// - The first start whose text is at least `minimum` characters wins.
struct AnnualReportMDNA {
    let lines: LayoutLines
    let normalized: NormalizedText
    let minimum: Int

    static let startTitles = ["managements discussion", "management discussion", "managements analysis",
                              "financial review", "management s discussion"]
    static let endTitles = ["report of independent", "independent auditors report", "independent auditor s report",
                            "independent accountants report", "report of management", "managements report on internal",
                            "management s report on internal", "statement of earnings", "statements of earnings",
                            "statement of income", "statements of income", "statement of operations",
                            "statements of operations", "statement of financial position", "statements of financial position",
                            "consolidated statement", "consolidated balance sheet", "balance sheet",
                            "notes to consolidated financial statements", "notes to financial statements"]
    private static let pageNumberAtEnd = try! NSRegularExpression(pattern: "\\s(\\d{1,3}|[a-z]-\\d{1,3})$", options: [.caseInsensitive])

    /// Layout lines of the MD&A within `from..<lines.count`, and its heading, or nil.
    func find(from: Int) -> (lines: Range<Int>, heading: String, closed: Bool)? {
        var line = from
        while line < lines.count {
            defer { line += 1 }
            guard let key = headingKey(line), Self.startTitles.contains(where: { key.hasPrefix($0) }),
                  !isContentsEntry(line) else { continue }
            var end = line + 1
            var closed = false
            while end < lines.count {
                if let endKey = headingKey(end), Self.endTitles.contains(where: { endKey.hasPrefix($0) }) {
                    closed = true
                    break
                }
                end += 1
            }
            let chars = normalized.map.scalarRange(ofLines: line..<end).count
            if chars >= minimum { return (line..<end, String(lines.trimmed(line)), closed) }
        }
        return nil
    }

    /// The normalised text of a heading-like line (nil for long lines or sentences).
    private func headingKey(_ index: Int) -> String? {
        let trimmed = lines.trimmed(index)
        guard !trimmed.isEmpty, trimmed.count <= 120 else { return nil }
        let key = TenKItemCatalog.normalize(trimmed)
        guard !key.isEmpty, key.split(separator: " ").count <= 14 else { return nil }
        // A sentence that merely begins with the title ("Management's Discussion of Operations is in four
        // parts: …") goes on in lower case after a verb; a heading is short or in capitals.
        let letters = trimmed.unicodeScalars.filter { $0.properties.isAlphabetic }
        let upper = letters.filter { $0.properties.isUppercase }.count
        let isCaps = !letters.isEmpty && upper * 10 >= letters.count * 8
        if !isCaps && (trimmed.hasSuffix(".") || trimmed.hasSuffix(",") || key.split(separator: " ").count > 10) { return nil }
        if !isCaps, [" is ", " are ", " was ", " were ", " has ", " have "].contains(where: { (" " + key + " ").contains($0) }) {
            return nil
        }
        return key
    }

    private func isContentsEntry(_ index: Int) -> Bool {
        var checked = 0
        var line = index
        while checked < 4 && line < lines.count {
            let text = String(lines.trimmed(line))
            if !text.isEmpty {
                if Self.pageNumberAtEnd.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil {
                    return true
                }
                checked += 1
            }
            line += 1
        }
        return false
    }
}
