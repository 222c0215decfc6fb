import Foundation
@testable import NQPPipeline
import NQPTestSupport
import Testing

/// The pure parts of cluster runs (README "Running on a cluster"): shard numbers, the assignment, the default
/// shard count, the generated scripts' checks.
@Suite("Cluster planning")
struct ShardPlanningTests {
    @Test func shardArgumentsAreParsedAndChecked() throws {
        let spec = try ShardSpec(parsing: "3/16")
        #expect(spec.index == 3 && spec.count == 16)
        for bad in ["16/16", "-1/4", "1/0", "1-4", "a/b", "1/4/2", ""] {
            #expect(throws: ShardError.self, "\(bad)") { try ShardSpec(parsing: bad) }
        }
    }

    static func items(_ count: Int, seed: UInt64) -> [ShardAssignment.Item] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { index in
            ShardAssignment.Item(path: "reports/\(index)_\(UInt32.random(in: 0...UInt32.max, using: &generator)).pdf",
                                 size: Int64.random(in: 1...50_000_000, using: &generator))
        }
    }

    @Test(arguments: [1, 2, 3, 7, 16, 128])
    func everyReportGoesToExactlyOneShardWhateverTheListingOrder(shards: Int) {
        let items = Self.items(1_000, seed: UInt64(shards))
        let assignment = ShardAssignment.assign(items, shards: shards)
        #expect(assignment.allSatisfy { (0..<shards).contains($0) })
        // Another machine lists the folder in another order: the same report lands in the same shard.
        var generator = SeededGenerator(seed: 99)
        let shuffled = items.shuffled(using: &generator)
        let again = ShardAssignment.assign(shuffled, shards: shards)
        let byPath = Dictionary(uniqueKeysWithValues: zip(items.map(\.path), assignment))
        for (item, shard) in zip(shuffled, again) { #expect(byPath[item.path] == shard) }
    }

    @Test(arguments: [2, 4, 16, 64])
    func shardsAreBalancedBySize(shards: Int) {
        let items = Self.items(2_000, seed: 7)
        let loads = ShardAssignment.loads(items, shards: shards)
        let mean = Double(loads.reduce(0, +)) / Double(shards)
        let largestItem = Double(items.map(\.size).max() ?? 0)
        // Longest-processing-time: no shard exceeds the mean by more than one report.
        #expect(Double(loads.max() ?? 0) <= mean + largestItem)
        #expect(loads.reduce(0, +) == items.reduce(0) { $0 + $1.size })
    }

    @Test func moreShardsThanReportsLeavesTheRestEmpty() {
        let items = Self.items(3, seed: 1)
        let assignment = ShardAssignment.assign(items, shards: 8)
        #expect(Set(assignment).count == 3)
    }

    @Test func defaultShardCountFollowsNumberAndSizeOfTheWork() {
        #expect(SlurmScripts.defaultShards(reports: 0, bytes: 0) == 1)
        #expect(SlurmScripts.defaultShards(reports: 37, bytes: 2_000_000) == 1)
        #expect(SlurmScripts.defaultShards(reports: 1_000, bytes: 100_000_000) == 5)  // by count
        #expect(SlurmScripts.defaultShards(reports: 100, bytes: 20_000_000_000) == 20)  // by size
        #expect(SlurmScripts.defaultShards(reports: 60_000, bytes: 300_000_000_000) == 300)
        #expect(SlurmScripts.defaultShards(reports: 3, bytes: 90_000_000_000) == 3)  // never more than reports
        #expect(SlurmScripts.defaultShards(reports: 10_000_000, bytes: 1) == 1000)
    }

    @Test func slurmTimeLimitsAndShellQuoting() {
        for good in ["30", "02:00:00", "1-00:00:00", "1-12", "90:00"] { #expect(SlurmScripts.isSlurmTime(good), "\(good)") }
        for bad in ["", "2h", "1-", "a:b", "1:2:3:4", "-1"] { #expect(!SlurmScripts.isSlurmTime(bad), "\(bad)") }
        #expect(SlurmScripts.quoted("/data/nqp/pipeline.yml") == "/data/nqp/pipeline.yml")
        #expect(SlurmScripts.quoted("/data/my reports/x'y") == "'/data/my reports/x'\\''y'")
        #expect(SlurmScripts.quoted("/数据/年报") == "'/数据/年报'")
    }

    @Test func fingerprintDifferencesAreNamed() {
        let base = ShardFingerprints(nqpVersion: "0.1.0", executable: "1@2", configSHA256: "aa", cache: "c",
                                     dictionaries: ["dt=1"])
        #expect(base.differences(from: base).isEmpty)
        var other = base
        other.dictionaries = ["dt=2"]
        other.cache = "d"
        #expect(base.differences(from: other).joined().contains("dictionaries"))
        other = base
        other.configSHA256 = "bb"
        #expect(base.differences(from: other).joined().contains("configuration"))
        other = base
        other.executable = "3@4"
        #expect(base.differences(from: other).joined().contains("nqp build"))
    }
}
