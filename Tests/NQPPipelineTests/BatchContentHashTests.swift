import Foundation
@testable import NQPPipeline
import NQPTestSupport
import Testing

@Suite("ContentHash")
struct BatchContentHashTests {
    @Test("SHA-256 matches the FIPS 180-4 test vectors")
    func knownVectors() {
        #expect(ContentHash.sha256Hex(of: [UInt8]()) ==
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(ContentHash.sha256Hex(of: Array("abc".utf8)) ==
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(ContentHash.sha256Hex(of: Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)) ==
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(ContentHash.sha256Hex(of: [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)) ==
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("hashing a file in chunks gives the hash of its bytes")
    func fileHashEqualsBytesHash() throws {
        var generator = SeededGenerator(seed: 7)
        let bytes = (0..<((1 << 20) + 1_234)).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let url = try TestPaths.temporaryDirectory("nqp-hash").appendingPathComponent("r.bin")
        try Data(bytes).write(to: url)
        #expect(try ContentHash.sha256Hex(ofFileAt: url.path) == ContentHash.sha256Hex(of: bytes))
    }

    @Test("a missing file is reported as unreadable with its path")
    func missingFile() {
        let error = #expect(throws: BatchError.self) { try ContentHash.sha256Hex(ofFileAt: "/nonexistent/nqp/file.html") }
        #expect(error?.description == "/nonexistent/nqp/file.html: cannot read the file: No such file or directory (errno 2); "
            + "check that it exists and is readable")
    }

    @Test("the result key depends on every component but not on their order")
    func resultKey() {
        let keys = ResultKeys(components: ["extractor": "1", "dictionary": "d1"])
        let a = keys.key(forContentSHA256: "x")
        let b = ResultKeys(components: ["dictionary": "d1", "extractor": "1"]).key(forContentSHA256: "x")
        let c = ResultKeys(components: ["dictionary": "d2", "extractor": "1"]).key(forContentSHA256: "x")
        let d = keys.key(forContentSHA256: "y")
        #expect(a == b)
        #expect(a != c)
        #expect(a != d)
        #expect(a.count == 64)
        // Length prefixes: moving text between a name and a value changes the key.
        #expect(ResultKeys(components: ["a": "b=c"]) != ResultKeys(components: ["a=b": "c"]))
    }
}
