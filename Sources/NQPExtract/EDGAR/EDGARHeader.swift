/// The fields nqp uses from an EDGAR `<SEC-HEADER>` / `<IMS-HEADER>` (`KEY:<tab>value` lines). With several
/// filers (`FILER:` blocks, e.g. a parent and its subsidiary filing one 10-K), the first filer's values are used.
public struct EDGARHeader: Sendable, Equatable, Codable {
    public var accessionNumber: String?
    /// `CONFORMED SUBMISSION TYPE` (`10-K`, `10-K405`, `10-K/A`).
    public var formType: String?
    /// `CONFORMED PERIOD OF REPORT` as `YYYYMMDD`.
    public var periodOfReport: String?
    /// `FILED AS OF DATE` as `YYYYMMDD`.
    public var filedAsOf: String?
    public var companyName: String?
    /// `CENTRAL INDEX KEY` in its ten-digit form.
    public var cik: String?
    /// `FISCAL YEAR END` as `MMDD`.
    public var fiscalYearEnd: String?

    public init(accessionNumber: String? = nil, formType: String? = nil, periodOfReport: String? = nil,
                filedAsOf: String? = nil, companyName: String? = nil, cik: String? = nil,
                fiscalYearEnd: String? = nil) {
        self.accessionNumber = accessionNumber
        self.formType = formType
        self.periodOfReport = periodOfReport
        self.filedAsOf = filedAsOf
        self.companyName = companyName
        self.cik = cik
        self.fiscalYearEnd = fiscalYearEnd
    }

    /// Parses the header text; the first occurrence of each key wins.
    public init(text: String) {
        self.init()
        for rawLine in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            guard let colon = rawLine.firstIndex(of: ":") else { continue }
            let key = rawLine[..<colon].trimmingBlanks().uppercased()
            let value = rawLine[rawLine.index(after: colon)...].trimmingBlanks()
            guard !value.isEmpty else { continue }
            switch key {
            case "ACCESSION NUMBER": accessionNumber = accessionNumber ?? value
            case "CONFORMED SUBMISSION TYPE": formType = formType ?? value
            case "CONFORMED PERIOD OF REPORT": periodOfReport = periodOfReport ?? value
            case "FILED AS OF DATE": filedAsOf = filedAsOf ?? value
            case "COMPANY CONFORMED NAME": companyName = companyName ?? value
            case "CENTRAL INDEX KEY":
                if cik == nil, value.allSatisfy({ $0.isASCII && $0.isNumber }), value.count <= 10 {
                    cik = String(repeating: "0", count: 10 - value.count) + value
                }
            case "FISCAL YEAR END": fiscalYearEnd = fiscalYearEnd ?? value
            default: break
            }
        }
    }

    /// The period of report as a date.
    public var period: ReportDate? { periodOfReport.flatMap(ReportDate.init(compact:)) }
    public var filed: ReportDate? { filedAsOf.flatMap(ReportDate.init(compact:)) }
    /// The month of `FISCAL YEAR END` (`1231` → 12).
    public var fiscalYearEndMonth: Int? {
        guard let fye = fiscalYearEnd, fye.count == 4, let m = Int(fye.prefix(2)), (1...12).contains(m) else { return nil }
        return m
    }

    /// The fiscal-year end the report covers: the period of report; without one (some older headers), the last
    /// `FISCAL YEAR END` month-end on or before the filing date.
    public var fiscalPeriodEnd: ReportDate? {
        if let period { return period }
        guard let filed, let month = fiscalYearEndMonth else { return nil }
        let year = month <= filed.month ? filed.year : filed.year - 1
        return ReportDate(year: year, month: month, day: ReportDate.daysIn(month: month, year: year))
    }
}

/// A calendar date (period ends, filing dates).
public struct ReportDate: Sendable, Equatable, Comparable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1900...2099).contains(year), (1...12).contains(month), day >= 1,
              day <= ReportDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// `YYYYMMDD` (EDGAR headers) or `YYYY-MM-DD`.
    public init?(compact text: String) {
        let digits = text.filter { $0 != "-" }
        guard digits.count == 8, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(digits) else { return nil }
        self.init(year: n / 10_000, month: n / 100 % 100, day: n % 100)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func < (a: ReportDate, b: ReportDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    public var description: String {
        "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }
}

/// How a fiscal-year end date becomes the report's fiscal year (`reports.fiscal_year_rule`); the same two rules
/// as the financial sources' `fiscal_year_rule`, so text measures and financials merge on the same year.
/// - `compustat` (default): the calendar year of the end, minus 1 when the end month is January–May; an end in
///   the first 7 days of a month counts as the previous month (52/53-week years). Walmart's year ended
///   2010-01-31 → 2009.
/// - `end_year`: the calendar year of the end (Walmart's own "fiscal 2010").
public enum ReportFiscalYearRule: String, Codable, Sendable, CaseIterable {
    case compustat
    case endYear = "end_year"

    public func fiscalYear(of date: ReportDate) -> Int {
        switch self {
        case .endYear:
            return date.year
        case .compustat:
            var year = date.year, month = date.month
            if date.day <= 7 {
                month -= 1
                if month == 0 { month = 12; year -= 1 }
            }
            return month <= 5 ? year - 1 : year
        }
    }
}
