import Foundation
import NQPTestSupport
import NQPTable
@testable import NQPScore

/// Paths for this suite. The suite may be compiled through a symlinked mini package, so the real-data folder is
/// also looked up beside the checkout that really holds this file.
enum ScoreTestPaths {
    static let suiteFolder: URL = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()

    static let realData: URL? = {
        if let url = TestPaths.realData { return url }
        let url = suiteFolder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("shared/realdata")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }()

    static func realDataFile(_ relative: String) -> URL? {
        guard let url = realData?.appendingPathComponent(relative),
              FileManager.default.fileExists(atPath: url.path) else { return nil }
        return url
    }

    static let pythonReference = suiteFolder.appendingPathComponent("reference_entropy.py")

    /// python3 when it exists and can import numpy.
    static let pythonWithNumpy: String? = {
        guard let python = which("python3"),
              let result = try? runCommand(python, ["-c", "import numpy"]), result.status == 0 else { return nil }
        return python
    }()
}

/// A textbook entropy method written as plainly as possible (rows × indicators, two loops), independent of the
/// library's code paths: min–max (or none) standardisation, + shift, p = x/Σx, e = −Σ p ln p / ln N.
struct PlainEntropy {
    var weights: [Double]
    var entropies: [Double]
    var scores: [Double]

    init(rows: [[Double]], negative: [Bool], shift: Double, minmax: Bool = true) {
        let n = rows.count, m = rows[0].count
        var z = rows
        for j in 0..<m where minmax {
            var lo = rows[0][j], hi = rows[0][j]
            for i in 0..<n { lo = min(lo, rows[i][j]); hi = max(hi, rows[i][j]) }
            for i in 0..<n {
                z[i][j] = negative[j] ? (hi - rows[i][j]) / (hi - lo) : (rows[i][j] - lo) / (hi - lo)
            }
        }
        for i in 0..<n { for j in 0..<m { z[i][j] += shift } }
        var e = [Double](repeating: 0, count: m)
        for j in 0..<m {
            var total = 0.0
            for i in 0..<n { total += z[i][j] }
            var s = 0.0
            for i in 0..<n {
                let p = z[i][j] / total
                if p > 0 { s += p * log(p) }
            }
            e[j] = -s / log(Double(n))
        }
        var dSum = 0.0
        for j in 0..<m { dSum += 1 - e[j] }
        let w = (0..<m).map { (1 - e[$0]) / dSum }
        var scores = [Double](repeating: 0, count: n)
        for i in 0..<n { for j in 0..<m { scores[i] += w[j] * z[i][j] } }
        self.weights = w
        self.entropies = e
        self.scores = scores
    }
}

/// Builds a flat system `name` over indicators `x0…` (or the given names) with directions.
func flatSystem(_ directions: [Direction], names: [String]? = nil, column: String = "s") -> ScoreSystem {
    let names = names ?? directions.indices.map { "x\($0)" }
    return ScoreSystem(name: column, indicators: zip(names, directions).map { Indicator(name: $0, direction: $1) })
}

/// A panel from a rows × indicators matrix; firms/years default to one firm per row in year 2020.
func panel(_ rows: [[Double?]], names: [String]? = nil, firms: [String]? = nil, years: [Int]? = nil) -> ScorePanel {
    let m = rows.first?.count ?? 0
    let names = names ?? (0..<m).map { "x\($0)" }
    var columns: [String: [Double?]] = [:]
    for (j, name) in names.enumerated() { columns[name] = rows.map { $0[j] } }
    let firms = firms ?? rows.indices.map { String(format: "f%03d", $0) }
    let years = years ?? Array(repeating: 2020, count: rows.count)
    return ScorePanel(keys: zip(firms, years).map { PanelKey(firm: $0, year: $1) }, columns: columns)
}

func indicatorWeights(_ result: ScoreResult, year: Int? = nil) -> [Double] {
    result.weights.filter { $0.isIndicator && $0.year == year }.map(\.w)
}

func isClose(_ a: Double, _ b: Double, _ tolerance: Double = 1e-12) -> Bool {
    abs(a - b) <= tolerance * max(1, abs(a), abs(b))
}

func allClose(_ a: [Double], _ b: [Double], _ tolerance: Double = 1e-12) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { isClose($0, $1, tolerance) }
}
