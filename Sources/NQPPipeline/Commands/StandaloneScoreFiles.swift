import Foundation
import NQPScore
import NQPTable

/// `nqp score`: reads a CSV, scores it with the pipeline's entropy code, writes the weights and scored rows.
public enum StandaloneScoreFiles {
    public static func run(input: String, request: StandaloneScoreRequest, weightsOut: String?,
                           output: String?) throws {
        let records = try CSVReader.records(contentsOf: URL(fileURLWithPath: input))
        guard let header = records.first?.fields else {
            throw PipelineError.input(path: input, reason: "the file is empty; a header row is required")
        }
        let scored = try StandaloneScorer.score(header: header, rows: records.dropFirst().map(\.fields),
                                                request: request)
        if let weightsOut {
            try AtomicFile.write(scored.weightsCSV, to: URL(fileURLWithPath: weightsOut))
        } else {
            FileHandle.standardOutput.write(Data(scored.weightsCSV.utf8))
        }
        if let output {
            try AtomicFile.write(CSVDialect.file(header: scored.header, rows: scored.rows),
                                 to: URL(fileURLWithPath: output))
        }
        for warning in scored.result.warnings {
            FileHandle.standardError.write(Data("warning: \(warning)\n".utf8))
        }
    }
}
