import Foundation
@testable import NQPExtract
import NQPTestSupport
import Testing

/// PDF reports (README "PDF reports"), on PDFs our own generator typesets at test time.
@Suite("PDF reports", .serialized)
struct PDFReportTests {
    static let firmHeader = "星辰大数据科技股份有限公司 2021 年年度报告"

    /// Deterministic Chinese prose lines (about 24–30 characters, some digits and ASCII words), never repeating.
    static func prose(_ count: Int, seed: UInt64, keyword: String? = nil) -> [String] {
        let words = ["公司", "持续", "推进", "经营", "管理", "业务", "发展", "市场", "客户", "产品", "质量", "效益",
                     "提升", "优化", "结构", "渠道", "品牌", "研发", "投入", "创新", "服务", "体系", "建设", "风险",
                     "控制", "合规", "治理", "稳健", "增长", "营业收入", "净利润", "同比", "报告期内", "行业", "竞争",
                     "ERP", "IT", "供应链", "区域", "布局"]
        var generator = SeededGenerator(seed: seed)
        var lines: [String] = []
        for index in 0..<count {
            var line = ""
            if let keyword, index == count / 2 { line += keyword }
            while line.count < 24 {
                line += words[Int(generator.next() % UInt64(words.count))]
                if generator.next() % 7 == 0 { line += "\(generator.next() % 9000 + 100)" }
            }
            line += index % 3 == 0 ? "。" : "，"
            lines.append(line)
        }
        return lines
    }

    static func extract(_ url: URL) throws -> ExtractedReport {
        let input = try #require(try ReportInputs.load(fileAt: url).first)
        return try ReportExtractor().extract(input)
    }

    static func slice(_ text: String, _ range: Range<Int>) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[min(range.lowerBound, scalars.count)..<min(range.upperBound, scalars.count)])
        return String(out).trimmingCharacters(in: .whitespaces)
    }

    static func occurrences(of needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    // MARK: - Text rules

    @Test(.enabled(if: TestPDF.isAvailable, "needs the test PDF generator"))
    func everyPageMatchesItsSourceTextAndRunningHeadersAreRemoved() throws {
        let folder = try TestPaths.temporaryDirectory("nqp-pdf")
        defer { try? FileManager.default.removeItem(at: folder) }
        let spec: [String: Any] = [
            "header": Self.firmHeader, "footer": "第 {page} 页 共 {pages} 页", "page_numbers": true,
            "pages": [
                ["lines": Self.prose(20, seed: 1, keyword: "大数据")],
                ["lines": Self.prose(28, seed: 2)],
                ["lines": Self.prose(12, seed: 3, keyword: "人工智能") + ["Cloud computing and AI 2021 revenue 1,234.56"]],
                ["columns": [Self.prose(10, seed: 4).map { String($0.prefix(14)) },
                             Self.prose(10, seed: 5, keyword: "云计算").map { String($0.prefix(14)) }]],
                ["lines": ["主要会计数据"], "table": [["项目", "2021年", "2020年"], ["营业收入", "1,234.00", "1,000.00"],
                                                 ["净利润", "456.78", "400.00"]]],
                ["lines": Self.prose(25, seed: 6)],
            ],
        ]
        let url = folder.appendingPathComponent("000001_2021_星辰.pdf")
        try TestPDF.make(spec, at: url)
        let report = try Self.extract(url)
        #expect(report.format == .pdf)
        let pages = try #require(report.pages)
        #expect(pages.count == 6)
        // Header, footer and page number on each of the 6 pages.
        #expect(pages.runningLinesRemoved == 18)
        let expected = TestPDF.pageTexts(spec)
        let bounds = pages.starts + [MatchText.scalarCount(of: report.matchText)]
        for (index, text) in expected.enumerated() {
            let got = Self.slice(report.matchText, bounds[index]..<bounds[index + 1])
            #expect(got == MatchText.normalize(text), "page \(index + 1)")
        }
        // The firm name in the running header gives no "big data" hit per page.
        #expect(Self.occurrences(of: "大数据", in: report.matchText) == 1)
        #expect(!report.matchText.contains("星辰"))
        #expect(!report.matchText.contains("共6页"))
        #expect(pages.page(atOffset: report.matchText.unicodeScalars.count - 1) == 6)
    }

    /// A word split at a page end rejoins: the footer and page number between its halves are removed and the line
    /// break between pages is whitespace next to CJK.
    @Test(.enabled(if: TestPDF.isAvailable, "needs the test PDF generator"))
    func aWordSplitAcrossAPageBreakRejoins() throws {
        let folder = try TestPaths.temporaryDirectory("nqp-pdf")
        defer { try? FileManager.default.removeItem(at: folder) }
        let spec: [String: Any] = [
            "header": Self.firmHeader, "footer": "第 {page} 页 共 {pages} 页", "page_numbers": true,
            "pages": [["lines": Self.prose(10, seed: 60) + ["本行积极创新中小企业服务模式中小企业征"]],
                      ["lines": ["信数据贷，开创新局面。"] + Self.prose(10, seed: 61)],
                      ["lines": Self.prose(10, seed: 62)]],
        ]
        let url = folder.appendingPathComponent("split.pdf")
        try TestPDF.make(spec, at: url)
        let report = try Self.extract(url)
        #expect(report.matchText.contains("中小企业征信数据贷"))
        let pages = try #require(report.pages)
        let offset = try #require(report.matchText.range(of: "征信数据贷")).lowerBound
        let scalarOffset = report.matchText.unicodeScalars.distance(from: report.matchText.unicodeScalars.startIndex,
                                                                    to: offset)
        #expect(pages.page(atOffset: scalarOffset) == 1, "a hit is on the page where it starts")
    }

    @Test(.enabled(if: TestPDF.isAvailable, "needs the test PDF generator"))
    func mdnaIsFoundByTheTextRulesAndChapterRunningHeadersNeitherStartNorEndIt() throws {
        let folder = try TestPaths.temporaryDirectory("nqp-pdf")
        defer { try? FileManager.default.removeItem(at: folder) }
        let chapter = "第三节 管理层讨论与分析"
        var pages: [[String: Any]] = [
            ["lines": ["星辰大数据科技股份有限公司", "2021 年年度报告"], "header": NSNull(), "footer": NSNull()],
            ["lines": ["目录", "第一节 重要提示 .................... 3", "第三节 管理层讨论与分析 ............ 4",
                       "第四节 重要事项 .................... 8"]],
            ["lines": ["第一节 重要提示"] + Self.prose(20, seed: 10)],
            ["lines": [chapter] + Self.prose(26, seed: 11, keyword: "区块链")],
        ]
        for seed in 12...14 {
            pages.append(["lines": Self.prose(28, seed: UInt64(seed)), "header": "\(chapter)  星辰科技 2021 年年度报告"])
        }
        pages.append(["lines": ["第四节 重要事项"] + Self.prose(20, seed: 15, keyword: "大数据")])
        pages.append(["lines": Self.prose(20, seed: 16), "header": "第四节 重要事项  星辰科技 2021 年年度报告"])
        pages.append(["lines": Self.prose(20, seed: 17), "header": "第四节 重要事项  星辰科技 2021 年年度报告"])
        pages.append(["lines": Self.prose(20, seed: 18), "header": "第四节 重要事项  星辰科技 2021 年年度报告"])
        let spec: [String: Any] = ["header": "星辰科技 2021 年年度报告", "page_numbers": true, "pages": pages]
        let url = folder.appendingPathComponent("000001_2021_星辰.pdf")
        try TestPDF.make(spec, at: url)
        let report = try Self.extract(url)
        let mdna = try #require(report.section(named: "mdna"), "warnings: \(report.warnings)")
        let pageMap = try #require(report.pages)
        #expect(mdna.start == pageMap.starts[3], "the MD&A starts at its heading on page 4, not in the contents")
        #expect(mdna.end == pageMap.starts[7], "and ends where the next chapter starts (page 8)")
        let text = try #require(report.text(in: .mdna))
        #expect(text.hasPrefix("第三节管理层讨论与分析"))
        #expect(Self.occurrences(of: "管理层讨论与分析", in: text) == 1, "running chapter headers removed")
        #expect(text.contains("区块链") && !text.contains("大数据"))
    }

    // MARK: - Quality checks

    @Test(.enabled(if: TestPDF.isAvailable, "needs the test PDF generator"))
    func scannedPDFIsRefusedAndScannedPagesAreNamed() throws {
        let folder = try TestPaths.temporaryDirectory("nqp-pdf")
        defer { try? FileManager.default.removeItem(at: folder) }
        let scanned = folder.appendingPathComponent("scanned.pdf")
        try TestPDF.make(["pages": [["image_only": true], ["image_only": true], ["image_only": true]]], at: scanned)
        do {
            _ = try Self.extract(scanned)
            Issue.record("a scanned PDF must be refused")
        } catch let error as ExtractError {
            guard case .pdf(let pdf) = error, case .noTextLayer(3) = pdf.kind else {
                Issue.record("wrong error \(error)"); return
            }
            #expect(error.description.contains("no text layer (scanned PDF); OCR it first"))
            #expect(error.path == scanned.path)
        }
        let partly = folder.appendingPathComponent("partly.pdf")
        try TestPDF.make(["pages": [["lines": Self.prose(5, seed: 20)], ["image_only": true],
                                    ["lines": Self.prose(5, seed: 21)], [:]]], at: partly)
        let report = try Self.extract(partly)
        #expect(report.warnings.contains { $0.contains("page 2 has no text layer") }, "\(report.warnings)")
        #expect(!report.warnings.contains { $0.contains("page 4") }, "a blank page is not a scanned page")
    }

    @Test(.enabled(if: TestPDF.isAvailable, "needs the test PDF generator"))
    func unreadableTextLayerIsRefusedWithItsShare() throws {
        let folder = try TestPaths.temporaryDirectory("nqp-pdf")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("unmapped.pdf")
        try TestPDF.make(["unmapped": true, "pages": [["lines": Self.prose(10, seed: 30)]]], at: url)
        do {
            _ = try Self.extract(url)
            Issue.record("a text layer without Unicode must be refused")
        } catch let error as ExtractError {
            guard case .pdf(let pdf) = error, case .unreadableTextLayer(let share, let limit) = pdf.kind else {
                Issue.record("wrong error \(error)"); return
            }
            #expect(share > 0.9 && limit == 0.2)
            #expect(error.description.contains("unreadable text layer"))
        }
    }

    @Test(.enabled(if: TestPDF.isAvailable, "needs the test PDF generator"))
    func ownerPasswordOnlyReadsNormallyAndAUserPasswordIsRefused() throws {
        let folder = try TestPaths.temporaryDirectory("nqp-pdf")
        defer { try? FileManager.default.removeItem(at: folder) }
        let pages: [[String: Any]] = [["lines": Self.prose(8, seed: 40, keyword: "人工智能")]]
        let plain = folder.appendingPathComponent("plain.pdf")
        let owner = folder.appendingPathComponent("owner.pdf")
        let user = folder.appendingPathComponent("user.pdf")
        try TestPDF.make(["pages": pages], at: plain)
        try TestPDF.make(["pages": pages, "encrypt": ["owner": "secret", "user": ""]], at: owner)
        try TestPDF.make(["pages": pages, "encrypt": ["owner": "secret", "user": "open"]], at: user)
        let ownerText = try Self.extract(owner).matchText
        #expect(ownerText == (try Self.extract(plain).matchText))
        do {
            _ = try Self.extract(user)
            Issue.record("a PDF needing a user password must be refused")
        } catch let error as ExtractError {
            guard case .pdf(let pdf) = error, pdf.kind == .needsPassword else { Issue.record("\(error)"); return }
            #expect(error.description.contains("user password"))
        }
    }

    /// Truncated, bit-flipped and empty PDFs: every one ends in a result (with a warning when repaired) or a typed
    /// error naming the file — never a crash or a hang.
    @Test(.enabled(if: TestPDF.isAvailable, "needs the test PDF generator"))
    func damagedPDFsAreRepairedOrRefusedNeverACrash() throws {
        let folder = try TestPaths.temporaryDirectory("nqp-pdf")
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = folder.appendingPathComponent("good.pdf")
        try TestPDF.make(["header": Self.firmHeader, "page_numbers": true,
                          "pages": (0..<5).map { ["lines": Self.prose(15, seed: 50 + UInt64($0))] }], at: good)
        let bytes = [UInt8](try Data(contentsOf: good))
        var variants: [(String, [UInt8])] = [("empty", [])]
        for share in [0.02, 0.3, 0.6, 0.9, 0.99] {
            variants.append(("truncated \(share)", Array(bytes.prefix(Int(Double(bytes.count) * share)))))
        }
        var generator = SeededGenerator(seed: 7)
        for round in 0..<24 {
            var flipped = bytes
            for _ in 0..<(1 + round) {
                let at = Int(generator.next() % UInt64(flipped.count))
                flipped[at] ^= UInt8(1 << (generator.next() % 8))
            }
            variants.append(("flipped \(round)", flipped))
        }
        variants.append(("garbage after header", Array("%PDF-1.7\n".utf8) + (0..<4000).map { UInt8($0 * 37 % 251) }))
        // A page count of two billion on a five-page file: bounded by the consecutive-failure limit.
        let count = Array("/Count 5".utf8)
        let at = try #require((0...(bytes.count - count.count)).first { Array(bytes[$0..<($0 + count.count)]) == count })
        variants.append(("huge page count", Array(bytes[..<at]) + Array("/Count 2000000000".utf8)
                            + Array(bytes[(at + count.count)...])))
        var repaired = 0, refused = 0
        for (name, data) in variants {
            let path = folder.appendingPathComponent("damaged.pdf").path
            do {
                let report = try ReportExtractor().extract(ReportInput(path: path, bytes: data))
                if report.warnings.contains(where: { $0.contains("repaired") }) { repaired += 1 }
            } catch {
                refused += 1
                #expect(error.path == path, "\(name): \(error)")
                #expect(error.description.contains(path), "\(name)")
            }
        }
        #expect(refused >= 2, "the empty file and the garbage file are refused")
        #expect(repaired >= 1, "a truncated file is repaired with a warning")
    }

    // MARK: - Rules in isolation

    @Test func runningHeaderKeysIgnoreDigitsAndRecognisePageNumbers() {
        let page = "\u{0}page number"
        #expect(RunningHeaderRule.key("平安银行股份有限公司 2017 年年度报告全文") == "平安银行股份有限公司年年度报告全文")
        #expect(RunningHeaderRule.key("第 12 页 共 213 页") == page)
        #expect(RunningHeaderRule.key("- 12 -") == page)
        #expect(RunningHeaderRule.key("37 / 124") == page)
        #expect(RunningHeaderRule.key("12") == page)
        #expect(RunningHeaderRule.key("Page 3 of 80") == page)
        #expect(RunningHeaderRule.key("1,234.00 5,678.00") == nil, "a row of figures is never a running line")
        #expect(RunningHeaderRule.key("   ") == nil)
    }

    @Test func runningHeaderRuleNeedsThreePagesAtTheSamePosition() {
        func line(_ text: String, _ top: Double) -> PDFLine {
            PDFLine(text: text, top: top, bottom: top + 10, visibleChars: text.count, unreadableChars: 0)
        }
        func page(_ number: Int, _ lines: [PDFLine]) -> PDFPage {
            PDFPage(number: number, width: 595, height: 842, lines: lines)
        }
        let rule = RunningHeaderRule()
        // Header on pages 1–3 at y 40±1; the chapter heading with the same words at y 90 on page 1 stays.
        let pages = [
            page(1, [line("第四节 经营情况讨论与分析", 40), line("第四节 经营情况讨论与分析", 90), line("正文", 400)]),
            page(2, [line("第四节 经营情况讨论与分析", 41), line("正文二", 400), line("2", 800)]),
            page(3, [line("第四节 经营情况讨论与分析", 39), line("正文三", 400), line("3", 800)]),
        ]
        #expect(rule.runningLines(in: pages) == [[0], [0], [0]], "page numbers on only two pages stay")
        #expect(rule.runningLines(in: Array(pages.prefix(2))) == [[], []], "two pages are not enough")
    }

    @Test func unreadableShareWarnsAboveOnePercentAndRefusesAboveTheLimit() throws {
        func text(unreadable: Int) -> PDFText {
            let line = PDFLine(text: String(repeating: "年", count: 100), top: 300, bottom: 310, visibleChars: 100,
                               unreadableChars: unreadable)
            return PDFText(pages: [PDFPage(number: 1, width: 595, height: 842, lines: [line])])
        }
        let input = ReportInput(path: "x.pdf", bytes: [1])
        let clean = try PDFLayout.layout(text(unreadable: 0), input: input, options: PDFOptions())
        #expect(clean.warnings.isEmpty)
        let some = try PDFLayout.layout(text(unreadable: 5), input: input, options: PDFOptions())
        #expect(some.warnings.contains { $0.hasPrefix("5.0% of the characters have no Unicode meaning") }, "\(some.warnings)")
        #expect(throws: ExtractError.self) { try PDFLayout.layout(text(unreadable: 21), input: input, options: PDFOptions()) }
        var lenient = PDFOptions()
        lenient.unreadableLimit = 0.5
        #expect(try PDFLayout.layout(text(unreadable: 21), input: input, options: lenient).layoutText.count == 100)
    }

    @Test func failedPagesAndRepairAreWarnings() throws {
        let line = PDFLine(text: "正文", top: 300, bottom: 310, visibleChars: 2, unreadableChars: 0)
        var text = PDFText(pages: [PDFPage(number: 1, width: 595, height: 842, lines: [line]),
                                   PDFPage(number: 2, width: 0, height: 0, lines: [])])
        text.repaired = true
        text.firstLibraryWarning = "trying to repair broken xref"
        text.failedPages = [PDFError(path: "x.pdf", page: 2, kind: .pageFailed, detail: "syntax error")]
        let document = try PDFLayout.layout(text, input: ReportInput(path: "x.pdf", bytes: [1]), options: PDFOptions())
        #expect(document.warnings.contains { $0.contains("damaged and was repaired") && $0.contains("repair broken xref") })
        #expect(document.warnings.contains { $0 == "x.pdf: page 2: cannot read this page (MuPDF: syntax error); its text is missing" })
        #expect(document.pages?.lineStarts == [0, 1])
    }

    @Test func pageMapNamesThePageOfAnOffset() {
        let map = PageMap(starts: [0, 10, 10, 25], runningLinesRemoved: 0)
        #expect(map.page(atOffset: 0) == 1)
        #expect(map.page(atOffset: 9) == 1)
        #expect(map.page(atOffset: 10) == 3, "page 2 has no text; the hit is on page 3")
        #expect(map.page(atOffset: 24) == 3)
        #expect(map.page(atOffset: 1000) == 4)
    }

    @Test func pdfIsDetectedByNameOrSignature() {
        #expect(ReportFormat.detect(fileName: "a.PDF", bytes: []) == .pdf)
        #expect(ReportFormat.detect(fileName: "a.pdf.gz", bytes: []) == .pdf)
        #expect(ReportFormat.detect(fileName: "report", bytes: Array("%PDF-1.4\n".utf8)) == .pdf)
        #expect(ReportFormat.detect(fileName: "report.txt", bytes: Array("%PDF-1.4\n".utf8)) == .pdf)
        #expect(ReportFormat.detect(fileName: "report", bytes: Array("junk\n%PDF-1.4\n".utf8)) == .pdf)
        #expect(ReportFormat.detect(fileName: "report.txt", bytes: Array("说明 %PDF-1.4 格式".utf8)) == .text)
        #expect(ReportFormat.detect(fileName: "report.txt", bytes: Array("年度报告 %PDF".utf8)) == .text)
    }
}
