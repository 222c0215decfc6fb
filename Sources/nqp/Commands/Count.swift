import ArgumentParser
import Foundation
import NQPExtract
import NQPLexicon
import NQPPipeline

struct Count: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Count dictionary keywords in reports, with the columns of the run's counts.csv (or kwic.csv with --kwic).",
        discussion: """
        Prints the run's counts.csv columns: firm,year,dictionary,category,keyword,count,negated,excluded,file,chars \
        (one row per file, dictionary, category and keyword, zeros included; chars is the length of the counted \
        scope). With --kwic N, the run's kwic.csv columns, one row per hit: \
        firm,year,file,dictionary,keyword,categories,status,reason,offset,before,match,after,page (offsets are \
        Unicode characters into the report's match text; page is the PDF page of the hit, empty for other \
        formats). Folders are searched recursively for reports. Firm and year are identified as `nqp run` does \
        (reports.manifest included) and left empty, with a warning, when unknown.
        """)

    @Argument(help: "Report files or folders.")
    var files: [String]

    @Option(name: .customLong("dictionary"), help: "Dictionary file or built-in name such as wu2021 (repeatable; `nqp dict list`). A file path wins. Default: the configuration's, else wu2021.")
    var dictionaries: [String] = []

    @Option(help: "longest (nested keywords count once) or independent (each keyword like str.count).")
    var mode: MatchMode?

    @Option(help: "full, mdna, a 10-K item (item:1A, item:7) or an EDGAR document (document:EX-13).")
    var scope: Scope?

    @Option(help: "csv or json.")
    var format: CountFormat = .csv

    @Option(help: "Report every hit with this many characters of context either side.")
    var kwic: Int?

    @Option(help: "Parallel workers (default: the number of cores). Output is identical for every value.")
    var jobs: Int?

    @Option(help: "Configuration whose dictionaries and counting options to use (default: built-in defaults).")
    var config: String?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let kwic, kwic < 0 { throw ValidationError("--kwic must be 0 or more") }
    }

    func run() throws {
        let settings = try StageFactory.load(config: config)
        let processor = try settings.processor(dictionaryPaths: dictionaries, mode: mode, scope: scope,
                                               kwic: kwic, hashesContent: false)
        let scan = try ReportDiscovery.scan(files, include: settings.config.reports.include,
                                            exclude: settings.config.reports.exclude)
        for problem in scan.problems {
            printError(Diagnostic(file: problem.displayPath, what: "[\(FailureStage.discover)] \(problem.reason)").description)
        }
        let found = scan.files
        let sizes = Dictionary(found.map { ($0.url.path, Self.size(of: $0.url)) }, uniquingKeysWith: { a, _ in a })
        let outcomes = ParallelMap.map(found, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount,
                                       cost: { sizes[$0.url.path] ?? 0 }) { file in
            processor.process(fileAt: file.url, displayPath: file.displayPath)
        }
        var results: [ReportResult] = []
        var failed = scan.problems.count
        for outcome in outcomes {
            for failure in outcome.failures {
                printError(errorMessage(failure))
                failed += 1
            }
            for result in outcome.results {
                for warning in result.warnings { printError("\(result.file): warning: \(warning)") }
                if result.firm == nil || result.year == nil {
                    printError("\(result.file): warning: firm or year not identified; left empty")
                }
                if let document = result.document,
                   let skip = settings.config.reports.skip.first(where: { $0.matches(document) }) {
                    printError("\(result.file): warning: counted, but this is \(document.description), which `nqp run` skips (reports.skip: \(skip.rawValue))")
                }
                results.append(result)
            }
        }
        switch format {
        case .csv:
            FileHandle.standardOutput.write(Data(kwic == nil ? CountTables.countsCSV(results)
                                                             : CountTables.kwicCSV(results)))
        case .json:
            for result in results { print(try JSONLine.encode(result)) }
        }
        if failed > 0 { throw ExitStatusError(status: .quarantined) }
    }
}

extension Count {
    static func size(of url: URL) -> Int64 {
        ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? NSNumber)?.int64Value ?? 0
    }
}

enum CountFormat: String, ExpressibleByArgument, CaseIterable {
    case csv, json
}

extension MatchMode: ExpressibleByArgument {}
