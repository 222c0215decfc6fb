import Foundation
@testable import NQPExtract
import NQPTestSupport
import Testing

/// Real A-share and 10-K PDFs as published (`../shared/realdata/cninfo_pdf`; skipped when absent).
@Suite("PDF reports: real data", .serialized)
struct PDFRealDataTests {
    static var folder: URL? { TestPaths.realData?.appendingPathComponent("cninfo_pdf") }

    static func files() throws -> [URL] {
        let folder = try #require(folder)
        return try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension.lowercased() == "pdf" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    static func extract(_ url: URL) throws -> ExtractedReport {
        let input = try #require(try ReportInputs.load(fileAt: url).first)
        return try ReportExtractor().extract(input)
    }

    /// Non-whitespace scalars of the NFKC form, with their counts: compares two conversions whatever their line
    /// breaks and the order of table cells.
    static func scalarCounts(_ text: String) -> [Unicode.Scalar: Int] {
        var counts: [Unicode.Scalar: Int] = [:]
        for scalar in text.precomposedStringWithCompatibilityMapping.unicodeScalars
        where !scalar.properties.isWhitespace {
            counts[scalar, default: 0] += 1
        }
        return counts
    }

    static func missing(_ wanted: [Unicode.Scalar: Int], from have: [Unicode.Scalar: Int]) -> Int {
        wanted.reduce(0) { $0 + max(0, $1.value - (have[$1.key] ?? 0)) }
    }

    @Test(.enabled(if: TestPaths.hasRealData))
    func everyFileReadsWithItsMDNA() throws {
        let files = try Self.files()
        #expect(files.count >= 5)
        for url in files {
            let report = try Self.extract(url)
            let name = url.lastPathComponent
            let pages = try #require(report.pages, "\(name)")
            #expect(pages.count > 50, "\(name)")
            #expect(report.chars > 100_000, "\(name)")
            #expect(!report.warnings.contains { $0.contains("repaired") || $0.contains("no text layer") }, "\(name)")
            #expect(pages.runningLinesRemoved >= pages.count / 2, "\(name): running headers or page numbers")
            if !name.hasPrefix("AAPL") {
                #expect(report.identity.firm != nil && report.identity.year != nil, "\(name)")
            }
            // A plausible MD&A: thousands of characters, far from the whole report, starting at a real heading.
            let mdna = try #require(report.section(named: "mdna"), "\(name): \(report.warnings)")
            #expect(mdna.chars > 5_000 && mdna.chars < report.chars / 3, "\(name): \(mdna.chars)")
            #expect(mdna.heading.contains("讨论与分析") || mdna.heading.contains("董事会报告")
                        || mdna.heading.contains("Item 7"), "\(name): \(mdna.heading)")
        }
    }

    /// The same section rules over `mutool draw -F txt` text of the same file find the same MD&A (its length
    /// differs only by the running headers and page numbers nqp removes).
    @Test(.enabled(if: TestPaths.hasRealData && which("mutool") != nil))
    func mdnaAgreesWithTheSameRulesOverMutoolText() throws {
        let folder = try TestPaths.temporaryDirectory("nqp-pdf-real")
        defer { try? FileManager.default.removeItem(at: folder) }
        for url in try Self.files() {
            let text = folder.appendingPathComponent(url.deletingPathExtension().lastPathComponent + ".txt")
            let result = try runCommand(try #require(which("mutool")), ["draw", "-q", "-F", "txt", "-o", text.path, url.path])
            #expect(result.status == 0)
            let fromPDF = try #require(try Self.extract(url).section(named: "mdna"))
            let fromText = try #require(try Self.extract(text).section(named: "mdna"))
            #expect(fromPDF.heading == fromText.heading, "\(url.lastPathComponent)")
            let ratio = Double(fromPDF.chars) / Double(fromText.chars)
            #expect(ratio > 0.95 && ratio <= 1.0, "\(url.lastPathComponent): \(fromPDF.chars) vs \(fromText.chars)")
        }
    }

    /// 平安银行 2017: all 213 pages, and the peer's conversion that stops at the page printed "34" (PDF page 35:
    /// the cover has no number) is contained in them — every character (NFKC, whitespace ignored) of the peer's
    /// text is on those pages, and most of its lines occur verbatim in nqp's match text.
    @Test(.enabled(if: TestPaths.hasRealData))
    func pingAnBank2017HasAll213PagesAndContainsThePeersPartialConversion() throws {
        let root = try #require(TestPaths.realData)
        let url = root.appendingPathComponent("cninfo_pdf/000001_PAYH_2017_annual_report.pdf")
        let report = try Self.extract(url)
        let pages = try #require(report.pages)
        #expect(pages.count == 213)
        let peerURL = root.appendingPathComponent(
            "rongzhiy__Word_frequency_of_finance/annual_reports_txt/000001_PAYH_2017_annual_report_TRUNCATED.txt")
        let peer = try String(contentsOf: peerURL, encoding: .utf8)
        let expected = try String(contentsOf: root.appendingPathComponent(
            "cninfo_pdf/expected/000001_PAYH_2017_annual_report.partial_p1-34.txt"), encoding: .utf8)
        #expect(peer == expected)
        #expect(peer.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("34"), "ends at printed page 34")

        // Every character of the peer's text, on PDF pages 1–35 as MuPDF reads them (running headers included:
        // the peer keeps page numbers).
        let text = try PDFReader().read([UInt8](try Data(contentsOf: url)), path: url.path)
        let raw = text.pages.prefix(35).flatMap { $0.lines.map(\.text) }.joined(separator: "\n")
        let peerCounts = Self.scalarCounts(peer), rawCounts = Self.scalarCounts(raw)
        #expect(Self.missing(peerCounts, from: rawCounts) == 0)
        #expect(Self.missing(rawCounts, from: peerCounts) == 0, "and nothing more")

        // Line by line after the match-text normalisation, in nqp's match text of those pages.
        let end = pages.starts[35]
        let ours = String(String.UnicodeScalarView(report.matchText.unicodeScalars.prefix(end)))
        let lines = peer.split(separator: "\n").map { MatchText.normalize(String($0)) }.filter { !$0.isEmpty }
        let found = lines.filter { ours.contains($0) }.count
        // The rest are table rows whose cells the two converters group into lines differently.
        #expect(Double(found) / Double(lines.count) > 0.9, "\(found) of \(lines.count) lines")
    }

    /// 深发展 2006: the peer's full conversion has the same characters as nqp's reading, except the 33 glyphs whose
    /// font has no Unicode map (the peer writes `(cid:N)`, MuPDF U+FFFD).
    @Test(.enabled(if: TestPaths.hasRealData))
    func shenzhenDevelopmentBank2006HasThePeersCharacters() throws {
        let root = try #require(TestPaths.realData)
        let url = root.appendingPathComponent("cninfo_pdf/000001_SFZA_2006_annual_report.pdf")
        let text = try PDFReader().read([UInt8](try Data(contentsOf: url)), path: url.path)
        let raw = text.pages.flatMap { $0.lines.map(\.text) }.joined(separator: "\n")
        let peer = try String(contentsOf: root.appendingPathComponent(
            "cninfo_pdf/expected/000001_SFZA_2006_annual_report.txt"), encoding: .utf8)
        let unmapped = raw.unicodeScalars.filter { $0 == "\u{FFFD}" }.count
        #expect(unmapped == 33)
        let peerClean = peer.replacingOccurrences(of: #"\(cid:\d+\)"#, with: "", options: .regularExpression)
        let ourClean = raw.replacingOccurrences(of: "\u{FFFD}", with: "")
        let peerCounts = Self.scalarCounts(peerClean), ourCounts = Self.scalarCounts(ourClean)
        #expect(Self.missing(peerCounts, from: ourCounts) == 0)
        #expect(Self.missing(ourCounts, from: peerCounts) == 0)
    }
}
