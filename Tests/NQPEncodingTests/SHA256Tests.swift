import Testing
import NQPEncoding

@Suite struct SHA256Tests {
    @Test func emptyInputHasTheStandardDigest() {
        #expect(SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func abcHasTheFIPSDigest() {
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func twoBlockMessageHasTheFIPSDigest() {
        let message = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
        #expect(SHA256.hex(message) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func millionAsHaveTheFIPSDigest() {
        let bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(SHA256.hex(bytes) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func incrementalHashingEqualsOneShotAcrossAwkwardChunkSizes() {
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        let hasher = Hasher256()
        var index = 0
        for size in [1, 63, 64, 65, 3, 200, 0, 17] {
            let end = min(bytes.count, index + size)
            hasher.update(Array(bytes[index..<end]))
            index = end
        }
        hasher.update(Array(bytes[index...]))
        #expect(Hex.string(hasher.finish()) == SHA256.hex(bytes))
    }

    @Test func lengthsAroundThePaddingBoundaryDiffer() {
        // 55, 56 and 64 bytes exercise the one- and two-block padding paths.
        let digests = [55, 56, 63, 64].map { SHA256.hex([UInt8](repeating: 0x61, count: $0)) }
        #expect(Set(digests).count == 4)
        #expect(digests[1] == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a")
    }
}
