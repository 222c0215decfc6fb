import Foundation
import NQPEncoding
import NQPTestSupport
import Testing
@testable import NQPExtract

/// Garbage is not a report: random bytes used to decode as GB18030 with ~1,800 invalid sequences, be marked ok and
/// enter the panel with zero counts. And a forced UTF-16 encoding is honoured before the NUL-byte check.
@Suite("Text quality and forced wide encodings")
struct TextQualityTests {
    static func report(_ paragraphs: Int) -> [UInt8] {
        let body = (0..<paragraphs).map { "<p>第\($0)段：公司推进数字化转型，应用人工智能、云计算和大数据技术，提升经营效率。</p>" }
        return Array(("<html><head><meta charset=\"utf-8\"><title>年度报告</title></head><body>"
            + body.joined(separator: "\n") + "</body></html>").utf8)
    }

    @Test func twentyThousandRandomBytesAreQuarantinedWithTheShareNamed() throws {
        var generator = SeededGenerator(seed: 12)
        let bytes = (0..<20_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let input = try ReportInputs.input(path: "/r/000001_2021_random.html", bytes: bytes)
        do {
            _ = try DocumentDecoder().decode(input)
            Issue.record("random bytes were accepted as a report")
        } catch {
            guard case let .binaryContent(path, _, reason) = error else { Issue.record("\(error)"); return }
            #expect(path == "/r/000001_2021_random.html")
            #expect(reason.contains("above the limit of 2%"), "\(reason)")
        }
    }

    @Test func aRealReportWithAFewBadBytesPassesWithAWarning() throws {
        var bytes = Self.report(400)
        for offset in [5_000, 9_001, 13_003, 20_000, 30_001] { bytes[offset] = 0xFF }
        let document = try DocumentDecoder().decode(try ReportInputs.input(path: "/r/a.html", bytes: bytes))
        #expect(document.decodeErrors > 0)
        #expect(document.warnings.contains { $0.contains("invalid byte sequence") }, "\(document.warnings)")
        #expect(document.layoutText.contains("数字化转型"))
    }

    @Test func justOverAndUnderTheThreshold() throws {
        // 1,000 characters of text and 15 control characters (1.5 %) pass; 30 (3 %) do not.
        let text = String(repeating: "数", count: 1_000)
        let under = Array(text.utf8) + Array(repeating: 0x01, count: 15)
        _ = try DocumentDecoder().decode(try ReportInputs.input(path: "/r/under.txt", bytes: under))
        let over = Array(text.utf8) + Array(repeating: 0x01, count: 30)
        #expect(throws: ExtractError.self) {
            try DocumentDecoder().decode(try ReportInputs.input(path: "/r/over.txt", bytes: over))
        }
    }

    @Test func bomLessUTF16WithAForcedEncodingIsRead() throws {
        let html = "<html><body><p>数字化转型与人工智能</p></body></html>"
        let bytes = Array(html.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let input = try ReportInputs.input(path: "/r/utf16.html", bytes: bytes)
        #expect(throws: ExtractError.self, "without a forced encoding the NULs mark it as binary") {
            try DocumentDecoder().decode(input)
        }
        let document = try DocumentDecoder(forcedEncoding: .utf16LittleEndian).decode(input)
        #expect(document.layoutText.contains("数字化转型与人工智能"), "\(document.layoutText)")
        let big = Array(html.utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let bigDocument = try DocumentDecoder(forcedEncoding: .utf16BigEndian)
            .decode(try ReportInputs.input(path: "/r/utf16be.html", bytes: big))
        #expect(bigDocument.layoutText.contains("人工智能"))
    }
}
