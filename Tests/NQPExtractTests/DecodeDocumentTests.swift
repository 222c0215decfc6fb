import Foundation
import Testing
@testable import NQPExtract
import NQPEncoding
import NQPTestSupport

@Suite struct DecodeDocumentTests {
    @Test(arguments: MarkupParser.allCases)
    func gbkDeclaredAsGB2312KeepsGBKOnlyCharactersAndWarns(parser: MarkupParser) throws {
        let doc = try DecodeFixtures.decode("gbk_declared_gb2312.html", parser: parser)
        #expect(doc.encoding.encoding == .gb18030)
        #expect(doc.encoding.source == .declared(label: "gb2312"))
        #expect(doc.layoutText.contains("朱镕基"))
        #expect(doc.layoutText.contains("张喆"))
        #expect(doc.layoutText.contains("第二段：云计算与大数据。"))
        #expect(doc.decodeErrors == 0)
        #expect(doc.warnings.contains { $0.contains("declared \"gb2312\" but decoded as GB18030") })
        #expect(!doc.layoutText.contains("年度报告"), "the title is in head, not visible text")
    }

    @Test func undeclaredGBKFallsBackToGB18030() throws {
        let doc = try DecodeFixtures.decode("gbk_undeclared.html")
        #expect(doc.encoding.source == .fallback)
        #expect(doc.layoutText.contains("数字化转型和人工智能"))
    }

    @Test func undeclaredUTF8IsRecognised() throws {
        let doc = try DecodeFixtures.decode("utf8_undeclared.html")
        #expect(doc.encoding == EncodingDecision(encoding: .utf8, source: .validUTF8))
        #expect(doc.layoutText == "公司董事长朱镕基与总经理张喆出席会议。本公司推进数字化转型和人工智能应用。")
    }

    @Test func byteOrderMarkWinsAndIsNotText() throws {
        let doc = try DecodeFixtures.decode("utf8_bom.html")
        #expect(doc.encoding.source == .byteOrderMark)
        #expect(doc.layoutText.hasPrefix("公司"))
    }

    @Test func metaCharsetGB18030DecodesFourByteCharacters() throws {
        let doc = try DecodeFixtures.decode("gb18030_meta_charset.html")
        #expect(doc.encoding == EncodingDecision(encoding: .gb18030, source: .declared(label: "gb18030")))
        #expect(doc.layoutText == "四字节字符：\u{20000}。")
        #expect(doc.warnings.isEmpty)
    }

    @Test func invalidBytesBecomeReplacementCharactersAndAreCounted() throws {
        let doc = try DecodeFixtures.decode("utf8_declared_invalid.html")
        #expect(doc.decodeErrors == 2)
        #expect(doc.layoutText == "Good text \u{FFFD}\u{FFFD} more")
        #expect(doc.warnings.contains("2 invalid byte sequences replaced by U+FFFD"))
    }

    @Test func forcedEncodingOverridesTheDeclaration() throws {
        let input = try #require(try ReportInputs.load(fileAt: DecodeFixtures.url("gbk_declared_gb2312.html")).first)
        // Forced UTF-8 on GBK bytes: the forced encoding is used, and the result is so damaged (29 % invalid) that
        // the report is quarantined rather than counted (README "Limits": garbage threshold).
        do {
            _ = try DocumentDecoder(forcedEncoding: .utf8).decode(input)
            Issue.record("GBK bytes forced to UTF-8 should be too damaged to count")
        } catch {
            #expect(error.description.contains("decoded as utf-8"), "\(error)")
        }
    }

    @Test func unsupportedForcedEncodingIsAnError() throws {
        let input = ReportInput(path: "x.html", bytes: Array("<p>x</p>".utf8))
        #expect(throws: ExtractError.unsupportedEncoding(path: "x.html", label: "no-such-encoding-xyz")) {
            try DocumentDecoder(forcedEncoding: .other("NO-SUCH-ENCODING-XYZ")).decode(input)
        }
    }

    @Test(arguments: MarkupParser.allCases)
    func inlineXBRLHidesTheHeaderButCollectsItsFacts(parser: MarkupParser) throws {
        let doc = try DecodeFixtures.decode("ixbrl_10k.htm", parser: parser)
        #expect(doc.format == .xhtml)
        #expect(doc.encoding.encoding == .utf8)
        #expect(!doc.layoutText.contains("HIDDENFLAGVALUE"))
        #expect(!doc.layoutText.contains("0000999999"))
        #expect(doc.layoutText.contains("EXAMPLE CORPORATION"))
        #expect(doc.layoutText.contains("Item 7. Management\u{2019}s Discussion and Analysis"))
        #expect(doc.layoutText.contains("artificial\u{A0}intelligence"))
        #expect(doc.facts["EntityCentralIndexKey"] == "0000999999")
        #expect(doc.facts["DocumentFiscalYearFocus"] == "2023")
        #expect(doc.facts["EntityRegistrantName"] == "ORATION")
    }

    @Test func xbrlInstanceGivesOneElementPerLineAndReadsTextBlocksAsHTML() throws {
        let doc = try DecodeFixtures.decode("instance.xml")
        #expect(doc.format == .xml)
        let lines = doc.layoutText.split(separator: "\n").map(String.init)
        #expect(lines == ["Example Widgets Inc.", "0000123456", "2023", "1000",
                          "We use machine learning in revenue recognition.", "Second\u{A0}paragraph.",
                          "CDATA block text"])
        #expect(doc.facts == ["EntityRegistrantName": "Example Widgets Inc.", "EntityCentralIndexKey": "0000123456",
                              "DocumentFiscalYearFocus": "2023"])
    }

    @Test func plainTextTurnsCRLFAndCRIntoLF() throws {
        let doc = try DecodeFixtures.decode("report_crlf.txt")
        #expect(doc.format == .text)
        #expect(doc.layoutText == "第一行年度报\n告\n第三行\n第四行\n")
    }

    @Test func emptyAndBinaryFilesAreErrors() throws {
        #expect(throws: ExtractError.emptyFile(path: DecodeFixtures.url("empty.html").path)) {
            try ReportInputs.load(fileAt: DecodeFixtures.url("empty.html"))
        }
        let input = try #require(try ReportInputs.load(fileAt: DecodeFixtures.url("fake.html")).first)
        #expect(throws: ExtractError.self) { try DocumentDecoder().decode(input) }
    }

    @Test func formatIsDetectedByExtensionThenContent() {
        #expect(ReportFormat.detect(fileName: "a.HTM", bytes: Array("<p>x".utf8)) == .html)
        #expect(ReportFormat.detect(fileName: "a.htm", bytes: Array("<?xml version='1.0'?><html>".utf8)) == .xhtml)
        #expect(ReportFormat.detect(fileName: "a.xml.gz", bytes: []) == .xml)
        #expect(ReportFormat.detect(fileName: "a.txt", bytes: Array("<p>".utf8)) == .text)
        #expect(ReportFormat.detect(fileName: "a.dat", bytes: Array("<html><body>x".utf8)) == .html)
        #expect(ReportFormat.detect(fileName: "a.dat", bytes: Array("<?xml version='1.0'?><a>x</a>".utf8)) == .xml)
        #expect(ReportFormat.detect(fileName: "a", bytes: Array("第一节 重要提示".utf8)) == .text)
    }

    // MARK: - Real data (skipped when ../shared/realdata is absent)

    @Test(.enabled(if: TestPaths.hasRealData))
    func everyRealReportDecodesWithoutCrashing() throws {
        let root = try #require(TestPaths.realData)
        let files = DecodeRealData.files(under: root, extensions: ["html", "htm", "xml", "txt", "xhtml"])
        #expect(files.count >= 10)
        for url in files {
            for input in try ReportInputs.load(fileAt: url) {
                let doc = try DocumentDecoder().decode(input)
                if input.bytes.count > 10_000 {
                    #expect(doc.layoutText.unicodeScalars.count > 1_000, "\(url.lastPathComponent)")
                }
            }
        }
    }

    @Test(.enabled(if: TestPaths.hasRealData))
    func inlineXBRL10KTextHasNoHiddenHeaderFacts() throws {
        let root = try #require(TestPaths.realData)
        let folder = root.appendingPathComponent("dgunning__edgartools/10k_html")
        for name in ["NVDA_10-K_FY2023_ixbrl.html", "NVDA_10-K_FY2025_ixbrl.html", "AAPL_10-K_FY2024_ixbrl.html"] {
            let url = folder.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.path) else { continue }
            let input = try #require(try ReportInputs.load(fileAt: url).first)
            let doc = try DocumentDecoder().decode(input)
            let cik = try #require(doc.facts["EntityCentralIndexKey"], "\(name)")
            // The CIK (and the fiscal-year focus element) exist only inside the hidden ix:header.
            #expect(!doc.layoutText.contains(cik), "\(name)")
            #expect(doc.facts["DocumentFiscalYearFocus"] != nil, "\(name)")
            #expect(!doc.layoutText.contains("--01-28") && !doc.layoutText.contains("--09-28"), "\(name)")
            #expect(doc.layoutText.contains("Item 7"), "\(name)")
        }
    }

    @Test(.enabled(if: TestPaths.hasRealData))
    func chineseRealReportsAreReadAsUTF8Text() throws {
        let root = try #require(TestPaths.realData)
        let url = root.appendingPathComponent("MetaGLM__FinGLM/annual_reports_html/601658_PSBC_2019_annual_report.html")
        guard FileManager.default.fileExists(atPath: url.path) else { return }
        let doc = try DocumentDecoder().decode(try #require(try ReportInputs.load(fileAt: url).first))
        #expect(doc.encoding.encoding == .utf8)
        #expect(doc.decodeErrors == 0)
        #expect(doc.layoutText.contains("中国邮政储蓄银行股份有限公司"))
    }
}
