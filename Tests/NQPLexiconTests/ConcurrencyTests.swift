import Testing
@testable import NQPLexicon

@Suite struct ConcurrencyTests {
    @Test func oneCounterSharedByConcurrentTasksGivesTheSameCounts() async throws {
        let dict = try dictionary([("c", ["大数据", "云计算", "AI"])])
        let counter = try KeywordCounter(dictionary: dict)
        let texts = (0..<16).map { String(repeating: "大数据与云计算、AI。", count: $0 + 1) }
        let totals = await withTaskGroup(of: (Int, Int).self) { group in
            for (index, text) in texts.enumerated() {
                group.addTask { (index, counter.count(in: text).total) }
            }
            var out = [Int](repeating: 0, count: texts.count)
            for await (index, total) in group { out[index] = total }
            return out
        }
        #expect(totals == (0..<16).map { 3 * ($0 + 1) })
    }
}
