import NQPEncoding
import Testing
@testable import NQPPanel

@Suite("Firm codes and fiscal years")
struct FirmCodeAndFiscalYearTests {
    @Test("Codes that lost their leading zeros are padded to the configured width")
    func padding() {
        #expect(FirmCode.normalize("1", width: 6) == "000001")
        #expect(FirmCode.normalize("1.0", width: 6) == "000001")
        #expect(FirmCode.normalize(" 1", width: 6) == "000001")
        #expect(FirmCode.normalize("000001", width: 6) == "000001")
        #expect(FirmCode.normalize("000001.SZ", width: 6) == "000001")
        #expect(FirmCode.normalize("600000.sh", width: 6) == "600000")
        #expect(FirmCode.normalize("1640147", width: 10) == "0001640147")
    }

    @Test("Without a width codes are only trimmed and de-floated; letters and long codes are kept")
    func keeping() {
        #expect(FirmCode.normalize(" 1 ", width: nil) == "1")
        #expect(FirmCode.normalize("415.0", width: nil) == "415")
        #expect(FirmCode.normalize("AAPL", width: 6) == "AAPL")
        #expect(FirmCode.normalize("1234567", width: 6) == "1234567")
        #expect(FirmCode.normalize("1.5", width: 6) == "1.5")
        #expect(FirmCode.normalize("  ", width: 6) == nil)
    }

    @Test("December year ends give the calendar year under both rules")
    func december() throws {
        let d = try #require(CalendarDate(parsing: "2019-12-31"))
        #expect(FiscalYearRule.compustat.fiscalYear(of: d) == 2019)
        #expect(FiscalYearRule.endYear.fiscalYear(of: d) == 2019)
    }

    @Test("Compustat rule: a year end in January–May belongs to the previous fiscal year")
    func compustatRule() throws {
        func fy(_ s: String, _ rule: FiscalYearRule = .compustat) throws -> Int {
            rule.fiscalYear(of: try #require(CalendarDate(parsing: s)))
        }
        #expect(try fy("2021-01-31") == 2020)        // Snowflake
        #expect(try fy("2021-01-31", .endYear) == 2021)
        #expect(try fy("2020-05-31") == 2019)
        #expect(try fy("2020-06-30") == 2020)
        #expect(try fy("2024-09-28") == 2024)        // Apple
        #expect(try fy("2023-01-29") == 2022)        // NVIDIA 52/53 weeks
        #expect(try fy("2023-06-03") == 2022)        // first week of June counts as May
        #expect(try fy("2023-01-05") == 2022)        // first week of January counts as December
    }

    @Test("Dates parse in the forms financial exports use")
    func dates() {
        #expect(CalendarDate(parsing: "2019/12/31") == CalendarDate(year: 2019, month: 12, day: 31))
        #expect(CalendarDate(parsing: "20191231") == CalendarDate(year: 2019, month: 12, day: 31))
        #expect(CalendarDate(parsing: "2019-12-31 00:00:00") == CalendarDate(year: 2019, month: 12, day: 31))
        #expect(CalendarDate(parsing: "2019-02-30") == nil)
        #expect(CalendarDate(stataDays: 0) == CalendarDate(year: 1960, month: 1, day: 1))
        #expect(CalendarDate(excelSerial: 43830) == CalendarDate(year: 2019, month: 12, day: 31))
        #expect(SourceBuilder.date("21914", epoch: .stata) == CalendarDate(year: 2019, month: 12, day: 31))
    }

    @Test("Years read from 2019, 2019.0 and 2019年")
    func years() {
        #expect(YearValue.parse("2019") == 2019)
        #expect(YearValue.parse("2019.0") == 2019)
        #expect(YearValue.parse("2019年") == 2019)
        #expect(YearValue.parse("19") == nil)
        #expect(YearValue.parse("2019.5") == nil)
    }

    @Test("Numbers: thousands separators in groups of three; no inf, nan or hex")
    func numberParsing() {
        #expect(NumberText.parse("1,234,567.5") == 1_234_567.5)
        #expect(NumberText.parse("-1.0") == -1)
        #expect(NumberText.parse("1E-3") == 0.001)
        #expect(NumberText.parse("12,34") == nil)
        #expect(NumberText.parse("inf") == nil)
        #expect(NumberText.parse("nan") == nil)
        #expect(NumberText.parse("0x10") == nil)
    }
}
