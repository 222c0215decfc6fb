import ArgumentParser
import Foundation
import NQPPipeline

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a project: a commented pipeline.yml, reports/ (with one example report) and financials/.",
        discussion: """
        The pipeline.yml lists every section with its default value and what each key does. Never overwrites: \
        when any of the files exists, nothing is written and the exit code is 2.
        """)

    @Argument(help: "Folder to start the project in (created when missing).")
    var folder = "."

    func run() throws {
        try ProjectStarter.write(into: URL(fileURLWithPath: folder))
        let place = folder == "." ? "this folder" : folder
        print("Wrote pipeline.yml, reports/ (with the example report \(ProjectStarter.exampleReportName)) and financials/ in \(place).")
        print("Next:")
        for command in ProjectStarter.nextCommands(folder: folder) { print("  \(command)") }
    }
}
