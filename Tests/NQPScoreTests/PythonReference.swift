import Foundation
import NQPTestSupport
import Testing
@testable import NQPScore

/// Runs Tests/NQPScoreTests/reference_entropy.py (numpy) and compares its output with the scorer's.
enum PythonReference {
    struct Output: Decodable {
        struct Group: Decodable { var year: Int?; var n: Int; var e: [Double]; var w: [Double] }
        var groups: [Group]
        var scores: [Double?]
    }

    static func run(rows: [[Double]], years: [Int], negative: [Bool], shift: Double,
                    weighting: Weighting) throws -> Output {
        let python = try #require(ScoreTestPaths.pythonWithNumpy)
        let request: [String: Any] = ["rows": rows, "years": years, "negative": negative, "shift": shift,
                                      "weighting": weighting.rawValue]
        let folder = try TestPaths.temporaryDirectory("nqp-score-py")
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("request.json")
        try JSONSerialization.data(withJSONObject: request).write(to: input)
        let result = try runCommand("/bin/sh", ["-c", "\"$0\" \"$1\" score < \"$2\"", python,
                                                ScoreTestPaths.pythonReference.path, input.path])
        try #require(result.status == 0, "reference_entropy.py failed: \(result.stderr)")
        return try JSONDecoder().decode(Output.self, from: Data(result.stdout.utf8))
    }

    static func expectAgreement(_ result: ScoreResult, _ reference: Output, tolerance: Double = 1e-9) throws {
        for group in reference.groups {
            let rows = result.weights.filter { $0.year == group.year }
            #expect(rows.count == group.w.count)
            for (row, (e, w)) in zip(rows, zip(group.e, group.w)) {
                #expect(row.n == group.n)
                #expect(abs(row.w - w) < tolerance, "w \(row.indicator) \(String(describing: group.year))")
                #expect(abs((row.e ?? .nan) - e) < tolerance)
            }
        }
        #expect(result.composite.count == reference.scores.count)
        for (mine, theirs) in zip(result.composite, reference.scores) {
            let mine = try #require(mine), theirs = try #require(theirs)
            #expect(abs(mine - theirs) < tolerance)
        }
    }
}
