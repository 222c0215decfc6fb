import ArgumentParser
import Foundation
import NQPConfig
import NQPPipeline

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rewrite report.html from the output folder of the last run, without rerunning anything.",
        discussion: """
        Reads reports.csv, counts.csv, errors.csv, merge_report.csv, weights.csv, panel.csv and manifest.json of \
        the configuration's output folder. Exit codes: 0 written, 2 configuration error or no previous run, \
        4 a run holds the output folder's lock.
        """)

    @Option(help: "The configuration file (its output.folder is the folder read and written).")
    var config = "pipeline.yml"

    @Option(help: "Wait up to this many seconds for a running nqp run to release the output folder.")
    var wait: Double = 0

    func validate() throws {
        if wait < 0 { throw ValidationError("--wait must be 0 or more seconds") }
    }

    func run() throws {
        let loaded = try LoadedConfig.load(from: URL(fileURLWithPath: config))
        let page = try Pipeline(loaded: loaded, logger: .init(label: "nqp")).writeReport(waitSeconds: wait)
        print(page.path)
    }
}
