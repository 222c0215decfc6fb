import NQPEncoding

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
    public var period: CalendarDate? { periodOfReport.flatMap(Self.date) }
    public var filed: CalendarDate? { filedAsOf.flatMap(Self.date) }
    /// The month of `FISCAL YEAR END` (`1231` → 12).
    public var fiscalYearEndMonth: Int? {
        guard let fye = fiscalYearEnd, fye.count == 4, let m = Int(fye.prefix(2)), (1...12).contains(m) else { return nil }
        return m
    }

    /// The fiscal-year end the report covers: the period of report; without one (some older headers), the last
    /// `FISCAL YEAR END` month-end on or before the filing date.
    public var fiscalPeriodEnd: CalendarDate? {
        if let period { return period }
        guard let filed, let month = fiscalYearEndMonth else { return nil }
        let year = month <= filed.month ? filed.year : filed.year - 1
        return CalendarDate(year: year, month: month, day: CalendarDate.daysIn(month: month, year: year))
    }

    /// `YYYYMMDD` (as the header writes dates) or `YYYY-MM-DD`. A year outside 1900–2099 is a placeholder such as
    /// `00000000`, not a date.
    static func date(_ text: String) -> CalendarDate? {
        let digits = text.filter { $0 != "-" }
        guard digits.count == 8, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(digits),
              (1900...2099).contains(n / 10_000) else { return nil }
        return CalendarDate(year: n / 10_000, month: n / 100 % 100, day: n % 100)
    }
}
