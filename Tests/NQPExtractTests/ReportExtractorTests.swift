import Foundation
import Testing
@testable import NQPExtract

@Suite("ReportExtractor: decoder, match text, MD&A and identity together")
struct ReportExtractorTests {
    static func fixture(_ name: String) throws -> ReportInput {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/text/" + name, withExtension: nil))
        return ReportInput(path: url.path, bytes: [UInt8](try Data(contentsOf: url)))
    }

    @Test("an HTML report gives match text, the MD&A after its TOC entry and cross-reference, and firm/year")
    func htmlReport() throws {
        let report = try ReportExtractor().extract(try Self.fixture("000001_2021_mdna_sample.html"))
        #expect(report.identity == ReportIdentity(firm: "000001", year: 2021, route: [.filename]))
        #expect(report.format == .html)
        #expect(report.matchText.contains("运用AI、大数据与云计算技术"))
        let section = try #require(report.section(named: "mdna"))
        #expect(section.heading == "第三节 管理层讨论与分析")
        let mdna = try #require(report.text(in: .mdna))
        #expect(mdna.hasPrefix("第三节管理层讨论与分析一、概述报告期内"))
        #expect(!mdna.contains("公司治理"))
        let scalars = Array(report.matchText.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[section.start..<section.end])) == mdna)
        #expect(section.chars == mdna.unicodeScalars.count)
        #expect(report.text(in: .full) == report.matchText)
        #expect(report.chars == scalars.count)
    }

    @Test("a report without an MD&A has a warning and text(in: .mdna) is nil")
    func missingMDNA() throws {
        let text = "第一节 重要提示\n本公司董事会保证年度报告内容真实。\n第二节 公司简介\n"
        let input = ReportInput(path: "/in/600000_2019.txt", bytes: Array(text.utf8))
        let report = try ReportExtractor().extract(input)
        #expect(report.text(in: .mdna) == nil)
        #expect(report.sections.isEmpty)
        #expect(report.warnings.contains { $0.contains("MD&A not found") })
        #expect(report.identity == ReportIdentity(firm: "600000", year: 2019, route: [.filename]))
    }

    @Test("options reach the section finder and the identifier")
    func options() throws {
        let text = "第三节 管理层讨论与分析\n本公司经营稳健。\n第四节 公司治理\n"
        let input = ReportInput(path: "/in/x.txt", bytes: Array(text.utf8))
        let options = ExtractOptions(identity: IdentityRules(manifest: ["x.txt": ManifestEntry(firm: "000002", year: 2020)]),
                                     minimumMDNAChars: 5)
        let report = try ReportExtractor(options: options).extract(input)
        #expect(report.text(in: .mdna) == "第三节管理层讨论与分析本公司经营稳健。")
        #expect(report.identity.route == [.manifest])
    }
}
