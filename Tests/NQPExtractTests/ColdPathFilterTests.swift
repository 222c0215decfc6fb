import Foundation
import Testing
@testable import NQPExtract
import NQPTestSupport

/// The byte-level short cuts of a cold extraction (Latin runs in the match text, the text-quality survey, the
/// 10-K cover and item-end pre-filters, blank-line checks, reading a file into bytes) must give what the general
/// code gives, on inputs chosen to hit their edges: multibyte and full-width scalars, combining marks, spaces
/// at the start and end of eight-byte words, controls split across words.
@Suite("Cold-path fast paths agree with the general code")
struct ColdPathFilterTests {
    private static func random(_ alphabet: [String], count: Int, _ generator: inout SeededGenerator) -> String {
        (0..<count).map { _ in alphabet.randomElement(using: &generator)! }.joined()
    }

    // MARK: - Match text

    private static let latinAlphabet: [String] = [
        "a", "b", "Item", "revenue", "10-K", "7", " ", " ", " ", "  ", "\n", "\t", "\u{A0}", "\u{3000}", "年", "报告",
        "，", "Ａ", "２", "\u{301}", "é", "e\u{301}", "—", "$1,234", "(", ")", ".", "ｶ", "\u{FF9E}", "㈱", "\u{7F}",
        "𠀀", "\u{2028}", "abcdefgh", "abcdefg ", " abcdefg",
    ]

    @Test("match text with Latin blocks equals the reference definition")
    func latinRunsAgreeWithReference() {
        var generator = SeededGenerator(seed: 1515)
        for round in 0..<3_000 {
            let layout = Self.random(Self.latinAlphabet, count: Int.random(in: 0..<40, using: &generator), &generator)
            let normalized = MatchText.normalizeWithMap(layout)
            #expect(normalized.text == ReferenceMatchText.normalize(layout), "round \(round): \(layout.debugDescription)")
            // The line map's scalar and byte offsets describe the same places.
            let utf8 = Array(normalized.text.utf8)
            for (scalars, bytes) in zip(normalized.map.lineScalarStarts, normalized.map.lineByteStarts) {
                let prefix = String(decoding: utf8[..<bytes], as: UTF8.self)
                #expect(prefix.unicodeScalars.count == scalars, "\(layout.debugDescription)")
            }
            #expect(normalized.map.scalarCount == normalized.text.unicodeScalars.count)
        }
    }

    @Test("every position of an eight-byte word: spaces, CJK and marks at the edges")
    func blockEdges() {
        let fillers = ["abcdefghijklmnop", "ab cd ef gh ij kl", "a b c d e f g h i", "abcdefg  hijklmn"]
        let inserts = [" ", "  ", "年", "\u{301}", "\u{A0}", "Ａ", "\n", "é", "\u{7F}", "\t"]
        for filler in fillers {
            let scalars = Array(filler.unicodeScalars)
            for cut in 0...scalars.count {
                for insert in inserts {
                    var layout = String.UnicodeScalarView(scalars[..<cut])
                    layout.append(contentsOf: insert.unicodeScalars)
                    layout.append(contentsOf: scalars[cut...])
                    let text = String(layout)
                    #expect(MatchText.normalize(text) == ReferenceMatchText.normalize(text), "\(text.debugDescription)")
                }
            }
        }
    }

    @Test("the Latin block test accepts exactly the words its definition describes")
    func latinBlockDefinition() {
        var generator = SeededGenerator(seed: 88)
        let bytes: [UInt8] = [0x20, 0x20, 0x41, 0x61, 0x7E, 0x7F, 0x1F, 0x0A, 0x80, 0xE5, 0xC2, 0x21, 0x30]
        for _ in 0..<50_000 {
            let word = (0..<8).map { _ in bytes.randomElement(using: &generator)! }
            let expected = word.allSatisfy { $0 >= 0x20 && $0 < 0x80 } && word[7] != 0x20
                && !(0..<7).contains { word[$0] == 0x20 && word[$0 + 1] == 0x20 }
            let got = word.withUnsafeBufferPointer { MatchTextBuilder.isLatinBlock($0, at: 0) }
            #expect(got == expected, "\(word)")
        }
    }

    // MARK: - Text quality

    @Test("the eight-bytes-at-a-time survey counts what the byte loop counts")
    func textQualitySurvey() {
        var generator = SeededGenerator(seed: 5)
        let alphabet: [String] = ["a", " ", "\n", "\r", "\t", "\u{0C}", "\u{01}", "\u{1B}", "\u{7F}", "\u{80}", "\u{85}",
                                  "\u{9F}", "\u{A0}", "Â", "年", "𠀀", "é", "abcdefgh", "\u{FFFD}"]
        for _ in 0..<3_000 {
            let text = Self.random(alphabet, count: Int.random(in: 0..<60, using: &generator), &generator)
            let utf8 = Array(text.utf8)
            utf8.withUnsafeBufferPointer { buffer in
                let fast = TextQuality.survey(buffer)
                let slow = TextQuality.surveyBytes(buffer, from: 0, to: buffer.count)
                #expect(fast == slow, "\(text.debugDescription)")
                #expect(fast.characters == text.unicodeScalars.count)
            }
        }
    }

    // MARK: - 10-K cover page

    @Test("the cover pre-filter keeps every text the cover scan reads a fiscal year from")
    func coverPreFilter() {
        var generator = SeededGenerator(seed: 10)
        let alphabet: [String] = ["FORM ", "10-K", "10-k", "10K", "10k", "10", "-", "K", "k", "１０-Ｋ", "1", "0",
                                  " for the fiscal year ended ", "December 31, 2019", "June 30 2013", "年度报告", " ",
                                  "\n", "K\u{301}"]
        var found = 0
        for _ in 0..<5_000 {
            let text = Self.random(alphabet, count: Int.random(in: 0..<12, using: &generator), &generator)
            let head = String(String.UnicodeScalarView(text.unicodeScalars.prefix(20_000))).uppercased()
            let namesForm = head.contains("10-K") || head.contains("10K")
            if namesForm { #expect(CoverPage.mayNameForm(text), "\(text.debugDescription)") }
            if let date = CoverPage.scanFiscalYearEnd(in: text) {
                found += 1
                #expect(CoverPage.fiscalYearEnd(in: text) == date)
            }
        }
        #expect(found > 0)
        // The form's name just inside and just outside the bytes read.
        let filler = String(repeating: "年", count: 20_000)    // 60,000 bytes, 20,000 scalars
        #expect(CoverPage.mayNameForm(String(repeating: "a", count: CoverPage.headBytes - 4) + "10-K"))
        #expect(!CoverPage.mayNameForm(String(repeating: "a", count: CoverPage.headBytes - 3) + "10-K"))
        #expect(!CoverPage.mayNameForm(filler + filler + "FORM 10-K"))      // beyond the bytes read
        #expect(CoverPage.scanFiscalYearEnd(in: filler + "FORM 10-K for the fiscal year ended June 30, 2013") == nil)
        #expect(!CoverPage.mayNameForm("年度报告 2019"))
    }

    // MARK: - 10-K item ends

    @Test("the item-end pre-filter keeps every line that ends an item or opens an Executive Officers block")
    func itemEndPreFilter() {
        var generator = SeededGenerator(seed: 21)
        let alphabet: [String] = ["Signatures", "SIGNATURE", "signature", "Sign", "S", "PART", "Part", "part", " III",
                                  " II", " 2", " IV", "Executive Officers of the Registrant", "Information About Our ",
                                  "Executive Officers", "information", "EXEC", "Info", " ", "\u{A0}", "\u{3000}", "'",
                                  "’", "`", "(", "*", "—", "1", "$", "Ｐａｒｔ", "ＳＩＧＮ", "İ", ".", ":", "Item 7"]
        var kept = 0, ends = 0
        for _ in 0..<20_000 {
            let line = Self.random(alphabet, count: Int.random(in: 0..<6, using: &generator), &generator)
            let lines = LayoutLines(line)
            let trimmed = lines.trimmed(0)
            let key = TenKItemCatalog.normalize(trimmed)
            let text = lines.matchText(0)
            let isPart = TenKItemSegmenter.partLine.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
            let slow = key == "signatures" || key == "signature" || isPart
                || TenKItemSegmenter.executiveOfficerHeadings.contains { key == $0 || key.hasPrefix($0 + " ") }
            let fast = lines.withLineBytes(0, TenKItemScanner.mayEndItem)
            if slow {
                ends += 1
                #expect(fast, "pre-filter dropped \(line.debugDescription)")
            }
            if fast { kept += 1 }
        }
        #expect(ends > 0)
        #expect(kept < 20_000)
        for line in ["1,234", "$ 5", "Total revenue", "(in millions)", "2019", "Item 7. Management's Discussion"] {
            #expect(!LayoutLines(line).withLineBytes(0, TenKItemScanner.mayEndItem), "\(line)")
        }
    }

    // MARK: - Blank lines

    @Test("blank-line checks on bytes agree with trimming the lines' match text")
    func blankLines() {
        var generator = SeededGenerator(seed: 3)
        let alphabet: [String] = ["a", " ", "\n", "\u{A0}", "\u{3000}", "年", "\t", "\u{2028}", "Ａ", "\u{FE0F}"]
        for _ in 0..<1_000 {
            let layout = Self.random(alphabet, count: Int.random(in: 0..<20, using: &generator), &generator)
            let normalized = MatchText.normalizeWithMap(layout)
            let count = normalized.map.lineCount
            for lower in 0...count {
                for upper in lower...count {
                    let expected = normalized.text(ofLines: lower..<upper).trimmingBlanks().isEmpty
                    #expect(normalized.isBlank(lines: lower..<upper) == expected, "\(layout.debugDescription)")
                }
            }
        }
    }

    // MARK: - Reading files

    @Test("a file read straight into bytes holds what Foundation reads; what it cannot read is left to Foundation")
    func directRead() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nqp-cold-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var generator = SeededGenerator(seed: 9)
        for size in [1, 7, 4096, 65_537, 1 << 20] {
            // Not starting like gzip or zip data, which `load` would open as such.
            let bytes = [0x61] + (1..<size).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let url = folder.appendingPathComponent("f\(size).html")
            try Data(bytes).write(to: url)
            #expect(ReportInputs.readDirectly(path: url.path, expectedCount: size) == bytes)
            // A size that no longer matches the file: nil, so the caller reads through Foundation.
            #expect(ReportInputs.readDirectly(path: url.path, expectedCount: size - 1) == nil)
            #expect(ReportInputs.readDirectly(path: url.path, expectedCount: size + 1) == nil)
            #expect(try ReportInputs.load(fileAt: url).first?.bytes == bytes)
        }
        #expect(ReportInputs.readDirectly(path: folder.path, expectedCount: 4096) == nil)
        #expect(ReportInputs.readDirectly(path: folder.appendingPathComponent("missing").path, expectedCount: 10) == nil)
    }
}
