import ArgumentParser
import Foundation
import NQPPipeline

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a configuration: keys, types, files, regular expressions, dictionaries, formulas, names.",
        discussion: "Prints every problem as file:line:column with a hint. Exit 0 when valid, 2 when not.")

    @Option(name: .long, help: "The configuration file.")
    var config = "pipeline.yml"

    func run() throws {
        let problems = ConfigValidator.problems(configAt: URL(fileURLWithPath: config))
        guard problems.isEmpty else {
            for problem in problems { printError(problem.description) }
            printError("\(config): \(problems.count) problem\(problems.count == 1 ? "" : "s")")
            throw ExitStatusError(status: .configuration)
        }
        print("\(config): valid")
    }
}
