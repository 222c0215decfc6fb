import Foundation
import Testing
import NQPTestSupport
@testable import NQPExtract

/// Real third-party reports in ../shared/realdata (from rongzhiy/Word_frequency_of_finance, MetaGLM/FinGLM, sherry56/Climate_risk and dgunning/edgartools); skipped when absent.
@Suite("ReportExtractor on real reports", .enabled(if: TestPaths.hasRealData))
struct ReportExtractorRealDataTests {
    static let chineseReports = [
        "rongzhiy__Word_frequency_of_finance/annual_reports_txt/000001_SDFZA_2006_annual_report.txt",
        "rongzhiy__Word_frequency_of_finance/annual_reports_txt/000001_PAYH_2017_annual_report_TRUNCATED.txt",
        "rongzhiy__Word_frequency_of_finance/annual_reports_txt/000001_PAYH_2018_annual_report.txt",
        "sherry56__Climate_risk/000001_PAYH_2024_annual_report_crlf.txt",
        "MetaGLM__FinGLM/annual_reports_html/002099_HXYY_2019_annual_report.html",
        "MetaGLM__FinGLM/annual_reports_html/300617_AKZD_2019_annual_report.html",
        "MetaGLM__FinGLM/annual_reports_html/601658_PSBC_2019_annual_report.html",
    ]

    static func extract(_ relativePath: String) throws -> ExtractedReport {
        let root = try #require(TestPaths.realData)
        let url = root.appendingPathComponent(relativePath)
        return try ReportExtractor().extract(ReportInput(path: url.path, bytes: [UInt8](try Data(contentsOf: url))))
    }

    static func compact(_ text: String) -> String {
        String(String.UnicodeScalarView(MatchText.normalize(text).unicodeScalars.filter { !MatchText.isWhitespace($0) }))
    }

    @Test("every Chinese report has a plausible MD&A with the expected heading and firm/year", arguments: [
        (chineseReports[0], "第九节 董事会报告", "000001", 2006),
        (chineseReports[1], "第四节 经营情况讨论与分析", "000001", 2017),
        (chineseReports[2], "第五节 经营情况讨论与分析", "000001", 2018),
        (chineseReports[3], "第三章 管理层讨论与分析", "000001", 2024),
        (chineseReports[4], "第四节经营情况讨论与分析", "002099", 2019),
        (chineseReports[5], "第四节经营情况讨论与分析", "300617", 2019),
        (chineseReports[6], "7.讨论与分析", "601658", 2019),
    ])
    func chineseMDNA(_ path: String, _ heading: String, _ firm: String, _ year: Int) throws {
        let report = try Self.extract(path)
        let section = try #require(report.section(named: "mdna"), "\(path): \(report.warnings)")
        #expect(section.heading.replacingOccurrences(of: " ", with: "") == heading.replacingOccurrences(of: " ", with: ""))
        // Plausible: a real MD&A is typically 10k–65k characters and a fraction of the report.
        #expect(section.chars >= 10_000 && section.chars <= 70_000, "\(path): \(section.chars)")
        #expect(section.chars < report.chars / 2 || path.contains("TRUNCATED"))
        #expect(report.identity == ReportIdentity(firm: firm, year: year, route: [.filename]))
    }

    @Test("the truncated 2017 report: the MD&A runs to the end of the text and says so")
    func truncated2017() throws {
        let report = try Self.extract(Self.chineseReports[1])
        let section = try #require(report.section(named: "mdna"))
        #expect(section.end == report.chars)
        #expect(report.warnings.contains { $0.contains("no closing heading") })
    }

    @Test("the 2006 report: the whole 董事会报告 chapter, which opens with the discussion of operations")
    func boardReport2006() throws {
        let mdna = try #require(try Self.extract(Self.chineseReports[0]).text(in: .mdna))
        #expect(mdna.hasPrefix("第九节董事会报告(一)报告期内经营情况的讨论与分析"))
        #expect(!mdna.contains("第十节监事会报告"))
    }

    @Test("Ping An Bank 2024: the MD&A contains the first 800 characters of the peer's extract")
    func pingAn2024Peer() throws {
        let root = try #require(TestPaths.realData)
        let peerURL = root.appendingPathComponent("sherry56__Climate_risk/000001_PAYH_2024_mda_extract_by_peer.txt")
        let peer = Self.compact(try String(contentsOf: peerURL, encoding: .utf8))
        let head = String(String.UnicodeScalarView(peer.unicodeScalars.prefix(800)))
        #expect(head.unicodeScalars.count == 800)
        let mdna = try #require(try Self.extract(Self.chineseReports[3]).text(in: .mdna))
        #expect(Self.compact(mdna).contains(head))
        #expect(!mdna.contains("公司治理4.1"), "ends before chapter 4")
    }

    @Test("PSBC 2019 uses the `7. 讨论与分析` style and ends at `8.`")
    func psbc2019() throws {
        let mdna = try #require(try Self.extract(Self.chineseReports[6]).text(in: .mdna))
        #expect(mdna.hasPrefix("7.讨论与分析7.1环境与展望"))
        #expect(!mdna.contains("8.股本变动及股东情况"))
    }

    @Test("10-K Item 7: found in the iXBRL filings, a warning for IBM's Item 7 incorporated by reference", arguments: [
        ("AAPL_10-K_FY2024_ixbrl.html", true), ("NVDA_10-K_FY2023_ixbrl.html", true),
        ("NVDA_10-K_FY2025_ixbrl.html", true), ("NFLX_10-K_FY2024_ixbrl.html", true),
        ("GAINSCO_10-K_FY2009_0001193125-10-073212.html", true), ("IBM_10-K_FY2024_ixbrl.html", false),
    ])
    func tenK(_ name: String, _ hasMDNA: Bool) throws {
        let report = try Self.extract("dgunning__edgartools/10k_html/" + name)
        if hasMDNA {
            let section = try #require(report.section(named: "mdna"), "\(report.warnings)")
            #expect(section.heading.uppercased().hasPrefix("ITEM 7"))
            #expect(section.chars > 10_000)
            let after = String(String.UnicodeScalarView(report.matchText.unicodeScalars.dropFirst(section.end).prefix(8)))
            #expect(after.uppercased().hasPrefix("ITEM 7A") || after.uppercased().hasPrefix("ITEM 8"), "\(after)")
        } else {
            #expect(report.text(in: .mdna) == nil)
            // Better than before: recognised as incorporated by reference, with the pointer kept.
            #expect(report.items.first { $0.item == "7" }?.status == .incorporatedByReference)
            #expect(report.warnings.contains { $0.contains("incorporated by reference") })
        }
    }

    @Test("iXBRL 10-Ks are identified by their dei facts, CIK as 10 digits")
    func tenKIdentity() throws {
        let report = try Self.extract("dgunning__edgartools/10k_html/AAPL_10-K_FY2024_ixbrl.html")
        #expect(report.identity.firm == "0000320193")
        #expect(report.identity.year == 2024)
        #expect(report.identity.route == [.xbrl])
        #expect(report.identity.formType == "10-K")
    }
}
