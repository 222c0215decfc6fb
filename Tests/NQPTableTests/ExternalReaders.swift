import Foundation
import NQPTestSupport

/// The real readers economists use, found on PATH. Tests that need one skip (with the reason) when it is absent.
enum ExternalReaders {
    static let python: String? = {
        guard let python = which("python3") else { return nil }
        return (try? runCommand(python, ["-c", "import pandas, pyreadstat, numpy"]))?.status == 0 ? python : nil
    }()
    static let rscript: String? = {
        guard let r = which("Rscript") else { return nil }
        return (try? runCommand(r, ["-e", "library(haven); library(readr)"]))?.status == 0 ? r : nil
    }()
    static let readstat: String? = which("readstat")

    static var hasPython: Bool { python != nil }
    static var hasR: Bool { rscript != nil }
    static var hasReadstat: Bool { readstat != nil }

    /// Runs a Python script (text) with arguments; returns stdout, throws with stderr on failure.
    static func runPython(_ script: String, _ arguments: [String]) throws -> String {
        guard let python else { throw ReaderFailure(message: "python3 with pandas/pyreadstat is not installed") }
        let result = try runCommand(python, ["-c", script] + arguments)
        guard result.status == 0 else { throw ReaderFailure(message: "python failed: \(result.stderr)") }
        return result.stdout
    }

    static func runR(_ script: String, _ arguments: [String]) throws -> String {
        guard let rscript else { throw ReaderFailure(message: "Rscript with haven/readr is not installed") }
        let result = try runCommand(rscript, ["-e", script] + arguments)
        guard result.status == 0 else { throw ReaderFailure(message: "R failed: \(result.stderr)") }
        return result.stdout
    }

    static func runReadstat(_ arguments: [String]) throws -> CommandResult {
        guard let readstat else { throw ReaderFailure(message: "readstat is not installed") }
        return try runCommand(readstat, arguments)
    }
}

struct ReaderFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
