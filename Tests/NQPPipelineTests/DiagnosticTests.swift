import Foundation
import NQPConfig
import NQPExtract
import NQPLexicon
@testable import NQPPipeline
import Testing

/// Every error the command line prints goes through `Diagnostic`: `FILE:LINE: error: WHAT` and `  hint: …`.
@Suite("Diagnostic")
struct DiagnosticTests {
    @Test func rendersLocationWhatAndHint() {
        let full = Diagnostic(file: "pipeline.yml", line: 12, column: 3, what: "unknown key 'mdoe'",
                              hint: "did you mean 'mode'?")
        #expect(full.description == "pipeline.yml:12:3: error: unknown key 'mdoe'\n  hint: did you mean 'mode'?")
        #expect(full.oneLine == "pipeline.yml:12:3: unknown key 'mdoe'; did you mean 'mode'?")
        #expect(Diagnostic(file: "a.csv", what: "empty").description == "a.csv: error: empty")
        #expect(Diagnostic(file: nil, what: "no shards").description == "error: no shards")
        #expect(Diagnostic(file: "a.csv", column: 4, what: "x").location == "a.csv", "a column needs a line")
    }

    @Test func parsingNamesTheFileOnceAndKeepsTheLine() {
        let withLine = Diagnostic(parsing: "/d/x.yml:7: not valid YAML: tab", file: "/d/x.yml")
        #expect(withLine == Diagnostic(file: "/d/x.yml", line: 7, what: "not valid YAML: tab"))
        let plain = Diagnostic(parsing: "/abs/r.html: corrupt gzip data", file: "r.html", alsoNamed: ["/abs/r.html"])
        #expect(plain == Diagnostic(file: "r.html", what: "corrupt gzip data"))
        let other = Diagnostic(parsing: "something else happened", file: "r.html")
        #expect(other == Diagnostic(file: "r.html", what: "something else happened"))
    }

    @Test func pipelineAndBatchErrorsSayWhereWhatAndWhatToDo() {
        let missing = PipelineError.missingInput(path: "reports/").diagnostic
        #expect(missing.file == "reports/" && missing.what == "no such file or folder")
        #expect(missing.hint?.contains("relative to the file") == true)
        #expect(PipelineError.missingInput(path: "reports/").description
                == "reports/: no such file or folder; check the path (paths in pipeline.yml are relative to the file)")
        let noRun = PipelineError.noPreviousRun(manifest: "out/manifest.json", config: "pipeline.yml")
        #expect(noRun.exitStatus == .configuration)
        #expect(noRun.diagnostic.hint == "run `nqp run --config pipeline.yml` first")
        let lock = BatchError.lockHeld(lockPath: "out/.nqp/lock", holder: nil)
        #expect(lock.exitStatus == .lockHeld)
        #expect(lock.diagnostic.file == "out/.nqp/lock")
        #expect(lock.diagnostic.hint?.contains("--wait SECONDS") == true)
        let dictionary = PipelineError.dictionary(path: "d.yml", reason: "d.yml:3: not valid YAML: bad indent")
        #expect(dictionary.diagnostic == Diagnostic(file: "d.yml", line: 3, what: "not valid YAML: bad indent"))
    }

    @Test func aConfigErrorHasOneDiagnosticPerProblem() {
        let error = ConfigError(problems: [
            ConfigProblem(file: "p.yml", line: 2, column: 5, message: "unknown key", hint: "remove it"),
            ConfigProblem(file: "p.yml", message: "no reports"),
        ])
        #expect(error.exitStatus == .configuration)
        #expect(error.diagnostics.map(\.description) == error.problems.map(\.description),
                "the formatter prints a configuration problem exactly as `nqp validate` does")
    }

    @Test func aReportFailureNamesTheFileStageAndReason() {
        let failure = ReportFailure(file: "r/a.html.gz", sha256: "", stage: .extract,
                                    reason: URL(fileURLWithPath: "r/a.html.gz").path + ": corrupt gzip data at byte 12")
        #expect(failure.diagnostics == [Diagnostic(file: "r/a.html.gz", what: "[extract] corrupt gzip data at byte 12")])
        #expect(failure.exitStatus == .quarantined)
    }

    @Test func typedVocabularyWritesTheSameWords() throws {
        #expect(FailureStage.allCases.map(\.rawValue) == ["discover", "read", "extract", "identify", "state"])
        let route: IdentityRoute = [.filename, .xbrl]
        #expect(route.rawValue == "filename+xbrl" && IdentityRoute(rawValue: "filename+xbrl") == route)
        #expect(IdentityRoute.unidentified.rawValue == "none" && IdentityRoute(rawValue: "none") == .unidentified)
        #expect(IdentityRoute(rawValue: "filename+guess") == nil)
        #expect(([.manifest] as IdentityRoute).isFromManifest && !route.isFromManifest)
        let encoded = try JSONEncoder().encode(["r": route])
        #expect(String(decoding: encoded, as: UTF8.self) == #"{"r":"filename+xbrl"}"#, "cached results keep the string")
    }
}
