import Foundation
import NQPTestSupport
import Testing
@testable import NQPExtract

/// Decompression bombs: a small .gz or .zip that inflates to gigabytes used to be inflated whole into memory
/// (abort 134 under a memory limit). Inflation now stops at `reports.max_inflated_mb` and the file is quarantined.
@Suite("Decompression limits")
struct DecompressionLimitTests {
    static var python: String? { which("python3") }

    /// Writes `script` output files with python3's standard library (gzip, zipfile).
    static func make(_ script: String, _ arguments: [String]) throws {
        let result = try runCommand(try #require(python), ["-c", script] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
    }

    static let limit = 8 << 20

    @Test(.enabled(if: python != nil, "python3 (standard library) builds the archives"))
    func a_gzip_bomb_stops_at_the_limit() throws {
        let folder = try TestPaths.temporaryDirectory("nqp-bomb")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("000001_2021_bomb.html.gz")
        try Self.make("""
        import gzip, sys
        with gzip.open(sys.argv[1], "wb", 9) as f:
            block = b" " * (1 << 20)
            for _ in range(64): f.write(block)
        """, [url.path])
        #expect(try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int ?? 0 < 1 << 20)
        do {
            _ = try ReportInputs.load(fileAt: url, maxBytes: Self.limit)
            Issue.record("a 64 MiB gzip stream passed an 8 MiB limit")
        } catch {
            guard case let .tooLarge(path, count, limit) = error else { Issue.record("\(error)"); return }
            #expect(path == url.path)
            #expect(limit == Self.limit)
            #expect(count <= Self.limit + (1 << 18), "stopped within one 256 KiB chunk of the limit")
            #expect(error.description.contains("reports.max_inflated_mb"))
        }
        // Under the default limit it is an ordinary (if empty-looking) report.
        #expect(try ReportInputs.load(fileAt: url).first?.bytes.count == 64 << 20)
    }

    @Test(.enabled(if: python != nil, "python3 (standard library) builds the archives"))
    func a_zip_member_or_all_members_together_beyond_the_limit_are_refused() throws {
        let folder = try TestPaths.temporaryDirectory("nqp-bomb")
        defer { try? FileManager.default.removeItem(at: folder) }
        let one = folder.appendingPathComponent("one.zip"), many = folder.appendingPathComponent("many.zip")
        try Self.make("""
        import zipfile, sys
        with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("000001_2021_big.html", b" " * (16 << 20))
        with zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED) as z:
            for i in range(4):
                z.writestr("00000%d_2021_part.html" % i, b" " * (3 << 20))
        """, [one.path, many.path])
        for (url, member) in [(one, "000001_2021_big.html"), (many, "000002_2021_part.html")] {
            do {
                _ = try ReportInputs.load(fileAt: url, maxBytes: Self.limit)
                Issue.record("\(url.lastPathComponent) passed the limit")
            } catch {
                guard case let .tooLarge(path, _, limit) = error else { Issue.record("\(error)"); return }
                #expect(path == url.path + "/" + member)
                #expect(limit == Self.limit)
            }
        }
        #expect(try ReportInputs.load(fileAt: many, maxBytes: 16 << 20).count == 4)
    }

    @Test func a_plain_file_beyond_the_limit_is_refused_before_reading() throws {
        let folder = try TestPaths.temporaryDirectory("nqp-bomb")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("000001_2021_huge.html")
        FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: UInt64(Self.limit + 1))   // sparse: no disk used
        try handle.close()
        #expect(throws: ExtractError.tooLarge(path: url.path, byteCount: Self.limit + 1, limit: Self.limit)) {
            try ReportInputs.load(fileAt: url, maxBytes: Self.limit)
        }
    }

    @Test func a_fifo_or_device_is_refused_without_opening_it() throws {
        let folder = try TestPaths.temporaryDirectory("nqp-fifo")
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("000001_2021_pipe.html")
        #expect(mkfifo(fifo.path, 0o644) == 0)
        for path in [fifo.path, "/dev/zero"] {
            do {
                _ = try ReportInputs.load(fileAt: URL(fileURLWithPath: path))
                Issue.record("\(path) was read")
            } catch {
                guard case .unreadableFile(_, let reason) = error else { Issue.record("\(error)"); continue }
                #expect(reason.contains("not a regular file"))
            }
        }
    }
}
