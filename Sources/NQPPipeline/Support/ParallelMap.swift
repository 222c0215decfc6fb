import Dispatch
import Synchronization

/// Runs `transform` over `items` on `jobs` worker threads and returns the results in the items' order, so the
/// output is identical for every number of jobs.
public enum ParallelMap {
    public static func map<Item: Sendable, Output: Sendable>(
        _ items: [Item], jobs: Int, progress: (@Sendable (Item, Output) -> Void)? = nil,
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
        let next = Atomic<Int>(0)
        let slots = Mutex<[Output?]>(Array(repeating: nil, count: items.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let index = next.add(1, ordering: .relaxed).oldValue
                guard index < items.count else { return }
                let output = transform(items[index])
                progress?(items[index], output)
                slots.withLock { $0[index] = output }
            }
        }
        return slots.withLock { $0.compactMap { $0 } }
    }
}
