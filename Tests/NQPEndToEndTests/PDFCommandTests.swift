import Foundation
import NQPTestSupport
import Testing

/// PDF reports through the commands: `extract`, `count --kwic` (page column), `run` (reports.csv, kwic.csv,
/// quarantine), `status`, inside .zip/.gz, the same output for every `--jobs`.
@Suite("PDF reports through the commands", .serialized)
struct PDFCommandTests {
    static let header = "星辰大数据科技股份有限公司 2021 年年度报告"

    /// Lines of prose that never repeat; `keyword` planted once in the middle.
    static func prose(_ count: Int, seed: Int, keyword: String? = nil) -> [String] {
        let words = ["公司", "推进", "经营", "管理", "业务", "发展", "市场", "客户", "产品", "质量", "提升", "优化",
                     "渠道", "品牌", "研发", "投入", "服务", "体系", "风险", "治理", "增长", "行业", "布局"]
        var generator = SeededGenerator(seed: UInt64(seed))
        return (0..<count).map { index in
            var line = index == count / 2 ? (keyword ?? "") : ""
            while line.count < 24 { line += words[Int(generator.next() % UInt64(words.count))] }
            return line + "。"
        }
    }

    /// A report of `pages` pages with the firm name (containing 大数据) as running header and 人工智能 planted on
    /// page `keywordPage`.
    static func report(pages: Int, keywordPage: Int, seed: Int) -> [String: Any] {
        ["header": header, "footer": "第 {page} 页 共 {pages} 页",
         "pages": (1...pages).map { page in
             ["lines": prose(20, seed: seed * 100 + page, keyword: page == keywordPage ? "人工智能" : nil)]
         }]
    }

    @Test(.enabled(if: TestPDF.isAvailable, "needs the test PDF generator"))
    func countKWICNamesThePageAndTheRunningHeaderGivesNoHits() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let url = workspace.root.appendingPathComponent("300999_2021_星辰.pdf")
        try TestPDF.make(Self.report(pages: 5, keywordPage: 4, seed: 1), at: url)
        let result = try workspace.nqp(["count", "--kwic", "5", url.path])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = parseCSV(Data(result.stdout.utf8))
        let header = try #require(rows.first)
        let keyword = try #require(header.firstIndex(of: "keyword")), page = try #require(header.firstIndex(of: "page"))
        let hits = rows.dropFirst().map { ($0[keyword], $0[page]) }
        #expect(hits.count == 1, "only the planted hit, none from the header: \(hits)")
        #expect(hits.first?.0 == "人工智能" && hits.first?.1 == "4")

        let json = try workspace.nqp(["extract", "--format", "json", url.path])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["format"] as? String == "pdf")
        #expect(object["pages"] as? Int == 5)
        #expect((object["page_starts"] as? [Int])?.count == 5)
        #expect(object["running_lines_removed"] as? Int == 10)
    }

    @Test(.enabled(if: TestPDF.isAvailable, "needs the test PDF generator"))
    func pdfInsideZipAndGzipReadsTheSameAndOutputIsTheSameForEveryJobs() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let folder = workspace.root.appendingPathComponent("pdfs")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for index in 1...4 {
            try TestPDF.make(Self.report(pages: 3 + index, keywordPage: index, seed: index),
                             at: folder.appendingPathComponent("30099\(index)_2021_星辰.pdf"))
        }
        let plain = folder.appendingPathComponent("300991_2021_星辰.pdf")
        let python = try #require(which("python3"))
        let pack = """
        import gzip, shutil, sys, zipfile
        src, gz, zp = sys.argv[1:4]
        with open(src, 'rb') as f, gzip.open(gz, 'wb') as g: shutil.copyfileobj(f, g)
        with zipfile.ZipFile(zp, 'w', zipfile.ZIP_DEFLATED) as z: z.write(src, '300998_2021_星辰.pdf')
        """
        let packed = try runCommand(python, ["-c", pack, plain.path, folder.appendingPathComponent("300997_2021_星辰.pdf.gz").path,
                                             folder.appendingPathComponent("archive.zip").path])
        #expect(packed.status == 0, "\(packed.stderr)")
        let texts = try ["300991_2021_星辰.pdf", "300997_2021_星辰.pdf.gz", "archive.zip"].map {
            try workspace.nqp(["extract", folder.appendingPathComponent($0).path]).stdout
        }
        #expect(!texts[0].isEmpty && texts[1] == texts[0] && texts[2] == texts[0])

        var files = [folder.path]
        if let real = TestPaths.realData?.appendingPathComponent("cninfo_pdf"),
           FileManager.default.fileExists(atPath: real.path) { files.append(real.path) }
        let one = try workspace.nqp(["count", "--kwic", "8", "--jobs", "1"] + files)
        let two = try workspace.nqp(["count", "--kwic", "8", "--jobs", "2"] + files)
        let four = try workspace.nqp(["count", "--kwic", "8", "--jobs", "4"] + files)
        #expect(one.stdout.contains("300998_2021_星辰.pdf"))
        #expect(one.stdout == two.stdout && one.stdout == four.stdout)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            .map { folder.appendingPathComponent($0).path }
        let jsonOne = try workspace.nqp(["extract", "--format", "json"] + names)
        #expect(jsonOne.status == 0, "\(jsonOne.stderr)")
        #expect(jsonOne.stdout.split(separator: "\n").count == 6)
    }

    @Test(.enabled(if: TestPDF.isAvailable, "needs the test PDF generator"))
    func runWritesPagesAndRemovedLinesAndQuarantinesAScannedPDF() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try TestPDF.make(Self.report(pages: 6, keywordPage: 5, seed: 7),
                         at: workspace.reports.appendingPathComponent("300999_2021_星辰.pdf"))
        try TestPDF.make(["pages": [["image_only": true], ["image_only": true]]],
                         at: workspace.reports.appendingPathComponent("300996_2021_扫描.pdf"))
        let result = try workspace.run()
        #expect(result.status == 3, "a quarantined report: \(result.stderr)")
        let reports = parseCSV(try Data(contentsOf: workspace.output().appendingPathComponent("reports.csv")))
        let header = try #require(reports.first)
        let file = try #require(header.firstIndex(of: "file")), status = try #require(header.firstIndex(of: "status"))
        let pages = try #require(header.firstIndex(of: "pages"))
        let removed = try #require(header.firstIndex(of: "running_lines_removed"))
        let warnings = try #require(header.firstIndex(of: "warnings"))
        let pdf = try #require(reports.first { $0[file].hasSuffix("300999_2021_星辰.pdf") })
        #expect(pdf[status] == "ok" && pdf[pages] == "6" && pdf[removed] == "12")
        let html = try #require(reports.first { $0[file].hasSuffix(".html") })
        #expect(html[pages] == "" && html[removed] == "")
        let scanned = try #require(reports.first { $0[file].hasSuffix("300996_2021_扫描.pdf") })
        #expect(scanned[status] == "quarantined")
        #expect(scanned[warnings].contains("no text layer (scanned PDF); OCR it first"))

        let kwic = parseCSV(try Data(contentsOf: workspace.output().appendingPathComponent("kwic.csv")))
        let kwicHeader = try #require(kwic.first)
        let kwicFile = try #require(kwicHeader.firstIndex(of: "file")), kwicPage = try #require(kwicHeader.firstIndex(of: "page"))
        let pdfHits = kwic.dropFirst().filter { $0[kwicFile].hasSuffix(".pdf") }
        #expect(pdfHits.map { $0[kwicPage] } == ["5"], "one hit, on page 5; none from the header")
        #expect(kwic.dropFirst().filter { !$0[kwicFile].hasSuffix(".pdf") }.allSatisfy { $0[kwicPage] == "" })

        let report = try workspace.nqp(["status", "--config", workspace.config.path])
        #expect(report.stdout.contains("300996_2021_扫描.pdf") || report.stdout.contains("quarantined"),
                "\(report.stdout)")
    }

    /// The page `count --kwic` names for each hit of 平安银行 2017 is the page where `mutool` finds that keyword (or
    /// its first part, for a word split by the page end).
    @Test(.enabled(if: TestPaths.hasRealData && which("mutool") != nil))
    func kwicPagesAgreeWithMutoolPages() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let pdf = try #require(TestPaths.realData).appendingPathComponent("cninfo_pdf/000001_PAYH_2017_annual_report.pdf")
        let result = try workspace.nqp(["count", "--kwic", "0", pdf.path])
        let rows = parseCSV(Data(result.stdout.utf8))
        let header = try #require(rows.first)
        let keyword = try #require(header.firstIndex(of: "match")), page = try #require(header.firstIndex(of: "page"))
        let hits = rows.dropFirst().map { ($0[keyword], Int($0[page]) ?? 0) }
        #expect(hits.count > 30)
        var pageText: [Int: String] = [:]
        for (word, number) in hits {
            if pageText[number] == nil {
                let text = try runCommand(try #require(which("mutool")),
                                          ["draw", "-q", "-F", "txt", "-o", "-", pdf.path, String(number)]).stdout
                pageText[number] = text.precomposedStringWithCompatibilityMapping.filter { !$0.isWhitespace }
            }
            let text = try #require(pageText[number])
            let splitAtEnd = (1..<word.count).contains { text.contains(String(word.prefix($0)))
                && text.replacingOccurrences(of: "\\d+$", with: "", options: .regularExpression)
                    .hasSuffix(String(word.prefix($0))) }
            #expect(text.contains(word) || splitAtEnd, "\(word) on page \(number)")
        }
    }

    /// Wu et al. DT counts from the PDF equal those of the same counting over `mutool draw -F txt` text of the
    /// same file, within ±2% per category (at least ±1 hit: nqp rejoins words split by a page footer, which the
    /// mutool text keeps between the halves).
    @Test(.enabled(if: TestPaths.hasRealData && which("mutool") != nil))
    func dtCountsAgreeWithMutoolText() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let source = try #require(TestPaths.realData).appendingPathComponent("cninfo_pdf")
        let texts = workspace.root.appendingPathComponent("mutool")
        try FileManager.default.createDirectory(at: texts, withIntermediateDirectories: true)
        let pdfs = try FileManager.default.contentsOfDirectory(at: source, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "pdf" }
        for pdf in pdfs {
            let out = texts.appendingPathComponent(pdf.deletingPathExtension().lastPathComponent + ".txt")
            let made = try runCommand(try #require(which("mutool")), ["draw", "-q", "-F", "txt", "-o", out.path, pdf.path])
            #expect(made.status == 0)
        }
        func counts(_ files: [URL]) throws -> [String: Int] {
            let result = try workspace.nqp(["count"] + files.map(\.path))
            let rows = parseCSV(Data(result.stdout.utf8))
            var byKey: [String: Int] = [:]
            // counts.csv columns: per keyword, summed here per file (column 8) and category (column 3).
            for row in rows.dropFirst() {
                let stem = ((row[8] as NSString).lastPathComponent as NSString).deletingPathExtension
                byKey["\(stem) \(row[3])", default: 0] += Int(row[5]) ?? 0
            }
            return byKey
        }
        let fromPDF = try counts(pdfs)
        let fromText = try counts(pdfs.map {
            texts.appendingPathComponent($0.deletingPathExtension().lastPathComponent + ".txt")
        })
        #expect(fromPDF.count == pdfs.count * 5 && Set(fromPDF.keys) == Set(fromText.keys))
        var total = 0
        for (key, reference) in fromText {
            let ours = try #require(fromPDF[key])
            total += ours
            #expect(abs(ours - reference) <= max(1, reference / 50), "\(key): nqp \(ours), mutool text \(reference)")
        }
        #expect(total > 30, "the reports do mention digital technology")
    }
}
