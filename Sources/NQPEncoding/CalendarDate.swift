/// A proleptic Gregorian date without time or zone: period ends in financial data, fiscal-year ends and filing
/// dates of reports.
public struct CalendarDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CalendarDate.daysIn(month: month, year: year) else {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool { a.dayNumber < b.dayNumber }

    public var description: String {
        let m = month < 10 ? "0\(month)" : "\(month)", d = day < 10 ? "0\(day)" : "\(day)"
        return "\(year)-\(m)-\(d)"
    }

    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (civil-from-days algorithm by H. Hinnant).
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public init(dayNumber z0: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        month = m
        day = d
    }

    /// Parses `2019-12-31`, `2019/12/31`, `2019.12.31`, `20191231`, optionally followed by a time
    /// (`2019-12-31 00:00:00`, `2019-12-31T00:00:00`). Nil for anything else.
    public init?(parsing raw: String) {
        // Surrounding whitespace (NBSP and U+3000 included) falls away with the split.
        let datePart = raw.split(whereSeparator: { $0.isWhitespace || $0 == "T" }).first.map(String.init) ?? ""
        let pieces = datePart.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." })
        if pieces.count == 3, let y = Int(pieces[0]), let m = Int(pieces[1]), let d = Int(pieces[2]),
           pieces[0].count == 4 {
            self.init(year: y, month: m, day: d)
        } else if pieces.count == 1, datePart.count == 8, datePart.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let n = Int(datePart) {
            self.init(year: n / 10_000, month: n / 100 % 100, day: n % 100)
        } else {
            return nil
        }
    }

    /// A Stata `%td` value: days since 1960-01-01.
    public init(stataDays: Int) { self.init(dayNumber: stataDays - 3653) }

    /// An Excel serial date (1900 system): days since 1899-12-30.
    public init(excelSerial: Int) { self.init(dayNumber: excelSerial - 25_569) }
}
