import Foundation
import NQPEncoding

/// Applies `IdentityRules` to one report (README "Firm and year").
public struct ReportIdentifier: Sendable {
    public var rules: IdentityRules

    public init(rules: IdentityRules = IdentityRules()) {
        self.rules = rules
    }

    /// Firm and year of the report at `path` (file path, or `archive.zip/member.html`) whose last path
    /// component is `fileName`, with the XBRL `dei:` facts found in it (local names as keys) and its opening
    /// match text (the first pages; `TextIdentity`), which is the last resort.
    /// `header` is an EDGAR submission's SEC header, `coverPeriod` the fiscal-year end printed on a 10-K cover
    /// (README "Firm and year": manifest, SEC header, file-name patterns, EDGAR downloader names, XBRL facts, cover,
    /// the first pages' text).
    public func identify(path: String, fileName: String, facts: [String: String] = [:],
                         header: EDGARHeader? = nil, coverPeriod: CalendarDate? = nil,
                         openingText: String = "") -> ReportIdentity {
        var identity = identifyFirmYear(path: path, fileName: fileName, facts: facts, header: header,
                                        coverPeriod: coverPeriod, openingText: openingText)
        identity.formType = header?.formType ?? facts["DocumentType"]
        identity.company = header?.companyName ?? facts["EntityRegistrantName"]
        identity.filed = header?.filed?.description
        return identity
    }

    private func identifyFirmYear(path: String, fileName: String, facts: [String: String],
                                  header: EDGARHeader?, coverPeriod: CalendarDate?,
                                  openingText: String) -> ReportIdentity {
        var partial: [(source: IdentitySource, firm: String?, year: Int?)] = []
        if let entry = rules.manifest[path] ?? rules.manifest[fileName] {
            partial.append((.manifest, padded(entry.firm), entry.year))
        }
        if let header {
            let year = header.fiscalPeriodEnd.map(rules.fiscalYearRule.fiscalYear(of:))
            if header.cik != nil || year != nil { partial.append((.secHeader, header.cik, year)) }
        }
        if let (firm, year) = fromFileName(fileName) {
            partial.append((.filename, firm.map(padded), year))
        }
        if let named = EDGARFileName.firm(in: fileName) {
            partial.append((.edgarFilename, named.firm, nil))
        }
        if rules.useXBRLFacts {
            let (firm, year) = Self.fromFacts(facts)
            if firm != nil || year != nil { partial.append((.xbrl, firm, year)) }
        }
        if let coverPeriod {
            partial.append((.cover, nil, rules.fiscalYearRule.fiscalYear(of: coverPeriod)))
        }
        if !openingText.isEmpty {
            let (firm, year) = TextIdentity.identify(openingText: openingText)
            if firm != nil || year != nil { partial.append((.text, firm.map(padded), year)) }
        }
        // The text is the last resort: it fills a field no other route gave but never overrides one, so the year
        // of a title-only cninfo name (`平安银行：2017年年度报告.PDF`) stands and the firm comes from the cover.
        if let complete = partial.first(where: { $0.firm != nil && $0.year != nil }),
           complete.source != .text || partial.count == 1 {
            return ReportIdentity(firm: complete.firm, year: complete.year, route: [complete.source])
        }
        let firmSource = partial.first { $0.firm != nil }
        let yearSource = partial.first { $0.year != nil }
        return ReportIdentity(firm: firmSource?.firm, year: yearSource?.year,
                              route: IdentityRoute([firmSource?.source, yearSource?.source].compactMap { $0 }))
    }

    /// The first file-name pattern that matches; patterns that do not compile are skipped here (`nqp validate`
    /// reports them via `IdentityRules.problems()`).
    private func fromFileName(_ fileName: String) -> (String?, Int?)? {
        // File names are short, but a pattern with nested quantifiers is exponential even on 100 characters.
        let budget = RegexBudget()
        for pattern in rules.filenamePatterns {
            guard let regex = try? NSRegularExpression(pattern: pattern),
                  let match = budget.firstMatch(regex, in: fileName) else { continue }
            let firm = Self.group("firm", of: match, in: fileName).flatMap { $0.isEmpty ? nil : $0 }
            let year = Self.group("year", of: match, in: fileName).flatMap(Self.year(in:))
            if firm != nil || year != nil { return (firm, year ?? Self.titleYear(in: fileName)) }
        }
        // A cninfo title as the name (`平安银行：2017年年度报告.PDF`): the year is the title's; the firm is left
        // to the manifest or the report's text.
        return Self.titleYear(in: fileName).map { (nil, $0) }
    }

    /// The fiscal year of a report title inside a file name (`…2017年年度报告…`, `…2017年度报告…`), not the
    /// publication date that cninfo names also carry.
    static func titleYear(in fileName: String) -> Int? {
        let name = DocumentClassifier.folded(fileName)
        let range = NSRange(name.startIndex..., in: name)
        guard let match = DocumentClassifier.chineseTitle.firstMatch(in: name, range: range),
              let r = Range(match.range(withName: "year"), in: name) else { return nil }
        return TextIdentity.year(String(name[r]))
    }

    private static func group(_ name: String, of match: NSTextCheckingResult, in text: String) -> String? {
        let r = match.range(withName: name)
        guard r.location != NSNotFound, let range = Range(r, in: text) else { return nil }
        return String(text[range])
    }

    /// Firm from `EntityCentralIndexKey` (all-digit CIKs are written with 10 digits, SEC's canonical form as in
    /// `CIK0000320193.json`), year from `DocumentFiscalYearFocus`, else from `DocumentPeriodEndDate`.
    static func fromFacts(_ facts: [String: String]) -> (String?, Int?) {
        var firm: String?
        if let cik = facts["EntityCentralIndexKey"]?.trimmingCharacters(in: .whitespacesAndNewlines), !cik.isEmpty {
            firm = cik.allSatisfy(\.isASCIIDigit) && cik.count < 10
                ? String(repeating: "0", count: 10 - cik.count) + cik : cik
        }
        let year = facts["DocumentFiscalYearFocus"].flatMap(year(in:))
            ?? facts["DocumentPeriodEndDate"].flatMap(year(in:))
        return (firm, year)
    }

    /// The first four-digit year 1900–2099 in `text` (`2019`, `2019年`, `FY2019`, `2024-09-28`,
    /// `September 28, 2024`).
    static func year(in text: String) -> Int? {
        let digits = Array(text.unicodeScalars)
        var i = 0
        while i + 4 <= digits.count {
            let window = digits[i..<i + 4]
            let before = i > 0 ? digits[i - 1] : " "
            let after = i + 4 < digits.count ? digits[i + 4] : " "
            if window.allSatisfy({ $0.properties.numericType == .decimal && $0.isASCII }),
               !(before.isASCII && Character(before).isNumber), !(after.isASCII && Character(after).isNumber),
               let value = Int(String(String.UnicodeScalarView(window))), (1900...2099).contains(value) {
                return value
            }
            i += 1
        }
        return nil
    }

    private func padded(_ firm: String) -> String {
        guard let width = rules.firmWidth, firm.count < width, firm.allSatisfy(\.isASCIIDigit) else { return firm }
        return String(repeating: "0", count: width - firm.count) + firm
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
