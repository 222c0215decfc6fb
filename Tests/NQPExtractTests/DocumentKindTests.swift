import Foundation
import Testing
@testable import NQPExtract
import NQPTestSupport

@Suite("Document kind and text identification (which PDFs are the annual report)")
struct DocumentKindTests {
    @Test("cninfo titles and file names: kind and version", arguments: [
        ("2017年年度报告", DocumentKind.annualReport, DocumentVersion.original),
        ("万 科 Ａ2003年年度报告", .annualReport, .original),
        ("平安银行：2017年年度报告.PDF", .annualReport, .original),
        ("000001_2017_平安银行_2017年年度报告.pdf", .annualReport, .original),
        ("2018-03-15__平安银行股份有限公司__000001__平安银行__2017年__年度报告.pdf", .annualReport, .original),
        ("2017年年度报告摘要", .summary, .original),
        ("2017年年度报告摘要（更新后）", .summary, .corrected),
        ("2017年年度报告（英文版）", .english, .original),
        ("2017 Annual Report (English)", .english, .original),
        ("2015年年度报告（更新后）", .annualReport, .corrected),
        ("2021年年度报告（更正后）", .annualReport, .corrected),
        ("2007年年度报告（修订版）", .annualReport, .corrected),
        ("2006年年度报告（调整后）", .annualReport, .corrected),
        ("2019年年度报告（修订后）.pdf", .annualReport, .corrected),
        ("2019年年度报告（补充后）", .annualReport, .corrected),
        ("2016年年度报告（已取消）", .annualReport, .cancelled),
        ("2016年年度报告摘要（已取消）", .summary, .cancelled),
        ("2017年半年度报告", .interim, .original),
        ("2017年第一季度报告", .interim, .original),
        ("000002_样例置业_年报.zip", .annualReport, .original),
    ])
    func titles(_ title: String, _ kind: DocumentKind, _ version: DocumentVersion) {
        let found = DocumentClassifier.classify(title: DocumentClassifier.stem(title))
        #expect(found.kind == kind, "\(title)")
        #expect(found.version == version, "\(title)")
    }

    @Test("a name that names no kind leaves it to the first page's title, else an original annual report")
    func nameThenText() {
        let summaryText = "平安银行股份有限公司2017年年度报告摘要 一、重要提示 本年度报告摘要来自年度报告全文"
        #expect(DocumentClassifier.classify(fileName: "000001_2017.pdf", openingText: summaryText)
                == DocumentClass(kind: .summary, version: .original, source: .text))
        let full = "平安银行股份有限公司 2017年年度报告 第一节 重要提示、目录和释义"
        #expect(DocumentClassifier.classify(fileName: "000001_PAYH_2017.pdf", openingText: full)
                == DocumentClass(kind: .annualReport, version: .original, source: .text))
        #expect(DocumentClassifier.classify(fileName: "000001_PAYH_2017_annual_report.pdf", openingText: summaryText)
                == DocumentClass(kind: .annualReport, version: .original, source: .filename))
        let corrected = "万科企业股份有限公司 2015年年度报告(更新后) 重要提示"
        #expect(DocumentClassifier.classify(fileName: "x.pdf", openingText: corrected).version == .corrected)
        // The file name decides the kind even when the cover says otherwise; a cancelled mark only names give.
        #expect(DocumentClassifier.classify(fileName: "2016年年度报告（已取消）.pdf", openingText: full)
                == DocumentClass(kind: .annualReport, version: .cancelled, source: .filename))
        #expect(DocumentClassifier.classify(fileName: "report.html", openingText: "公司简介 本公司成立于1990年")
                == .assumed)
        // "本年度报告期内" in the body is no title: a title needs a year before 年度报告.
        #expect(DocumentClassifier.classify(openingText: "本年度报告期内，公司实现营业收入") == nil)
    }

    @Test("English text: an English version unless it is a US filing")
    func english() {
        let english = "Ping An Bank Co., Ltd. 2017 Annual Report Important Notice"
        #expect(DocumentClassifier.classify(openingText: english)?.kind == .english)
        let tenK = "UNITED STATES SECURITIES AND EXCHANGE COMMISSION FORM 10-K ANNUAL REPORT PURSUANT TO SECTION 13"
        #expect(DocumentClassifier.classify(openingText: tenK) == nil
                || DocumentClassifier.classify(openingText: tenK)?.kind == .annualReport)
        #expect(DocumentClassifier.classify(fileName: "aapl-20230930.htm", openingText: tenK).kind == .annualReport)
        #expect(TextIdentity.identify(openingText: "Annual Report 2019 of Example Co.").year == 2019)
        // An inline-XBRL document is an SEC filing even when its cover has no "Form 10-K" in the first pages.
        #expect(DocumentClassifier.classify(fileName: "x.htm", openingText: english).kind == .english)
        #expect(DocumentClassifier.classify(fileName: "x.htm", openingText: english, hasXBRLFacts: true).kind == .annualReport)
        #expect(TextIdentity.identify(openingText: "2019 Annual Report " + tenK).year == nil)
    }

    @Test("firm and year from the first pages' text", arguments: [
        ("平安银行股份有限公司 2017 年年度报告 股票代码：000001 股票简称：平安银行", "000001", 2017),
        ("证券代码:600519 证券简称:贵州茅台 贵州茅台酒股份有限公司2021年年度报告", "600519", 2021),
        ("深圳发展银行股份有限公司 二○○六年年度报告 A股代码 000001", "000001", 2006),
        ("二〇二一年年度报告摘要 证券代码 000002", "000002", 2021),
        ("公司代码:600519 公司简称:贵州茅台 贵州茅台酒股份有限公司2021年年度报告", "600519", 2021),
        ("万科企业股份有限公司 2012年度报告 11.股票简称及代码:万科A 000002 万科B 200002", "000002", 2012),
        ("2017年度报告 统一社会信用代码:91440300192185379H 股票代码:000001", "000001", 2017),
    ])
    func textIdentity(_ text: String, _ firm: String, _ year: Int) {
        let folded = text.precomposedStringWithCompatibilityMapping
        let found = TextIdentity.identify(openingText: folded)
        #expect(found.firm == firm)
        #expect(found.year == year)
    }

    @Test("text identification only fills what the manifest, file name and XBRL facts left open; routes say so")
    func routes() {
        let text = "平安银行股份有限公司2017年年度报告 股票代码:000001"
        let identifier = ReportIdentifier()
        // Title-only cninfo name: the year is in the name, the code only in the text.
        #expect(identifier.identify(path: "平安银行：2017年年度报告.PDF", fileName: "平安银行：2017年年度报告.PDF")
                == ReportIdentity(firm: nil, year: 2017, route: [.filename]))
        #expect(identifier.identify(path: "平安银行：2017年年度报告.PDF", fileName: "平安银行：2017年年度报告.PDF",
                                    openingText: "平安银行 股票代码:000001").route == [.text, .filename])
        #expect(identifier.identify(path: "report.pdf", fileName: "report.pdf", openingText: text)
                == ReportIdentity(firm: "000001", year: 2017, route: [.text]))
        // The name's year stands even when the cover's title says otherwise; the firm comes from the cover.
        #expect(identifier.identify(path: "平安银行：2018年年度报告.PDF", fileName: "平安银行：2018年年度报告.PDF",
                                    openingText: text) == ReportIdentity(firm: "000001", year: 2018, route: [.text, .filename]))
        // The name wins over the text.
        #expect(identifier.identify(path: "000002_2018.pdf", fileName: "000002_2018.pdf", openingText: text)
                == ReportIdentity(firm: "000002", year: 2018, route: [.filename]))
        // Every cninfo name form from the README.
        for name in ["000001_2017_平安银行_2017年年度报告.pdf",
                     "2018-03-15__平安银行股份有限公司__000001__平安银行__2017年__年度报告.pdf"] {
            #expect(identifier.identify(path: name, fileName: name) == ReportIdentity(firm: "000001", year: 2017, route: [.filename]))
        }
        // A publication date in the name is not the fiscal year.
        #expect(ReportIdentifier.titleYear(in: "2018-03-15 平安银行：2017年年度报告（更新后）.pdf") == 2017)
    }

    @Test("the extractor records the kind and identifies from the text of any format")
    func extractor() throws {
        let html = "<html><body><p>平安银行股份有限公司</p><p>2017 年年度报告摘要</p><p>股票代码：000001</p></body></html>"
        let input = ReportInput(path: "/tmp/report.html", fileName: "report.html", bytes: Array(html.utf8))
        let report = try ReportExtractor().extract(input)
        #expect(report.document == DocumentClass(kind: .summary, version: .original, source: .text))
        #expect(report.identity == ReportIdentity(firm: "000001", year: 2017, route: [.text]))
    }
}

@Suite("Text identification on the real cninfo PDFs")
struct DocumentKindRealPDFTests {
    /// Each A-share PDF of ../shared/realdata/cninfo_pdf, read under a name that says nothing: firm and year come
    /// from the first pages' text and agree with the real file name; the 10-K is an annual report too.
    @Test(.enabled(if: TestPaths.hasRealData)) func firmAndYearFromTheFirstPages() throws {
        guard let folder = TestPaths.realData?.appendingPathComponent("cninfo_pdf"),
              let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names.sorted() where name.hasSuffix(".pdf") {
            let bytes = Array(try Data(contentsOf: folder.appendingPathComponent(name)))
            let report = try ReportExtractor().extract(ReportInput(path: "/x/report.pdf", fileName: "report.pdf", bytes: bytes))
            #expect(report.document.kind == .annualReport, "\(name)")
            guard name.first?.isNumber == true else { continue }
            let parts = name.split(separator: "_")
            #expect(report.identity == ReportIdentity(firm: String(parts[0]), year: Int(parts[2]), route: [.text]), "\(name)")
            #expect(report.document == DocumentClass(kind: .annualReport, version: .original, source: .text), "\(name)")
        }
    }
}
