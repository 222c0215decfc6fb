import Foundation
import Testing
@testable import NQPExtract

@Suite("Identity: firm and year of a report")
struct IdentityTests {
    @Test("file-name defaults", arguments: [
        ("000001_2019_平安银行_年度报告.txt", "000001", 2019),
        ("000001-2019.html", "000001", 2019),
        ("600000_2019.html", "600000", 2019),
        ("300617_AKZD_2019_annual_report.html", "300617", 2019),
        ("000001_PAYH_2024_annual_report_crlf.txt", "000001", 2024),
        ("2020-01-21__江苏安靠智能输电工程科技股份有限公司__300617__安靠智电__2019年__年度报告.html", "300617", 2019),
    ])
    func fileNames(_ fileName: String, _ firm: String, _ year: Int) {
        let identity = ReportIdentifier().identify(path: "/data/" + fileName, fileName: fileName)
        #expect(identity == ReportIdentity(firm: firm, year: year, route: [.filename]))
    }

    @Test("a file name without firm and year and no facts is unidentified")
    func none() {
        let identity = ReportIdentifier().identify(path: "report.html", fileName: "report.html")
        #expect(identity == ReportIdentity(firm: nil, year: nil, route: .unidentified))
        #expect(!identity.isComplete)
    }

    @Test("the manifest comes first and matches by path or by file name; firm ids keep leading zeros")
    func manifest() {
        let rules = IdentityRules(manifest: ["/data/a.html": ManifestEntry(firm: "000002", year: 2020),
                                             "000001_2019_x.txt": ManifestEntry(firm: "000001", year: 2018)])
        let identifier = ReportIdentifier(rules: rules)
        #expect(identifier.identify(path: "/data/a.html", fileName: "a.html")
                == ReportIdentity(firm: "000002", year: 2020, route: [.manifest]))
        #expect(identifier.identify(path: "/other/000001_2019_x.txt", fileName: "000001_2019_x.txt")
                == ReportIdentity(firm: "000001", year: 2018, route: [.manifest]))
    }

    @Test("firm_width pads all-digit ids that lost their zeros")
    func firmWidth() {
        let rules = IdentityRules(manifest: ["a.html": ManifestEntry(firm: "1", year: 2020)], firmWidth: 6)
        #expect(ReportIdentifier(rules: rules).identify(path: "a.html", fileName: "a.html").firm == "000001")
        let keep = IdentityRules(manifest: ["a.html": ManifestEntry(firm: "1", year: 2020)])
        #expect(ReportIdentifier(rules: keep).identify(path: "a.html", fileName: "a.html").firm == "1")
    }

    @Test("XBRL dei facts: CIK as 10 digits, fiscal year focus, else the period end date's year")
    func xbrl() {
        let identifier = ReportIdentifier()
        let focus = identifier.identify(path: "aapl.htm", fileName: "aapl.htm", facts: [
            "EntityCentralIndexKey": "320193", "DocumentFiscalYearFocus": "2024", "DocumentPeriodEndDate": "2024-09-28"])
        #expect(focus == ReportIdentity(firm: "0000320193", year: 2024, route: [.xbrl]))
        let periodEnd = identifier.identify(path: "n.htm", fileName: "n.htm", facts: [
            "EntityCentralIndexKey": "0001045810", "DocumentPeriodEndDate": "January 26, 2025"])
        #expect(periodEnd == ReportIdentity(firm: "0001045810", year: 2025, route: [.xbrl]))
        let off = ReportIdentifier(rules: IdentityRules(useXBRLFacts: false))
        #expect(off.identify(path: "n.htm", fileName: "n.htm", facts: ["EntityCentralIndexKey": "1"]).route == .unidentified)
    }

    @Test("the file name wins over XBRL facts; a partial answer is completed from a later rule")
    func order() {
        let identifier = ReportIdentifier()
        let facts = ["EntityCentralIndexKey": "320193", "DocumentFiscalYearFocus": "2024"]
        #expect(identifier.identify(path: "000001_2019.htm", fileName: "000001_2019.htm", facts: facts).route == [.filename])
        let firmOnly = ReportIdentifier(rules: IdentityRules(filenamePatterns: ["^(?<firm>[A-Z]+)_(?<year>[0-9]{4})?"]))
        let mixed = firmOnly.identify(path: "AAPL_.htm", fileName: "AAPL_.htm", facts: ["DocumentFiscalYearFocus": "2024"])
        #expect(mixed == ReportIdentity(firm: "AAPL", year: 2024, route: [.filename, .xbrl]))
    }

    @Test("file-name patterns are validated: syntax and both named groups, with the key in the message")
    func validation() {
        #expect(IdentityRules().problems().isEmpty)
        let rules = IdentityRules(filenamePatterns: ["^(?<firm>[0-9]{6})_", "^(?<firm>[0-9]{6}_(?<year>"], firmWidth: 0)
        let problems = rules.problems()
        // `firm_width` is `reports.firm_width`, checked by the configuration schema.
        #expect(problems.count == 2)
        #expect(problems[0].hasPrefix("filename_patterns[0]") && problems[0].contains("(?<year>…)"))
        #expect(problems[1].hasPrefix("filename_patterns[1]") && problems[1].contains("not a valid regular expression"))
    }
}
