import Foundation
import NQPEncoding

/// The fiscal-year end printed on a 10-K's cover page: "For the fiscal year ended June 30, 2013" (also
/// "FISCAL YEAR ENDED: DECEMBER 31, 1999", "for the year ended December 31, 2019"), searched in the first
/// 20,000 characters of the match text. Used for the year when a 10-K carries no SEC header and no XBRL facts.
enum CoverPage {
    private static let pattern = try! NSRegularExpression(
        pattern: "(?:fiscal\\s+)?year\\s+ended:?\\s*(january|february|march|april|may|june|july|august|september|"
            + "october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\\.?\\s+(\\d{1,2})\\s*,?\\s*((?:19|20)\\d{2})",
        options: [.caseInsensitive])
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// Only for 10-K covers: the text must name the form (`FORM 10-K`, `10-K405`, `10-KSB`) before the date.
    static func fiscalYearEnd(in matchText: String) -> CalendarDate? {
        guard mayNameForm(matchText) else { return nil }
        return scanFiscalYearEnd(in: matchText)
    }

    /// `fiscalYearEnd` without its byte pre-filter (the tests compare the two).
    static func scanFiscalYearEnd(in matchText: String) -> CalendarDate? {
        let head = String(String.UnicodeScalarView(matchText.unicodeScalars.prefix(20_000)))
        let upper = head.uppercased()
        guard upper.contains("10-K") || upper.contains("10K") else { return nil }
        guard let match = pattern.firstMatch(in: head, range: NSRange(head.startIndex..., in: head)),
              let monthRange = Range(match.range(at: 1), in: head), let dayRange = Range(match.range(at: 2), in: head),
              let yearRange = Range(match.range(at: 3), in: head),
              let month = months.firstIndex(of: String(head[monthRange].lowercased().prefix(3))),
              let day = Int(head[dayRange]), let year = Int(head[yearRange]) else { return nil }
        return CalendarDate(year: year, month: month + 1, day: day)
    }
}

extension CoverPage {
    /// Bytes of the head that `fiscalYearEnd` reads: 20,000 scalars are at most 80,000 UTF-8 bytes.
    static let headBytes = 80_000

    /// A byte pre-filter for `fiscalYearEnd` (most reports are not 10-Ks): whether `10-K` or `10K` in any case
    /// occurs in the first `headBytes` bytes. Upper-casing maps only `k` to `K` and leaves digits and `-` alone,
    /// so without these bytes the upper-cased head cannot contain the form's name.
    static func mayNameForm(_ matchText: String) -> Bool {
        var text = matchText
        return text.withUTF8 { bytes in
            let n = min(bytes.count, headBytes)
            var k = 0
            while k + 2 < n {
                if bytes[k] == 0x31, bytes[k + 1] == 0x30 {
                    let next = bytes[k + 2] == 0x2D && k + 3 < n ? bytes[k + 3] : bytes[k + 2]
                    if next | 0x20 == 0x6B { return true }
                }
                k += 1
            }
            return false
        }
    }

    /// The registrant's name on a 10-K cover: the line above "(Exact name of registrant as specified in its
    /// charter)", searched in the first 40,000 characters of the layout text. For 10-Ks without an SEC header.
    static func registrantName(inLayout layout: String) -> String? {
        let head = layout.prefix(40_000)
        guard head.uppercased().contains("10-K") else { return nil }
        let lines = head.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() where line.lowercased().contains("exact name of registrant") {
            var previous = index - 1
            while previous >= 0, previous >= index - 3 {
                let name = lines[previous].trimmingBlanks()
                if !name.isEmpty {
                    return name.count <= 100 && !name.lowercased().contains("commission file") ? name : nil
                }
                previous -= 1
            }
        }
        return nil
    }
}
