import NQPEncoding
import Testing

@Suite struct UTF8BytesTests {
    @Test func scalarCountAgreesWithTheStandardLibraryOnEveryRange() {
        let text = "数字化 transformation：区块链 B2B 😀 云计算，人工智能。"
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            #expect(UTF8Bytes.scalarCount(buffer) == text.unicodeScalars.count)
            // Every range that starts and ends on a scalar boundary, so the eight-byte loop meets every alignment.
            var starts = [0]
            for scalar in text.unicodeScalars { starts.append(starts[starts.count - 1] + String(scalar).utf8.count) }
            for (i, lower) in starts.enumerated() {
                for (j, upper) in starts.enumerated() where j >= i {
                    #expect(UTF8Bytes.scalarCount(buffer, lower..<upper) == j - i, "\(lower)..<\(upper)")
                }
            }
        }
    }

    @Test func decodeReturnsEachScalarAndItsLength() {
        let text = "a¢中😀"
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            var offset = 0
            var decoded: [UInt32] = []
            while offset < buffer.count {
                let (value, length) = UTF8Bytes.decode(buffer, at: offset)
                decoded.append(value)
                offset += length
            }
            #expect(decoded == text.unicodeScalars.map(\.value))
        }
    }

    @Test func steppingBackAndForwardMovesWholeScalarsAndStopsAtTheEnds() {
        let bytes = Array("ab中文c".utf8)  // offsets: a 0, b 1, 中 2, 文 5, c 8, end 9
        bytes.withUnsafeBufferPointer { buffer in
            #expect(UTF8Bytes.index(buffer, back: 2, from: 8) == 2)
            #expect(UTF8Bytes.index(buffer, back: 10, from: 8) == 0)
            #expect(UTF8Bytes.index(buffer, forward: 2, from: 1) == 5)
            #expect(UTF8Bytes.index(buffer, forward: 10, from: 1) == 9)
        }
    }
}

@Suite struct UTF8ValidationTests {
    static func validPrefix(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { UTF8Validation.validPrefixLength($0) }
    }

    @Test func aChunkCutInsideASequenceCarriesItsStart() {
        let text = Array("年报 annual report 数字化".utf8)
        #expect(Self.validPrefix(text) == 0)
        #expect(Self.validPrefix(Array(text.dropLast(1))) == 2)   // 化 is E5 8C 96
        #expect(Self.validPrefix(Array(text.dropLast(2))) == 1)
        #expect(Self.validPrefix([0x61, 0xF0, 0x9F, 0x98]) == 3)    // 😀 cut after three of its four bytes
        #expect(Self.validPrefix([]) == 0)
    }

    @Test func invalidSequencesAreRejectedWhereverTheyAre() {
        #expect(Self.validPrefix([0x61, 0x80]) == nil)              // a lone continuation byte
        #expect(Self.validPrefix([0xC0, 0xAF]) == nil)              // overlong "/"
        #expect(Self.validPrefix([0xE0, 0x80, 0x80]) == nil)        // overlong three-byte form
        #expect(Self.validPrefix([0xED, 0xA0, 0x80]) == nil)        // a UTF-16 surrogate
        #expect(Self.validPrefix([0xF4, 0x90, 0x80, 0x80]) == nil)  // above U+10FFFF
        #expect(Self.validPrefix([0xE4, 0x41, 0x61]) == nil)        // lead byte followed by ASCII
        #expect(Self.validPrefix([0x61, 0xF5]) == nil)              // never a lead byte, even at the end
        #expect(Self.validPrefix([0xE0, 0x80]) == nil)              // cut short, but already invalid
    }
}
