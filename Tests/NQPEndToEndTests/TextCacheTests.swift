import Foundation
import NQPTestSupport
import Testing

/// The text cache (README "Text cache"): counting-only changes re-count from cached texts without reading a
/// report, extraction changes re-extract exactly what they affect, and outputs are identical with the cache on,
/// off, or re-counted from it.
@Suite("text cache", .serialized)
struct TextCacheTests {
    static let recounted = "37 re-counted without reading the report, 0 extracted"

    func textEntries(_ workspace: Workspace) -> [String] {
        let folder = workspace.output().appendingPathComponent(".nqp/text")
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        var names: [String] = []
        while let name = enumerator?.nextObject() as? String {
            if name.hasSuffix(".nqpt") { names.append(name) }
        }
        return names.sorted()
    }

    @Test func countingChangesRecountFromTheCacheWithIdenticalOutputs() throws {
        let workspace = try Workspace("nqp-textcache")
        defer { workspace.remove() }
        #expect(try workspace.run().status == 0)
        #expect(textEntries(workspace).count == 37, "one entry per report file")
        // Counting-only changes: mode, scope, excluded chapters (needs the layout text), negation, KWIC width.
        try workspace.setConfig("counting.mode", "independent")
        try workspace.setConfig("counting.scope", "mdna")
        try workspace.setConfig("counting.excluded_chapters", "[公司治理]")
        try workspace.setConfig("counting.negation.enabled", "false")
        try workspace.setConfig("counting.kwic", "7")
        let status = try workspace.nqp(["status", "--config", workspace.config.path])
        #expect(status.stdout.contains("re-count from the text cache (no report read): 37"), "\(status.stdout)")
        #expect(status.stdout.contains("read and extract: 0"))
        let recount = try workspace.run()
        #expect(recount.status == 0, "\(recount.stderr)")
        #expect(recount.stderr.contains(Self.recounted), "\(recount.stderr)")
        let fromCache = try workspace.dataFiles()
        // The same configuration without the cache, from scratch, in another folder: byte for byte the same.
        try workspace.setConfig("output.folder", "plain")
        try workspace.setConfig("run.text_cache", "false")
        let plain = try workspace.run()
        #expect(plain.status == 0)
        #expect(!plain.stderr.contains("text cache:"))
        #expect(!FileManager.default.fileExists(atPath: workspace.output("plain").appendingPathComponent(".nqp/text").path))
        let uncached = try workspace.dataFiles("plain")
        #expect(fromCache.keys.sorted() == uncached.keys.sorted())
        for (name, data) in fromCache { #expect(data == uncached[name], "\(name) differs with the cache off") }
    }

    @Test func aRecountReadsNoReportAndAnExtractionChangeReExtractsExactlyTheAffected() throws {
        let workspace = try Workspace("nqp-textcache")
        defer { workspace.remove() }
        // Blank one report behind nqp's back, keeping size and modification time: planning trusts them, so only
        // a run that reads the file would notice. A counting change must count the cached text instead.
        let report = workspace.reports.appendingPathComponent("000651_2019_示例电器.html")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_600_000_000)],
                                              ofItemAtPath: report.path)
        #expect(try workspace.run().status == 0)  // the store holds the whole-second time
        let counts = try Data(contentsOf: workspace.output().appendingPathComponent("counts.csv"))
        let size = try Data(contentsOf: report).count
        try Data(repeating: 0x20, count: size).write(to: report)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_600_000_000)],
                                              ofItemAtPath: report.path)
        try workspace.setConfig("counting.kwic", "21")
        let recount = try workspace.run()
        #expect(recount.status == 0, "\(recount.stderr)")
        #expect(recount.stderr.contains(Self.recounted), "\(recount.stderr)")
        #expect(try Data(contentsOf: workspace.output().appendingPathComponent("counts.csv")) == counts,
                "counts come from the cached text of the original report")

        // A changed report among a counting change: that one report is read, the others re-counted.
        let other = workspace.reports.appendingPathComponent("000858_2020_示例酒业.html")
        try (try Data(contentsOf: other) + Data("<p>cloud</p>".utf8)).write(to: other)
        try workspace.setConfig("counting.kwic", "22")
        let status = try workspace.nqp(["status", "--config", workspace.config.path])
        #expect(status.stdout.contains("re-count from the text cache (no report read): 36"), "\(status.stdout)")
        #expect(status.stdout.contains("read and extract: 1\n    samples/reports/000858_2020_示例酒业.html"))
        let mixed = try workspace.run()
        #expect(mixed.stderr.contains("36 re-counted without reading the report, 1 extracted"), "\(mixed.stderr)")

        // An extraction setting (the parser) misses every entry; the next counting change hits again.
        try workspace.setConfig("reports.parser", "libxml2")
        let reparsed = try workspace.run()
        #expect(reparsed.stderr.contains("0 re-counted without reading the report, 37 extracted"), "\(reparsed.stderr)")
        try workspace.setConfig("counting.kwic", "23")
        let again = try workspace.run()
        #expect(again.stderr.contains(Self.recounted), "\(again.stderr)")
    }

    @Test func pruneDropsEntriesOfReportsNoLongerInTheInputs() throws {
        let workspace = try Workspace("nqp-textcache")
        defer { workspace.remove() }
        #expect(try workspace.run().status == 0)
        try workspace.setConfig("reports.parser", "libxml2")
        #expect(try workspace.run().status == 0)
        #expect(textEntries(workspace).count == 74, "both parsers' texts are kept")
        try FileManager.default.removeItem(at: workspace.reports.appendingPathComponent("002230-2019.txt"))
        let prune = try workspace.nqp(["cache", "prune", "--config", workspace.config.path])
        #expect(prune.status == 0, "\(prune.stderr)")
        #expect(prune.stdout.contains("removed 2 entries"), "\(prune.stdout)")
        #expect(textEntries(workspace).count == 72)
        let other = try workspace.nqp(["cache", "prune", "--other-settings", "--config", workspace.config.path])
        #expect(other.stdout.contains("removed 36 entries"), "\(other.stdout)")
        #expect(textEntries(workspace).count == 36)
    }

    @Test func aDamagedEntryIsReExtracted() throws {
        let workspace = try Workspace("nqp-textcache")
        defer { workspace.remove() }
        #expect(try workspace.run().status == 0)
        let reference = try workspace.dataFiles()
        let entries = textEntries(workspace)
        let folder = workspace.output().appendingPathComponent(".nqp/text")
        let damaged = folder.appendingPathComponent(try #require(entries.first))
        let bytes = try Data(contentsOf: damaged)
        try bytes.prefix(bytes.count / 2).write(to: damaged)  // cut in the middle of the compressed text
        try Data("not a cache entry".utf8).write(to: folder.appendingPathComponent(try #require(entries.last)))
        try workspace.setConfig("counting.kwic", "21")
        try workspace.setConfig("counting.kwic", "20")  // same settings, new config bytes
        try workspace.setConfig("counting.mode", "independent")
        try workspace.setConfig("counting.mode", "longest")
        try workspace.setConfig("counting.negation.enabled", "false")
        let recount = try workspace.run()
        #expect(recount.stderr.contains("35 re-counted without reading the report, 2 extracted"), "\(recount.stderr)")
        try workspace.setConfig("counting.negation.enabled", "true")
        let back = try workspace.run()
        #expect(back.stderr.contains(Self.recounted), "the damaged entries were rewritten: \(back.stderr)")
        #expect(try workspace.dataFiles() == reference)
    }

    @Test func textCacheKeyIsValidated() throws {
        let workspace = try Workspace("nqp-textcache")
        defer { workspace.remove() }
        try workspace.setConfig("run.text_cache", "sometimes")
        let result = try workspace.nqp(["validate", "--config", workspace.config.path])
        #expect(result.status == 2)
        #expect((result.stdout + result.stderr).contains("text_cache"), "\(result.stdout)\(result.stderr)")
    }
}
