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
        let head = String(matchText.unicodeScalars.prefix(20_000).map(Character.init))
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
