import Testing
@testable import NQPEncoding
import NQPTestSupport

@Suite struct TextDecoderTests {
    @Test func validUTF8PassesThroughAndLosesItsBOM() throws {
        let decoded = try TextDecoder.decode([0xEF, 0xBB, 0xBF] + Array("年报 ok".utf8), as: .utf8)
        #expect(decoded == DecodedBytes(utf8: Array("年报 ok".utf8), decodeErrors: 0))
    }

    @Test func invalidUTF8SequencesAreReplacedAndCounted() throws {
        // lone continuation, overlong, surrogate, truncated 3-byte sequence, invalid lead byte
        let bytes: [UInt8] = [0x61, 0x80, 0x62, 0xC0, 0xAF, 0x63, 0xED, 0xA0, 0x80, 0x64, 0xE5, 0xB9, 0x65, 0xFF]
        let decoded = try TextDecoder.decode(bytes, as: .utf8)
        #expect(String(decoding: decoded.utf8, as: UTF8.self)
                == "a\u{FFFD}b\u{FFFD}\u{FFFD}c\u{FFFD}\u{FFFD}\u{FFFD}d\u{FFFD}e\u{FFFD}")
        #expect(decoded.decodeErrors == 8)
    }

    @Test func gbkOnlyCharactersDecodeAsGB18030() throws {
        // 镕 = 0xE946, 喆 = 0x86B4 in GBK (not in GB2312); 年 = 0xC4EA.
        let decoded = try TextDecoder.decode([0xE9, 0x46, 0x86, 0xB4, 0xC4, 0xEA, 0x41], as: .gb18030)
        #expect(String(decoding: decoded.utf8, as: UTF8.self) == "镕喆年A")
        #expect(decoded.decodeErrors == 0)
    }

    @Test func gb18030FourByteSequences() throws {
        // U+20000 = 0x95 32 82 36 in GB18030
        let decoded = try TextDecoder.decode([0x95, 0x32, 0x82, 0x36], as: .gb18030)
        #expect(String(decoding: decoded.utf8, as: UTF8.self) == "\u{20000}")
    }

    @Test func invalidGB18030BytesBecomeReplacementCharacters() throws {
        // 0xFF is never valid; 0xC4 followed by a space is a broken pair (the space survives); a lead byte at the end.
        let decoded = try TextDecoder.decode([0x41, 0xFF, 0x42, 0xC4, 0x20, 0xC4, 0xEA, 0xC4], as: .gb18030)
        #expect(String(decoding: decoded.utf8, as: UTF8.self) == "A\u{FFFD}B\u{FFFD} 年\u{FFFD}")
        #expect(decoded.decodeErrors == 3)
    }

    @Test func utf16BothByteOrders() throws {
        let le = try TextDecoder.decode([0xFF, 0xFE, 0x74, 0x5E, 0x3D, 0xD8, 0x00, 0xDE], as: .utf16LittleEndian)
        #expect(String(decoding: le.utf8, as: UTF8.self) == "年😀")
        let be = try TextDecoder.decode([0x5E, 0x74, 0xD8, 0x00, 0x00], as: .utf16BigEndian)
        #expect(String(decoding: be.utf8, as: UTF8.self) == "年\u{FFFD}\u{FFFD}")
        #expect(be.decodeErrors == 2)
    }

    @Test func big5AndOtherEncodingsGoThroughIconv() throws {
        // 年 = 0xA67E in Big5; é = 0xE9 in windows-1252
        #expect(String(decoding: try TextDecoder.decode([0xA6, 0x7E], as: .big5).utf8, as: UTF8.self) == "年")
        #expect(String(decoding: try TextDecoder.decode([0xE9, 0x80], as: .other("WINDOWS-1252")).utf8, as: UTF8.self)
                == "é€")
    }

    @Test func unknownEncodingThrows() {
        #expect(throws: EncodingError.unsupported(label: "no-such-thing")) {
            try TextDecoder.decode([0x41], as: .other("NO-SUCH-THING"))
        }
    }

    @Test func randomBytesNeverLoseAnythingSilently() throws {
        var rng = SeededGenerator(seed: 7)
        for _ in 0..<200 {
            let bytes = (0..<Int.random(in: 0..<64, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            for encoding in [TextEncoding.utf8, .gb18030, .utf16LittleEndian] {
                let decoded = try TextDecoder.decode(bytes, as: encoding)
                // The output is valid UTF-8 and the replacement count matches the U+FFFDs produced.
                let text = String(decoding: decoded.utf8, as: UTF8.self)
                #expect(Array(text.utf8) == decoded.utf8)
                let replacements = text.unicodeScalars.filter { $0 == "\u{FFFD}" }.count
                #expect(replacements >= decoded.decodeErrors)
                if encoding == .utf8 {
                    #expect(replacements == decoded.decodeErrors + bytes.count(of: [0xEF, 0xBF, 0xBD]))
                }
            }
        }
    }
}

extension Array where Element == UInt8 {
    func count(of needle: [UInt8]) -> Int {
        guard count >= needle.count else { return 0 }
        return (0...(count - needle.count)).filter { Array(self[$0..<($0 + needle.count)]) == needle }.count
    }
}
