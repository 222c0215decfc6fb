import ArgumentParser
import Foundation
import NQPPipeline

struct Cache: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage the text cache (extracted report text kept under the output folder's .nqp/text).",
        subcommands: [Prune.self])

    struct Prune: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Drop cached texts of reports no longer in the inputs (removed, changed or moved).")

        @OptionGroup var common: RunCommonOptions

        @Flag(name: .customLong("other-settings"),
              help: "Also drop texts extracted under other extraction settings (encoding, parser, sections).")
        var otherSettings = false

        @Option(help: "Wait up to this many seconds for a run's lock instead of exiting with code 4.")
        var wait: Double = 0

        func run() throws {
            let (logger, _) = try common.bootstrapLogging()
            let loaded = try common.loadConfig()
            let summary = try Pipeline(loaded: loaded, logger: logger)
                .pruneTextCache(otherSettings: otherSettings, waitSeconds: wait)
            print(summary.rendered)
        }
    }
}
