import Foundation
@testable import NQPPipeline
import NQPTestSupport

/// Helpers shared by the Batch* tests.
enum BatchFixtures {
    static let epoch = Date(timeIntervalSince1970: 1_795_982_400)  // 2026-11-29T20:00:00Z

    /// A store in a fresh temporary output folder.
    static func makeStore() throws -> (store: StateStore, output: URL) {
        let output = try TestPaths.temporaryDirectory("nqp-batch")
        return (try StateStore(outputDirectory: output), output)
    }

    /// A file stat that exists only in the test: `contents` stands in for the file's bytes.
    static func stat(_ path: String, size: Int64 = 100, mtime: Int64 = 1) -> FileStat {
        FileStat(path: path, size: size, modificationTimeNanoseconds: mtime)
    }

    /// A hash function over simulated contents (path → text); unknown paths are unreadable.
    static func hasher(_ contents: [String: String]) -> @Sendable (FileStat) throws -> String {
        { file in
            guard let text = contents[file.path] else { throw BatchError.fileUnreadable(path: file.path, reason: "gone") }
            return ContentHash.sha256Hex(of: Array(text.utf8))
        }
    }

    /// The result key under configuration `config`.
    static func keyFor(config: String) -> (String) -> String {
        let keys = ResultKeys(components: ["dictionary": config])
        return { sha in keys.key(forContentSHA256: sha) }
    }

    /// Success outcomes for every entry of a plan that needs processing.
    static func outcomes(for plan: RunPlan, result: String = "{}") -> [ReportOutcome] {
        plan.toProcess.map {
            .succeeded(file: $0.file, sha256: $0.sha256, resultKey: $0.resultKey, firm: "000001", year: 2024,
                       result: Data(result.utf8))
        }
    }
}
