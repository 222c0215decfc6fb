import ArgumentParser
import Foundation
import NQPLexicon
import NQPPipeline

struct Dict: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List, show and check keyword dictionaries.",
        subcommands: [List.self, Show.self, Check.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the dictionaries in a folder.")

        @Option(help: "Folder of dictionary files.")
        var folder = "dictionaries"

        func run() throws {
            let entries = try DictionaryCatalog.list(folder: URL(fileURLWithPath: folder))
            print("name\tcategories\tkeywords\tlanguage\tfile")
            for entry in entries {
                print("\(entry.name)\t\(entry.categories.count)\t\(entry.keywords.count)\t\(entry.language)\t\(entry.path)")
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a dictionary: source, categories, keywords.")

        @Argument(help: "Dictionary name (as in `nqp dict list`) or file path.")
        var name: String

        @Option(help: "Folder of dictionary files.")
        var folder = "dictionaries"

        func run() throws {
            let dictionary = try DictionaryCatalog.find(name, folder: URL(fileURLWithPath: folder))
            print(DictionaryCatalog.render(dictionary))
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a dictionary file: duplicates, empty entries, column names. Exit 2 on problems.")

        @Argument(help: "Dictionary file.")
        var path: String

        func run() throws {
            let problems = KeywordDictionary.check(contentsOf: URL(fileURLWithPath: path))
            for problem in problems { printError(problem.description) }
            if problems.contains(where: { $0.severity >= .warning }) { throw ExitStatusError(status: .configuration) }
            print("\(path): \(problems.isEmpty ? "no problems" : "no errors (\(problems.count) notes)")")
        }
    }
}
