import Foundation
import NQPTestSupport
import Testing
@testable import NQPPipeline

/// The publish step of a generation, stopped where a `kill -9` could stop it: a reader of the output folder sees
/// the whole old generation or the whole new one at every point, and the next run's sweep cleans up.
@Suite("Output generations: publish step by step")
struct OutputGenerationTests {
    /// What a reader sees: every name in the output folder that opens, with its content (dangling links = absent).
    static func view(_ output: URL) -> [String: String] {
        var seen: [String: String] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: output.path)) ?? [] where !name.hasPrefix(".") {
            if let text = try? String(contentsOf: output.appendingPathComponent(name), encoding: .utf8) { seen[name] = text }
        }
        return seen
    }

    static func writer(_ output: URL, _ files: [String: String]) throws -> OutputWriter {
        var writer = try OutputWriter(output: output)
        for (name, text) in files.sorted(by: { $0.key < $1.key }) { try writer.write(name, Array(text.utf8)) }
        return writer
    }

    @Test func everyStopShowsOneWholeGeneration() throws {
        let output = try TestPaths.temporaryDirectory("nqp-generation")
        defer { try? FileManager.default.removeItem(at: output) }
        let old = ["a.csv": "old a", "b.csv": "old b", "manifest.json": "old"]
        let new = ["a.csv": "new a", "c.csv": "new c", "manifest.json": "new"]
        try Self.writer(output, old).publish()
        #expect(Self.view(output) == old)

        // Killed after the links of the new names are placed, before the swap: still the old generation.
        try Self.writer(output, new).publish(stoppingAt: .afterLinks)
        #expect(Self.view(output) == old)
        OutputGeneration.sweep(output)
        #expect(Self.view(output) == old)
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()
                == [".nqp", "a.csv", "b.csv", "manifest.json"], "the unpublished name's link is swept")
        #expect(try FileManager.default.contentsOfDirectory(
            atPath: OutputGeneration.generations(output).path).count == 1, "the unpublished generation is swept")

        // Killed right after the swap: already the whole new generation (b.csv's link points at nothing).
        try Self.writer(output, new).publish(stoppingAt: .afterSwap)
        #expect(Self.view(output) == new)
        OutputGeneration.sweep(output)
        #expect(Self.view(output) == new)
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("b.csv").path))
        #expect(try FileManager.default.contentsOfDirectory(
            atPath: OutputGeneration.generations(output).path).count == 1, "the old generation is gone")

        // A failed run discards its staging folder; the published generation stays.
        let failed = try Self.writer(output, ["a.csv": "half"])
        failed.discard()
        #expect(Self.view(output) == new)
        #expect(!FileManager.default.fileExists(atPath: failed.folder.path))
    }

    @Test func temporaryFilesOfDeadProcessesAreSweptOthersKept() throws {
        let output = try TestPaths.temporaryDirectory("nqp-generation")
        defer { try? FileManager.default.removeItem(at: output) }
        try Self.writer(output, ["a.csv": "a"]).publish()
        let dead = output.appendingPathComponent(".a.csv.tmp-999999-x1")
        let mine = output.appendingPathComponent(".a.csv.tmp-\(getpid())-x2")
        let state = OutputGeneration.stateFolder(output).appendingPathComponent(".last_run.json.tmp-999998-y")
        let userFile = output.appendingPathComponent("notes.tmp-1-z")
        for url in [dead, mine, state, userFile] { try Data("x".utf8).write(to: url) }
        OutputGeneration.sweep(output)
        #expect(!FileManager.default.fileExists(atPath: dead.path))
        #expect(!FileManager.default.fileExists(atPath: state.path))
        #expect(FileManager.default.fileExists(atPath: mine.path), "a live process's temporary file stays")
        #expect(FileManager.default.fileExists(atPath: userFile.path), "only nqp's .X.tmp-PID-* names")
        #expect(OutputGeneration.temporaryFileOwner(".panel.csv.tmp-123-abc") == 123)
        #expect(OutputGeneration.temporaryFileOwner("panel.csv") == nil)
    }

    /// Where the filesystem takes no links: files renamed into place, manifest last.
    @Test func withoutLinksFilesAreRenamedManifestLast() throws {
        let output = try TestPaths.temporaryDirectory("nqp-generation")
        defer { try? FileManager.default.removeItem(at: output) }
        #expect(OutputWriter.supportsLinks(in: output), "this test machine's /tmp takes links")
        let writer = try Self.writer(output, ["a.csv": "a", "manifest.json": "m"])
        try writer.publishByRenaming()
        #expect(Self.view(output) == ["a.csv": "a", "manifest.json": "m"])
        var info = stat()
        #expect(lstat(output.appendingPathComponent("a.csv").path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG)
        #expect(!FileManager.default.fileExists(atPath: writer.folder.path))
    }
}
