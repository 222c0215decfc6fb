import Foundation

/// The shards of every round under `out/.nqp/shards/`, for `nqp status`.
struct ShardRoundStatus: Sendable, Equatable {
    enum State: String, Sendable, Equatable {
        /// Finished: `K/shard.json` is there.
        case done
        /// Started but not finished: a temporary folder only (running, or killed).
        case running
        /// Nothing yet.
        case missing
    }

    var shards: Int
    var states: [State]

    func indices(_ state: State) -> [Int] { states.indices.filter { states[$0] == state } }

    static func rounds(outputFolder: URL) -> [ShardRoundStatus] {
        ShardLayout.rounds(outputFolder).map { count in
            let round = ShardLayout.round(outputFolder, count: count)
            let states: [State] = (0..<count).map { index in
                let marker = round.appendingPathComponent(String(index)).appendingPathComponent(ShardLayout.markerName)
                if FileManager.default.fileExists(atPath: marker.path) { return .done }
                return ShardLayout.temporaries(in: round, index: index).isEmpty ? .missing : .running
            }
            return ShardRoundStatus(shards: count, states: states)
        }
    }

    var rendered: [String] {
        func list(_ indices: [Int]) -> String {
            indices.isEmpty ? "none" : indices.count > 40
                ? indices.prefix(40).map(String.init).joined(separator: ",") + ",… (\(indices.count))"
                : indices.map(String.init).joined(separator: ",")
        }
        return ["  shards (N = \(shards)): \(indices(.done).count) done, \(indices(.running).count) running, \(indices(.missing).count) missing",
                "    done: \(list(indices(.done)))",
                "    running (or killed): \(list(indices(.running)))",
                "    missing: \(list(indices(.missing)))"]
    }
}
