import ArgumentParser
import Foundation
import NQPExtract
import NQPPipeline

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a report's match text, or its encoding, sections, firm and year as JSON.",
        discussion: """
        Reads HTML, XHTML/inline XBRL, XBRL XML, plain text and PDF, each possibly gzip-compressed, and zip archives \
        (each member is a report). Every readable file is processed; firm and year are left empty with a warning \
        when they cannot be identified. A file that cannot be read is reported on standard error and the exit \
        code is 3.
        """)

    @Argument(help: "Report files.")
    var files: [String]

    @Option(help: "Text to print: full (the whole report), mdna (management discussion and analysis), a 10-K item (item:1A, item:7) or an EDGAR document (document:EX-13).")
    var scope: Scope = .full

    @Option(help: "auto, or an encoding label such as utf-8, gb18030, big5.")
    var encoding = "auto"

    @Option(help: "text (the canonical match text) or json (one object per report).")
    var format: ExtractFormat = .text

    @Option(help: "HTML parser: fast (nqp's scanner) or libxml2 (the reference).")
    var parser: MarkupParser = .fast

    @Option(help: "Configuration whose section patterns and identification rules to use (default: built-in).")
    var config: String?

    func run() throws {
        let settings = try StageFactory.load(config: config)
        let extractor = try settings.extractor(encoding: encoding, parser: parser)
        var failed = 0
        for file in files {
            let url = URL(fileURLWithPath: file)
            let inputs: [ReportInput]
            do {
                inputs = try ReportInputs.load(fileAt: url)
            } catch {
                printError(errorMessage(error, file: file, path: url.path))
                failed += 1
                continue
            }
            for input in inputs {
                // Name reports as the user wrote the path (zip members as "archive.zip/member").
                let name = input.path.hasPrefix(url.path) ? file + input.path.dropFirst(url.path.count) : input.path
                do {
                    let report = try extractor.extract(input)
                    switch format {
                    case .text:
                        if let text = report.text(in: scope) {
                            print(text)
                        } else {
                            printError("\(name): warning: no \(scope.rawValue) section found; nothing printed")
                        }
                    case .json:
                        var summary = ExtractSummary(report: report, scope: scope)
                        summary.file = name
                        print(try summary.jsonLine())
                    }
                    for warning in report.warnings { printError("\(name): warning: \(warning)") }
                } catch {
                    printError(errorMessage(error, file: name, path: input.path))
                    failed += 1
                }
            }
        }
        if failed > 0 { throw ExitStatusError(status: .quarantined) }
    }
}

enum ExtractFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

extension Scope: ExpressibleByArgument {}
extension MarkupParser: ExpressibleByArgument {}
