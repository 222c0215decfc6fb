import Testing
@testable import NQPEncoding

@Suite struct EncodingSnifferTests {
    static func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

    @Test(arguments: [
        ("gb2312", TextEncoding.gb18030), ("GBK", .gb18030), ("x-gbk", .gb18030), ("cp936", .gb18030),
        ("gb18030", .gb18030), ("csGB2312", .gb18030), ("utf-8", .utf8), ("UTF8", .utf8), ("us-ascii", .utf8),
        ("big5", .big5), ("Big5-HKSCS", .big5), ("utf-16le", .utf16LittleEndian), ("iso-8859-1", .other("WINDOWS-1252")),
        ("shift_jis", .other("SHIFT_JIS")), ("\"gbk\"", .gb18030),
    ])
    func labelsMapToWHATWGEncodings(label: String, expected: TextEncoding) {
        #expect(TextEncoding(label: label) == expected)
    }

    @Test func nonsenseLabelsAreRejected() {
        #expect(TextEncoding(label: "") == nil)
        #expect(TextEncoding(label: "gb 2312; x") == nil)
        #expect(TextEncoding(label: "no-such-encoding")?.isSupported == false)
    }

    @Test func byteOrderMarksWinOverEverything() {
        let d = EncodingSniffer.decide(bytes: [0xEF, 0xBB, 0xBF] + Self.bytes("<p>x"), forced: .gb18030, declaredLabel: "gbk")
        #expect(d == EncodingDecision(encoding: .utf8, source: .byteOrderMark))
        #expect(EncodingSniffer.decide(bytes: [0xFF, 0xFE, 0x41, 0x00]).encoding == .utf16LittleEndian)
        #expect(EncodingSniffer.decide(bytes: [0xFE, 0xFF, 0x00, 0x41]).encoding == .utf16BigEndian)
    }

    @Test func forcedBeatsDeclaredBeatsContent() {
        let gbk: [UInt8] = [0xD6, 0xD0, 0xCE, 0xC4]  // 中文 in GBK
        #expect(EncodingSniffer.decide(bytes: gbk, forced: .big5, declaredLabel: "gbk").source == .forced)
        #expect(EncodingSniffer.decide(bytes: gbk, declaredLabel: "gb2312")
                == EncodingDecision(encoding: .gb18030, source: .declared(label: "gb2312")))
        #expect(EncodingSniffer.decide(bytes: gbk).source == .fallback)
        #expect(EncodingSniffer.decide(bytes: Self.bytes("中文")).source == .validUTF8)
        #expect(EncodingSniffer.decide(bytes: gbk, declaredLabel: "bogus-label").source == .fallback)
    }

    @Test func utf8CutInTheMiddleOfACharacterIsStillUTF8() {
        var text = Self.bytes(String(repeating: "年度报告", count: 20))
        text.removeLast()
        #expect(EncodingSniffer.decide(bytes: text) == EncodingDecision(encoding: .utf8, source: .mostlyUTF8))
    }

    @Test(arguments: [
        ("<meta charset=\"gb2312\">", "gb2312"),
        ("<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=GBK\">", "GBK"),
        ("<meta content='text/html; charset=gb18030' http-equiv='Content-Type'>", "gb18030"),
        ("<meta http-equiv=Content-Type content=text/html;charset=utf-8>", "utf-8"),
        ("<?xml version='1.0' encoding='ASCII'?><html>", "ASCII"),
        ("<!-- <meta charset=big5> --><meta charset=utf-8>", "utf-8"),
    ])
    func declaredLabelIsFoundInMetaAndXMLDeclaration(html: String, label: String) {
        #expect(EncodingSniffer.declaredLabel(inHTMLOrXML: Self.bytes(html)) == label)
    }

    @Test func lateMetaAfterALongStyleBlockIsFound() {
        let html = "<html><head><style>" + String(repeating: "p { margin: 0 }\n", count: 400) + "</style>"
            + "<meta charset=gbk></head><body>x</body>"
        #expect(EncodingSniffer.declaredLabel(inHTMLOrXML: Self.bytes(html)) == "gbk")
        let inBody = "<html><body>" + String(repeating: "x", count: 5000) + "<body><meta charset=gbk>"
        #expect(EncodingSniffer.declaredLabel(inHTMLOrXML: Self.bytes(inBody)) == nil)
    }

    @Test func noDeclarationGivesNil() {
        #expect(EncodingSniffer.declaredLabel(inHTMLOrXML: Self.bytes("<p>meta charset=gbk</p>")) == nil)
    }
}
