import ArgumentParser
import Foundation
import NQPPipeline

struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what `nqp run` would do (new, changed, unchanged, removed and quarantined reports).")

    @OptionGroup var common: RunCommonOptions

    @Flag(name: .customLong("retry-failed"), help: "Plan as if --retry-failed were given.")
    var retryFailed = false

    func run() throws {
        let (logger, _) = try common.bootstrapLogging()
        let loaded = try common.loadConfig()
        print(try Pipeline(loaded: loaded, logger: logger).status(retryFailed: retryFailed).rendered)
    }
}
