/// How a fiscal-year end date becomes a fiscal-year label: one rule for the reports (`reports.fiscal_year_rule`)
/// and the financial sources (`fiscal_year_rule` of a source), so text measures and financials merge on the same
/// year.
///
/// - `compustat` (default): the calendar year of the fiscal-year end, minus 1 when the end month is January–May
///   (Compustat `fyear`). A 52/53-week year that ends in the first 7 days of a month counts as ending in the
///   previous month (Compustat treats FYE 2023-06-03 as a May year end). December ends: FY = calendar year, so
///   Chinese `Accper` 2019-12-31 → 2019. Snowflake's year ended 2021-01-31 → 2020; Walmart's 2010-01-31 → 2009.
/// - `end_year`: the calendar year of the period end (the label most US filers use themselves: Snowflake's
///   "fiscal 2021" ended 2021-01-31).
public enum FiscalYearRule: String, Codable, Sendable, CaseIterable {
    case compustat
    case endYear = "end_year"

    public func fiscalYear(of date: CalendarDate) -> Int {
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

