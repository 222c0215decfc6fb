import Foundation
import NQPTestSupport
import Testing

/// The `nqp` binary as a user runs it: names, help, exit codes.
@Suite("Command line")
struct CommandLineTests {
    @Test func versionAndHelpExitZero() throws {
        let version = try NQPBinary.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == false)
        let help = try NQPBinary.run(["--help"])
        #expect(help.status == 0)
        for command in ["run", "status", "validate", "extract", "count", "dict", "score"] {
            #expect(help.stdout.contains(command), "help lists \(command)")
        }
        let subHelp = try NQPBinary.run(["help", "extract"])
        #expect(subHelp.status == 0)
        #expect(subHelp.stdout.contains("--scope"))
    }

    @Test func usageErrorsExitTwo() throws {
        let result = try NQPBinary.run(["extract", "--format", "yaml", "x.html"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("yaml"))
        let unknown = try NQPBinary.run(["frobnicate"])
        #expect(unknown.status == 2)
    }
}
