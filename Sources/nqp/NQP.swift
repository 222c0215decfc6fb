import ArgumentParser
import Foundation
import NQPConfig
import NQPPipeline

/// The `nqp` command: a thin front end over `NQPPipeline`. Exit codes (all commands): 0 success, 1 failure,
/// 2 usage or configuration error, 3 finished but some inputs were quarantined, 4 the output folder is locked.
struct NQP: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nqp",
        abstract: "Annual reports → digital-transformation measures → financial merge → entropy NQP scores → firm-year panel.",
        discussion: """
        Exit codes: 0 success, 1 failure, 2 usage or configuration error, 3 finished but some inputs were \
        quarantined, 4 another run holds the output folder's lock.
        """,
        version: NQPVersion.withCommit,
        subcommands: [Run.self, Status.self, Slurm.self, Validate.self, Extract.self, Count.self, Dict.self, Score.self,
                      Report.self, Init.self, Manual.self, Cache.self]
    )
}

@main
enum Main {
    static func main() {
        var command: any ParsableCommand
        do {
            command = try NQP.parseAsRoot()
        } catch {
            Foundation.exit(report(error))
        }
        do {
            try command.run()
            Foundation.exit(0)
        } catch {
            // What a command throws goes through the one formatter; `nqp help …` ends with ArgumentParser's own
            // (clean-exit) errors, which print the help.
            let isCommandLine = !(error is any DiagnosableError) && NQP.exitCode(for: error) != .failure
            Foundation.exit(isCommandLine ? report(error) : exitFailure(error).status.rawValue)
        }
    }

    /// Prints a command-line (parsing or validation) error the way ArgumentParser would, but with nqp's exit
    /// codes (usage errors are 2, not 64).
    static func report(_ error: any Error) -> Int32 {
        let code = NQP.exitCode(for: error).rawValue
        let message = NQP.fullMessage(for: error)
        if code == 0 {
            if !message.isEmpty { print(message) }
            return 0
        }
        if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
        return code == ExitCode.validationFailure.rawValue ? ExitStatus.configuration.rawValue : code
    }
}

/// Thrown by commands to end with a specific exit status after they printed their own output.
struct ExitStatusError: Error {
    var status: ExitStatus
}
