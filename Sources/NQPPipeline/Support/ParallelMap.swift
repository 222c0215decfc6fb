import Dispatch
import Synchronization

/// Runs `transform` over `items` on `jobs` worker threads and returns the results in the items' order, so the
/// output is identical for every number of jobs.
public enum ParallelMap {
    /// - Parameter cost: an estimate of each item's work (e.g. its size). Items are started largest first, so a
    ///   big file does not start last and leave the other workers idle; the output order is unchanged.
    public static func map<Item: Sendable, Output: Sendable>(
        _ items: [Item], jobs: Int, cost: ((Item) -> Int64)? = nil,
        progress: (@Sendable (Item, Output) -> Void)? = nil,
        _ transform: @Sendable (Item) -> Output
    ) -> [Output] {
        let workers = max(1, min(jobs, items.count))
        if workers <= 1 {
            return items.map { item in
                let output = transform(item)
                progress?(item, output)
                return output
            }
        }
        let order: [Int] = cost.map { cost in
            let costs = items.map(cost)
            return items.indices.sorted { costs[$0] != costs[$1] ? costs[$0] > costs[$1] : $0 < $1 }
        } ?? Array(items.indices)
        let next = Atomic<Int>(0)
        let slots = Mutex<[Output?]>(Array(repeating: nil, count: items.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let position = next.add(1, ordering: .relaxed).oldValue
                guard position < order.count else { return }
                let index = order[position]
                let output = transform(items[index])
                progress?(items[index], output)
                slots.withLock { $0[index] = output }
            }
        }
        return slots.withLock { $0.compactMap { $0 } }
    }
}
