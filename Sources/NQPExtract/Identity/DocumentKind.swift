import Foundation

/// What a file is, of the documents an exchange publishes around one firm-year (README "Which files are the
/// annual report"). cninfo lists, for one firm-year, the full 年度报告, its 年度报告摘要, often an English
/// version, corrected re-publications and cancelled ones; only the full report carries the MD&A that is counted.
public enum DocumentKind: String, Codable, Sendable, CaseIterable {
    /// The full annual report (年度报告, 年报, Annual Report, a US 10-K).
    case annualReport = "annual_report"
    /// 年度报告摘要: a few pages excerpted from the full report.
    case summary
    /// The English version of a Chinese report (英文版).
    case english
    /// 半年度报告, 季度报告, 中期报告: not an annual report.
    case interim
}

/// Which publication of a document this is.
public enum DocumentVersion: String, Codable, Sendable, CaseIterable {
    case original
    /// 更正后, 修订版, 更新后, 修订后, 调整后, 补充后 …: republished to correct the original.
    case corrected
    /// （已取消）: withdrawn by the exchange listing, usually replaced by a corrected version.
    case cancelled
}

/// Where a report's document kind came from.
public enum DocumentKindSource: String, Codable, Sendable, CaseIterable {
    /// The file name (a cninfo title such as `2017年年度报告（更新后）`).
    case filename
    /// The title on the report's first page (its opening text).
    case text
    /// Neither says: taken as an original full annual report.
    case assumed
}

/// A report's kind, version and where they were read.
public struct DocumentClass: Codable, Sendable, Equatable {
    public var kind: DocumentKind
    public var version: DocumentVersion
    public var source: DocumentKindSource

    public init(kind: DocumentKind, version: DocumentVersion, source: DocumentKindSource) {
        self.kind = kind
        self.version = version
        self.source = source
    }

    public static let assumed = DocumentClass(kind: .annualReport, version: .original, source: .assumed)

    /// `annual_report`, `annual_report (corrected)`, `summary (cancelled)` … for messages.
    public var description: String {
        version == .original ? kind.rawValue : "\(kind.rawValue) (\(version.rawValue))"
    }
}

/// Reads the document kind from a file name or cninfo title, else from the report's opening text (the first
/// pages' match text). Rules, in this order (README "Which files are the annual report"):
/// - names and titles are compared after NFKC (full-width `Ａ`, `（）` become `A`, `()`), without whitespace
///   (`万 科 Ａ2003年年度报告`) and case-insensitively;
/// - version: `已取消`/`已作废` → cancelled; a correction marker (`更正后`, `修订版` …) → corrected;
/// - kind: `英文版`/`英文`/`English` → english; `摘要`/`summary` → summary; `半年度报告`, `半年报`, `季度报告`,
///   `中期报告` → interim; `年度报告`, `年报`, `annual report`, `10-K` → annual report;
/// - a file name without any of these (`000001_2019.html`) says nothing: the opening text's title decides, and
///   without one the report is taken as an original full annual report.
public enum DocumentClassifier {
    public static let correctionMarkers = ["更正后", "修订版", "更新后", "修订后", "调整后", "补充后", "修正后",
                                           "更正版", "更新版", "修正版", "修订稿", "补充更正"]
    public static let cancelledMarkers = ["已取消", "已作废"]
    static let englishMarkers = ["英文版", "英文", "english"]
    static let summaryMarkers = ["摘要", "summary"]
    static let interimMarkers = ["半年度报告", "半年报", "季度报告", "中期报告", "interimreport", "quarterlyreport"]
    static let annualMarkers = ["年度报告", "年报", "annualreport", "10-k", "10k"]

    /// How many Unicode scalars of the match text count as the "first pages" for identification: a cover page
    /// and the 重要提示 page, never the body text where `本年度报告期内` would look like a title.
    public static let openingScalars = 5000

    /// Kind and version of the whole report, from its file name first, else its opening text. A document with
    /// XBRL `dei:` facts is an SEC filing, never the English version of a Chinese report.
    public static func classify(fileName: String, openingText: String, hasXBRLFacts: Bool = false) -> DocumentClass {
        let fromName = classify(title: stem(fileName))
        var fromText = classify(openingText: openingText)
        if hasXBRLFacts, fromText?.kind == .english { fromText?.kind = .annualReport }
        if let kind = fromName.kind {
            // The name names the kind; a correction stated only on the cover page still counts.
            let version = fromName.version != .original ? fromName.version : (fromText?.version ?? .original)
            return DocumentClass(kind: kind, version: version, source: .filename)
        }
        if let fromText {
            let version = fromName.version != .original ? fromName.version : fromText.version
            return DocumentClass(kind: fromText.kind, version: version, source: .text)
        }
        return DocumentClass(kind: .annualReport, version: fromName.version, source: .assumed)
    }

    /// Kind (nil when the title names none) and version of a title or file name such as
    /// `2015年年度报告（更新后）` or `000001_2017_平安银行_2017年年度报告摘要.pdf`.
    public static func classify(title: String) -> (kind: DocumentKind?, version: DocumentVersion) {
        let t = folded(title)
        let version: DocumentVersion = cancelledMarkers.contains(where: t.contains) ? .cancelled
            : correctionMarkers.contains(where: t.contains) ? .corrected : .original
        let kind: DocumentKind?
        if englishMarkers.contains(where: t.contains) {
            kind = .english
        } else if summaryMarkers.contains(where: t.contains) {
            kind = .summary
        } else if interimMarkers.contains(where: t.contains) {
            kind = .interim
        } else if annualMarkers.contains(where: t.contains) {
            kind = .annualReport
        } else {
            kind = nil
        }
        return (kind, version)
    }

    /// The first title in the opening text: a year followed by `年度报告` (`2017年年度报告`, `2017年度报告`,
    /// `二〇二一年年度报告`, `2017年半年度报告`), or `2017 Annual Report` / `Annual Report 2017` in a text with no
    /// Chinese characters. Nil when there is none. A title followed by `摘要` is a summary; a correction marker
    /// within the next 12 characters makes it corrected. An all-English text whose title is an annual report is
    /// the English version of a Chinese report, unless it is a US filing (`Form 10-K`, `Form 20-F`).
    public static func classify(openingText: String) -> (kind: DocumentKind, version: DocumentVersion)? {
        let text = String(String.UnicodeScalarView(openingText.unicodeScalars.prefix(openingScalars)))
        let range = NSRange(text.startIndex..., in: text)
        if let match = chineseTitle.firstMatch(in: text, range: range), let r = Range(match.range, in: text) {
            let title = String(text[r])
            let after = String(text[r.upperBound...].prefix(12))
            let kind: DocumentKind = title.hasSuffix("摘要") ? .summary
                : (title.contains("半年") || title.contains("季")) ? .interim : .annualReport
            let marked = folded(after)
            let version: DocumentVersion = cancelledMarkers.contains(where: marked.contains) ? .cancelled
                : correctionMarkers.contains(where: marked.contains) ? .corrected : .original
            return (kind, version)
        }
        let hasCJK = text.unicodeScalars.contains { $0.properties.isIdeographic }
        if !hasCJK, englishTitle.firstMatch(in: text, range: range) != nil {
            let isUSFiling = usFiling.firstMatch(in: text, range: range) != nil
            return (isUSFiling ? .annualReport : .english, .original)
        }
        return nil
    }

    /// The file name without its extensions (`.pdf`, `.html.gz`), so `…年报.zip` is not read as `zip`.
    static func stem(_ fileName: String) -> String {
        var name = Substring(fileName)
        for _ in 0..<2 {
            guard let dot = name.lastIndex(of: "."), name.distance(from: dot, to: name.endIndex) <= 6 else { break }
            name = name[..<dot]
        }
        return String(name)
    }

    /// NFKC, lowercased, without whitespace: `万 科 Ａ2003年年度报告（已取消）` → `万科a2003年年度报告(已取消)`.
    static func folded(_ text: String) -> String {
        let nfkc = text.precomposedStringWithCompatibilityMapping.lowercased()
        return String(String.UnicodeScalarView(nfkc.unicodeScalars.filter {
            !$0.properties.isWhitespace && $0 != "_"
        }))
    }

    static let yearPattern = "(?:(?:19|20)[0-9]{2}|[〇○零一二三四五六七八九]{4})"
    static let chineseTitle = try! NSRegularExpression(
        pattern: "(?<year>\(yearPattern))\\s*年?\\s*(?:第[一二三四1-4]季|半年|年)?度\\s*报\\s*告(?:\\s*摘\\s*要)?")
    static let englishTitle = try! NSRegularExpression(
        pattern: "(?<year1>(?:19|20)[0-9]{2})\\s+annual\\s+report|annual\\s+report\\s+(?<year2>(?:19|20)[0-9]{2})",
        options: [.caseInsensitive])
    static let usFiling = try! NSRegularExpression(
        pattern: "form\\s+(?:10-k|20-f|40-f)|securities\\s+and\\s+exchange\\s+commission", options: [.caseInsensitive])
}
