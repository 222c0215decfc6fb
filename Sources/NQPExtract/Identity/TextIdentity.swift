import Foundation

/// Firm and year from a report's opening text (the first pages' match text), for files whose name carries
/// neither (`平安银行：2017年年度报告.PDF`, `report.pdf`). It works on text, so every format gets it.
/// - firm: the first six-digit code after `股票代码`, `证券代码`, `公司代码`, `A股代码` or `B股代码` (a colon and
///   spaces between are allowed: `股票代码：000001`, `公司代码:600519`), or after `股票简称及代码` and a short name
///   (`股票简称及代码：万科A 000002`);
/// - year: the year of the first report title (`2017 年年度报告`, `2017年度报告`, `二〇二一年年度报告`), else of
///   `2017 Annual Report` / `Annual Report 2017` in an all-English text that is not a US filing.
/// Only the first `DocumentClassifier.openingScalars` scalars are read: the cover and the 重要提示 page, never the
/// body, where an earlier year's report may be quoted.
public enum TextIdentity {
    public static func identify(openingText: String) -> (firm: String?, year: Int?) {
        let text = String(String.UnicodeScalarView(openingText.unicodeScalars.prefix(DocumentClassifier.openingScalars)))
        let range = NSRange(text.startIndex..., in: text)
        var firm: String?
        if let match = stockCode.firstMatch(in: text, range: range),
           let r = Range(match.range(withName: "firm"), in: text) {
            firm = String(text[r])
        }
        var year: Int?
        if let match = DocumentClassifier.chineseTitle.firstMatch(in: text, range: range),
           let r = Range(match.range(withName: "year"), in: text) {
            year = Self.year(String(text[r]))
        } else if !text.unicodeScalars.contains(where: { $0.properties.isIdeographic }),
                  DocumentClassifier.usFiling.firstMatch(in: text, range: range) == nil,
                  let match = DocumentClassifier.englishTitle.firstMatch(in: text, range: range) {
            for name in ["year1", "year2"] {
                if let r = Range(match.range(withName: name), in: text) { year = Int(text[r]) }
            }
        }
        return (firm, year)
    }

    /// `2017` → 2017; `二〇一七` / `二○一七` / `二零一七` → 2017 (digit by digit, as years are written on covers).
    static func year(_ digits: String) -> Int? {
        if let value = Int(digits) { return value }
        let values: [Character: Int] = ["〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
                                        "六": 6, "七": 7, "八": 8, "九": 9]
        var result = 0
        for character in digits {
            guard let digit = values[character] else { return nil }
            result = result * 10 + digit
        }
        return (1900...2099).contains(result) ? result : nil
    }

    static let stockCode = try! NSRegularExpression(
        pattern: "(?:股票|证券|公司|[AB]股)(?:简称及)?代码\\s*[:：]?\\s*(?:[^0-9\\s:：]{1,8}\\s*)?(?<firm>[0-9]{6})(?![0-9])",
        options: [.caseInsensitive])
}
