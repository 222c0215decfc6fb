import Testing
@testable import NQPEncoding
import NQPTestSupport

/// The table decoder must give exactly what iconv gives (it exists only for speed).
@Suite struct GB18030TableDecoderTests {
    private func iconvReference(_ bytes: [UInt8]) throws -> DecodedBytes {
        let converter = try #require(IconvConverter(from: "GB18030"))
        var decoded = bytes.withUnsafeBytes { converter.convert($0) }
        TextDecoder.dropLeadingByteOrderMark(&decoded.utf8)
        return decoded
    }

    @Test func everyTwoByteCodeDecodesAsIconvDoes() throws {
        var all: [UInt8] = [], tabled: [UInt8] = []
        for lead in UInt8(0x81)...0xFE {
            for trail in UInt8(0x40)...0xFE where trail != 0x7F {
                all += [lead, trail, 0x20]
                // A few codes (FE51 → U+20087 …) become four-byte UTF-8: they are left to iconv.
                if GB18030TableDecoder.twoByteTable[Int(lead - 0x81) * 192 + Int(trail - 0x40)] != 0 {
                    tabled += [lead, trail, 0x20]
                }
            }
        }
        #expect(tabled.count / 3 > 23_000)
        let table = try #require(tabled.withUnsafeBytes { GB18030TableDecoder.decode($0) })
        #expect(table == (try iconvReference(tabled)).utf8)
        #expect(try TextDecoder.decode(all, as: .gb18030) == (try iconvReference(all)))
    }

    @Test func mixedTextWithFourByteSequencesDecodesAsIconvDoes() throws {
        var generator = SeededGenerator(seed: 18030)
        for _ in 0..<50 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0..<200, using: &generator) {
                switch Int.random(in: 0..<4, using: &generator) {
                case 0: bytes.append(UInt8.random(in: 0x20...0x7E, using: &generator))
                case 1, 2:
                    bytes += [UInt8.random(in: 0xB0...0xF7, using: &generator), UInt8.random(in: 0xA1...0xFE, using: &generator)]
                default:
                    bytes += [UInt8.random(in: 0x81...0x84, using: &generator), UInt8.random(in: 0x30...0x39, using: &generator),
                              UInt8.random(in: 0x81...0xFE, using: &generator), UInt8.random(in: 0x30...0x39, using: &generator)]
                }
            }
            #expect(try TextDecoder.decode(bytes, as: .gb18030) == (try iconvReference(bytes)))
        }
    }

    @Test func damagedInputIsLeftToIconvsRepair() throws {
        let samples: [[UInt8]] = [
            [0x41, 0xFF, 0x42, 0xC4, 0x20, 0xC4, 0xEA, 0xC4],   // invalid byte, broken pair, truncated lead
            [0xC4, 0xEA, 0x80, 0x41], [0x81, 0x30, 0x81], [0x84, 0x31, 0x95, 0x33, 0xC4, 0xEA],   // BOM
        ]
        for bytes in samples {
            #expect(try TextDecoder.decode(bytes, as: .gb18030) == (try iconvReference(bytes)))
        }
        #expect([UInt8]([0x41, 0xFF]).withUnsafeBytes { GB18030TableDecoder.decode($0) } == nil)
    }
}
