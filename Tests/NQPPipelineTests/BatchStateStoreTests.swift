import Foundation
@testable import NQPPipeline
import NQPTestSupport
import Testing

@Suite("StateStore")
struct BatchStateStoreTests {
    typealias F = BatchFixtures

    @Test("a first plan lists every file as new and a committed rerun reads no file")
    func newThenUnchanged() throws {
        let (store, _) = try F.makeStore()
        let files = [F.stat("b.html"), F.stat("a.html")]
        let contents = ["a.html": "A", "b.html": "B"]
        let first = try store.plan(current: files, resultKeyFor: F.keyFor(config: "d1"), hash: F.hasher(contents))
        #expect(first.new.map(\.file.path) == ["a.html", "b.html"])
        #expect(first.hashedFiles == 2)
        try store.commit(F.outcomes(for: first), at: F.epoch)

        // No content is available now: any attempt to hash would make the file unreadable.
        let second = try store.plan(current: files, resultKeyFor: F.keyFor(config: "d1"), hash: F.hasher([:]))
        #expect(second.unchanged.count == 2)
        #expect(second.toProcess.isEmpty)
        #expect(second.hashedFiles == 0)
        #expect(second.counts.unchanged == 2)
    }

    @Test("changed content with a new stat is changed; a touched file with the same content is unchanged")
    func changedAndTouched() throws {
        let (store, _) = try F.makeStore()
        let files = [F.stat("a.html"), F.stat("b.html")]
        var contents = ["a.html": "A", "b.html": "B"]
        try store.commit(F.outcomes(for: store.plan(current: files, resultKeyFor: F.keyFor(config: "d1"),
                                                    hash: F.hasher(contents))), at: F.epoch)
        contents["a.html"] = "A2"
        let now = [F.stat("a.html", size: 101, mtime: 2), F.stat("b.html", mtime: 5)]
        let plan = try store.plan(current: now, resultKeyFor: F.keyFor(config: "d1"), hash: F.hasher(contents))
        #expect(plan.changed.map(\.file.path) == ["a.html"])
        #expect(plan.unchanged.map(\.file.path) == ["b.html"])
        #expect(plan.unchanged.first?.statChanged == true)
        #expect(plan.hashedFiles == 2)

        // After apply, the touched file's new stat is trusted again: only the changed one (not yet committed) is hashed.
        try store.apply(plan, at: F.epoch)
        let again = try store.plan(current: now, resultKeyFor: F.keyFor(config: "d1"), hash: F.hasher(contents))
        #expect(again.hashedFiles == 1)
        #expect(again.unchanged.map(\.file.path) == ["b.html"])
    }

    @Test("a changed dictionary re-counts every report as reconfigured without reading any")
    func reconfigured() throws {
        let (store, _) = try F.makeStore()
        let files = [F.stat("a.html"), F.stat("b.html")]
        try store.commit(F.outcomes(for: store.plan(current: files, resultKeyFor: F.keyFor(config: "d1"),
                                                    hash: F.hasher(["a.html": "A", "b.html": "B"]))), at: F.epoch)
        let plan = try store.plan(current: files, resultKeyFor: F.keyFor(config: "d2"), hash: F.hasher([:]))
        #expect(plan.reconfigured.count == 2)
        #expect(plan.changed.isEmpty)
        #expect(plan.toProcess.count == 2)
        #expect(plan.hashedFiles == 0)
        #expect(plan.counts.reconfigured == 2)
    }

    @Test("a stored file that is no longer present is removed, and apply deletes its row")
    func removed() throws {
        let (store, _) = try F.makeStore()
        let contents = ["a.html": "A", "b.html": "B", "c.html": "C"]
        try store.commit(F.outcomes(for: store.plan(
            current: [F.stat("a.html"), F.stat("b.html"), F.stat("c.html")], resultKeyFor: F.keyFor(config: "d1"),
            hash: F.hasher(contents))), at: F.epoch)
        let plan = try store.plan(current: [F.stat("b.html")], resultKeyFor: F.keyFor(config: "d1"),
                                  hash: F.hasher(contents))
        #expect(plan.removed == ["a.html", "c.html"])
        #expect(plan.counts.removed == 2)
        try store.apply(plan, at: F.epoch)
        #expect(try store.reports().map(\.path) == ["b.html"])
    }

    @Test("a quarantined file is skipped, retried with retryFailed or force, and processed when it changes")
    func quarantine() throws {
        let (store, _) = try F.makeStore()
        let file = F.stat("bad.html")
        let first = try store.plan(current: [file], resultKeyFor: F.keyFor(config: "d1"),
                                   hash: F.hasher(["bad.html": "garbage"]))
        let entry = try #require(first.new.first)
        try store.commit([.failed(file: file, sha256: entry.sha256, resultKey: entry.resultKey, stage: .extract,
                                  reason: "undecodable")], at: F.epoch)

        let skip = try store.plan(current: [file], resultKeyFor: F.keyFor(config: "d2"), hash: F.hasher([:]))
        #expect(skip.quarantined.map(\.file.path) == ["bad.html"])
        #expect(skip.toProcess.isEmpty)

        let retry = try store.plan(current: [file], options: PlanOptions(retryFailed: true),
                                   resultKeyFor: F.keyFor(config: "d1"), hash: F.hasher([:]))
        #expect(retry.retry.map(\.file.path) == ["bad.html"])
        #expect(retry.toProcess.count == 1)

        let forced = try store.plan(current: [file], options: PlanOptions(force: true),
                                    resultKeyFor: F.keyFor(config: "d1"), hash: F.hasher(["bad.html": "garbage"]))
        #expect(forced.retry.count == 1)

        let fixed = try store.plan(current: [F.stat("bad.html", size: 50, mtime: 9)],
                                   resultKeyFor: F.keyFor(config: "d1"), hash: F.hasher(["bad.html": "fixed"]))
        #expect(fixed.changed.map(\.file.path) == ["bad.html"])
        #expect(fixed.toProcess.count == 1)
    }

    @Test("force redoes every file and re-hashes it instead of trusting the stat")
    func force() throws {
        let (store, _) = try F.makeStore()
        let files = [F.stat("a.html"), F.stat("b.html")]
        let contents = ["a.html": "A", "b.html": "B"]
        try store.commit(F.outcomes(for: store.plan(current: files, resultKeyFor: F.keyFor(config: "d1"),
                                                    hash: F.hasher(contents))), at: F.epoch)
        let plan = try store.plan(current: files, options: PlanOptions(force: true, hashingJobs: 2),
                                  resultKeyFor: F.keyFor(config: "d1"), hash: F.hasher(contents))
        #expect(plan.unchanged.count == 2)
        #expect(plan.toProcess.count == 2)
        #expect(plan.hashedFiles == 2)
        #expect(plan.isForced)
    }

    @Test("an unreadable file is planned as unreadable with the reason, once")
    func unreadable() throws {
        let (store, _) = try F.makeStore()
        let file = F.stat("locked.html")
        let plan = try store.plan(current: [file], resultKeyFor: F.keyFor(config: "d1"), hash: F.hasher([:]))
        let entry = try #require(plan.unreadable.first)
        #expect(entry.unreadableReason?.contains("locked.html") == true)
        #expect(!entry.needsProcessing)
        try store.commit([.failed(file: file, sha256: "", resultKey: "", stage: .read,
                                  reason: entry.unreadableReason ?? "")], at: F.epoch)
        // Still unreadable: already quarantined, nothing new to record.
        let again = try store.plan(current: [file], resultKeyFor: F.keyFor(config: "d1"), hash: F.hasher([:]))
        #expect(again.quarantined.count == 1)
        // Readable again: hashed and processed.
        let readable = try store.plan(current: [file], resultKeyFor: F.keyFor(config: "d1"),
                                      hash: F.hasher(["locked.html": "ok"]))
        #expect(readable.changed.count == 1)
    }

    @Test("a commit that fails on one row leaves the previous state untouched")
    func transactionalCommit() throws {
        let (store, _) = try F.makeStore()
        let good = F.stat("a.html")
        let sha = ContentHash.sha256Hex(of: Array("A".utf8))
        try store.commit([.succeeded(file: good, sha256: sha, resultKey: "k1", firm: "1", year: 2023,
                                     result: Data("old".utf8))], at: F.epoch)
        let before = try store.reports()
        let batch: [ReportOutcome] = [
            .succeeded(file: good, sha256: sha, resultKey: "k2", firm: "1", year: 2024, result: Data("new".utf8)),
            .succeeded(file: F.stat("b.html"), sha256: "not-a-sha", resultKey: "k2", firm: "2", year: 2024,
                       result: Data("b".utf8)),
        ]
        #expect(throws: BatchError.self) { try store.commit(batch, at: F.epoch.addingTimeInterval(60)) }
        #expect(try store.reports() == before)
    }

    @Test("marking a report failed keeps first_seen, updates last_seen and drops the result")
    func failureKeepsFirstSeen() throws {
        let (store, _) = try F.makeStore()
        let file = F.stat("a.html")
        let sha = ContentHash.sha256Hex(of: Array("A".utf8))
        try store.commit([.succeeded(file: file, sha256: sha, resultKey: "k", firm: "1", year: 2023,
                                     result: Data("r".utf8))], at: F.epoch)
        try store.commit([.failed(file: file, sha256: sha, resultKey: "k", stage: .identify, reason: "no year")],
                         at: F.epoch.addingTimeInterval(86_400))
        let record = try #require(try store.report(atPath: "a.html"))
        #expect(record.status == .failed)
        #expect(record.firstSeen == "2026-11-29T20:00:00Z")
        #expect(record.lastSeen == "2026-11-30T20:00:00Z")
        #expect(record.result == nil)
        #expect(record.stage == .identify)
        #expect(try store.count(withStatus: .failed) == 1)
        #expect(try store.report(atPath: "missing.html") == nil)
    }

    @Test("listings are sorted by path bytes and can leave results out")
    func listingOrder() throws {
        let (store, _) = try F.makeStore()
        let paths = ["年报/b.html", "B.html", "a.html", "a/b.html"]
        let sha = ContentHash.sha256Hex(of: Array("x".utf8))
        try store.commit(paths.map { .succeeded(file: F.stat($0), sha256: sha, resultKey: "k", firm: nil, year: nil,
                                                 result: Data("r".utf8)) }, at: F.epoch)
        #expect(try store.reports().map(\.path) == ["B.html", "a.html", "a/b.html", "年报/b.html"])
        #expect(try store.reports(includingResults: false).allSatisfy { $0.result == nil })
        #expect(try store.reports().allSatisfy { $0.result == Data("r".utf8) })
        #expect(try store.removeReports(notIn: ["a.html"]) == ["B.html", "a/b.html", "年报/b.html"])
        #expect(try store.reports().map(\.path) == ["a.html"])
    }

    @Test("the store lives in .nqp/state.sqlite in WAL mode and survives reopening")
    func fileAndReopen() throws {
        let (store, output) = try F.makeStore()
        let sha = ContentHash.sha256Hex(of: Array("x".utf8))
        try store.commit([.succeeded(file: F.stat("a.html"), sha256: sha, resultKey: "k", firm: nil, year: nil,
                                     result: Data())], at: F.epoch)
        #expect(store.path == output.appendingPathComponent(".nqp/state.sqlite").path)
        #expect(FileManager.default.fileExists(atPath: store.path + "-wal"))
        try store.close()
        let reopened = try StateStore(outputDirectory: output)
        #expect(try reopened.reports().map(\.path) == ["a.html"])
    }

    @Test("real files: stat and SHA-256 drive the plan")
    func realFiles() throws {
        let (store, _) = try F.makeStore()
        let input = try TestPaths.temporaryDirectory("nqp-input")
        let url = input.appendingPathComponent("r.html")
        try Data("<p>hello</p>".utf8).write(to: url)
        let stat = try FileStat(location: url.path, path: "r.html")
        #expect(stat.size == 12)
        let plan = try store.plan(current: [stat], resultKeyFor: F.keyFor(config: "d1"))
        #expect(plan.new.first?.sha256 == ContentHash.sha256Hex(of: Array("<p>hello</p>".utf8)))
        try store.commit(F.outcomes(for: plan), at: F.epoch)
        let again = try store.plan(current: [try FileStat(location: url.path, path: "r.html")],
                                   resultKeyFor: F.keyFor(config: "d1"))
        #expect(again.unchanged.count == 1)
        #expect(again.hashedFiles == 0)
    }

    @Test("10,000 stored reports: a no-change plan hashes nothing and classifies all as unchanged")
    func tenThousand() throws {
        let (store, _) = try F.makeStore()
        let count = 10_000
        let files = (0..<count).map { F.stat(String(format: "reports/%06d_2024.html", $0), size: Int64(1000 + $0)) }
        let sha = { (i: Int) in ContentHash.sha256Hex(of: Array("report \(i)".utf8)) }
        let key = F.keyFor(config: "d1")
        let outcomes = files.enumerated().map { i, file in
            ReportOutcome.succeeded(file: file, sha256: sha(i), resultKey: key(sha(i)), firm: String(i), year: 2024,
                                    result: Data(#"{"counts":{"digital":12,"ai":3}}"#.utf8))
        }
        let writeStart = Date()
        try store.commit(outcomes, at: F.epoch)
        let written = Date().timeIntervalSince(writeStart)

        let planStart = Date()
        let plan = try store.plan(current: files, resultKeyFor: key, hash: F.hasher([:]))
        let planned = Date().timeIntervalSince(planStart)
        #expect(plan.counts.unchanged == count)
        #expect(plan.hashedFiles == 0)
        #expect(plan.removed.isEmpty)
        // Measured once for the report; not asserted (tests never check timing).
        print("BATCH-TIMING commit 10000 rows: \(written) s; plan 10000 files: \(planned) s")
    }
}
