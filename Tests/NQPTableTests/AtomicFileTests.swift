import Foundation
import Testing
@testable import NQPTable
import NQPTestSupport

@Suite("Atomic file")
struct AtomicFileTests {
    @Test func writes_and_replaces_without_leaving_temporary_files() throws {
        let folder = try TestPaths.temporaryDirectory("nqp-atomic")
        let url = folder.appendingPathComponent("out.csv")
        try AtomicFile.write("first", to: url)
        try AtomicFile.write(Array("second".utf8), to: url)
        #expect(try String(contentsOf: url, encoding: .utf8) == "second")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.csv"])
    }

    @Test func a_failing_writer_leaves_the_old_file_and_no_temporary() throws {
        let folder = try TestPaths.temporaryDirectory("nqp-atomic")
        let url = folder.appendingPathComponent("panel.dta")
        try AtomicFile.write("old", to: url)
        #expect(throws: TableError.invalidOption("boom")) {
            try AtomicFile.write(to: url) { writer throws(TableError) in
                try writer.write(Array("partial".utf8))
                throw .invalidOption("boom")
            }
        }
        #expect(try String(contentsOf: url, encoding: .utf8) == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["panel.dta"])
    }

    @Test func a_missing_directory_is_an_io_error_naming_the_path() {
        let url = URL(fileURLWithPath: "/nonexistent-nqp-dir/x.csv")
        do {
            try AtomicFile.write("x", to: url)
            Issue.record("no error")
        } catch {
            guard case .io(let path, _, _) = error else { Issue.record("\(error)"); return }
            #expect(path == url.path)
        }
    }
}
