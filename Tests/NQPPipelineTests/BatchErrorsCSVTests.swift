import Foundation
@testable import NQPPipeline
import Testing

@Suite("ErrorsCSV")
struct BatchErrorsCSVTests {
    static func failed(_ path: String, reason: String, stage: FailureStage = .extract) -> ReportRecord {
        ReportRecord(path: path, size: 1, modificationTimeNanoseconds: 1, sha256: String(repeating: "a", count: 64),
                     resultKey: "k", status: .failed, stage: stage, reason: reason,
                     firstSeen: "2026-11-28T20:00:00Z", lastSeen: "2026-11-29T20:00:00Z", updatedAt: "x")
    }

    @Test("rows are the failed reports sorted by file, with RFC 4180 quoting and LF line ends")
    func contentAndSorting() {
        var ok = Self.failed("ok.html", reason: "")
        ok.status = .ok
        let records = [
            Self.failed("z.html", reason: "plain reason"),
            ok,
            Self.failed("a,b.html", reason: "bad \"quote\" here", stage: .identify),
            Self.failed("m.html", reason: "line one\nline two"),
        ]
        let sha = String(repeating: "a", count: 64)
        let expected = "file,sha256,stage,reason,first_seen,last_seen\n"
            + "\"a,b.html\",\(sha),identify,\"bad \"\"quote\"\" here\",2026-11-28T20:00:00Z,2026-11-29T20:00:00Z\n"
            + "m.html,\(sha),extract,\"line one\nline two\",2026-11-28T20:00:00Z,2026-11-29T20:00:00Z\n"
            + "z.html,\(sha),extract,plain reason,2026-11-28T20:00:00Z,2026-11-29T20:00:00Z\n"
        #expect(String(decoding: ErrorsCSV.render(records), as: UTF8.self) == expected)
    }

    @Test("with no failures the file is just the header")
    func headerOnly() {
        #expect(ErrorsCSV.render([]) == Array("file,sha256,stage,reason,first_seen,last_seen\n".utf8))
    }

    @Test("rendering from the store lists its quarantined reports")
    func fromStore() throws {
        let (store, _) = try BatchFixtures.makeStore()
        let sha = ContentHash.sha256Hex(of: Array("x".utf8))
        try store.commit([
            .failed(file: BatchFixtures.stat("b.html"), sha256: sha, resultKey: "k", stage: .extract, reason: "undecodable"),
            .succeeded(file: BatchFixtures.stat("a.html"), sha256: sha, resultKey: "k", firm: "1", year: 2024,
                       result: Data()),
        ], at: BatchFixtures.epoch)
        let text = String(decoding: try ErrorsCSV.render(from: store), as: UTF8.self)
        #expect(text == "file,sha256,stage,reason,first_seen,last_seen\n"
            + "b.html,\(sha),extract,undecodable,2026-11-29T20:00:00Z,2026-11-29T20:00:00Z\n")
    }
}
