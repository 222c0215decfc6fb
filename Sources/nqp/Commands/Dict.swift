import ArgumentParser
import Foundation
import NQPLexicon
import NQPPipeline

struct Dict: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List, show and check keyword dictionaries (built-in ones by name, others by path).",
        subcommands: [List.self, Show.self, Check.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the built-in dictionaries (and a folder's): name, aliases, size, SHA-256, source.",
            discussion: """
            Tab-separated columns: name, aliases, categories, keywords, language, bytes, sha256, file, source. \
            Built-in dictionaries are compiled into nqp (file builtin:NAME); pass their name or alias to \
            --dictionary or counting.dictionaries.
            """)

        @Option(help: "Also list the dictionary files in this folder.")
        var folder: String?

        func run() throws {
            print(DictionaryCatalog.table(try DictionaryCatalog.list(folder: folder.map { URL(fileURLWithPath: $0) })))
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a dictionary file exactly (to copy and edit), or a summary with --summary.")

        @Argument(help: "Dictionary name (as in `nqp dict list`) or file path.")
        var name: String

        @Option(help: "Folder of dictionary files to look in before the built-in ones.")
        var folder: String?

        @Flag(help: "Print the source, categories, columns and keywords instead of the file.")
        var summary = false

        func run() throws {
            let item = try DictionaryCatalog.find(name, folder: folder.map { URL(fileURLWithPath: $0) })
            if summary {
                print(DictionaryCatalog.render(item.dictionary))
            } else {
                FileHandle.standardOutput.write(Data(item.bytes))
            }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a dictionary file or built-in dictionary: duplicates, empty entries, column names. Exit 2 on problems.")

        @Argument(help: "Dictionary file or built-in name.")
        var path: String

        func run() throws {
            let problems = try DictionaryCatalog.check(path)
            for problem in problems { printError(problem.description) }
            if problems.contains(where: { $0.severity >= .warning }) { throw ExitStatusError(status: .configuration) }
            print("\(path): \(problems.isEmpty ? "no problems" : "no errors (\(problems.count) notes)")")
        }
    }
}
