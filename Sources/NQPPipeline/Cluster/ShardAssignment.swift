/// Which shard processes which report: a pure function of the work list (each report's path relative to the
/// configuration and its size), so every array task computes the same assignment on any machine.
///
/// Balanced by size with the longest-processing-time rule (Graham 1969): reports largest first (ties by path in
/// UTF-8 byte order) each go to the shard with the fewest bytes so far (ties to the lowest shard number). The
/// largest shard is then at most 4/3 of the optimum, and never more than one report above the mean.
enum ShardAssignment {
    struct Item: Sendable, Hashable {
        var path: String
        var size: Int64
        init(path: String, size: Int64) {
            self.path = path
            self.size = size
        }
    }

    /// The shard of every item, in the items' order.
    static func assign(_ items: [Item], shards: Int) -> [Int] {
        let count = max(1, shards)
        let order = items.indices.sorted { a, b in
            items[a].size != items[b].size ? items[a].size > items[b].size
                : items[a].path.utf8.lexicographicallyPrecedes(items[b].path.utf8)
        }
        // A binary heap of (bytes, shard) keeps this O(n log N) for 60,000 reports over hundreds of shards.
        var heap = MinHeap(count: count)
        var shardOf = [Int](repeating: 0, count: items.count)
        for index in order {
            let shard = heap.popMin()
            shardOf[index] = shard.shard
            heap.push((shard.bytes + max(0, items[index].size), shard.shard))
        }
        return shardOf
    }

    /// Total bytes per shard under `assign`.
    static func loads(_ items: [Item], shards: Int) -> [Int64] {
        var loads = [Int64](repeating: 0, count: max(1, shards))
        for (item, shard) in zip(items, assign(items, shards: shards)) { loads[shard] += item.size }
        return loads
    }

    private struct MinHeap {
        var elements: [(bytes: Int64, shard: Int)]

        init(count: Int) { elements = (0..<count).map { (0, $0) } }  // already a heap: all zero, shards ascending

        static func less(_ a: (bytes: Int64, shard: Int), _ b: (bytes: Int64, shard: Int)) -> Bool {
            a.bytes != b.bytes ? a.bytes < b.bytes : a.shard < b.shard
        }

        mutating func popMin() -> (bytes: Int64, shard: Int) {
            let top = elements[0]
            let last = elements.removeLast()
            if !elements.isEmpty {
                elements[0] = last
                var i = 0
                while true {
                    let l = 2 * i + 1, r = l + 1
                    var m = i
                    if l < elements.count, Self.less(elements[l], elements[m]) { m = l }
                    if r < elements.count, Self.less(elements[r], elements[m]) { m = r }
                    if m == i { break }
                    elements.swapAt(i, m)
                    i = m
                }
            }
            return top
        }

        mutating func push(_ element: (bytes: Int64, shard: Int)) {
            elements.append(element)
            var i = elements.count - 1
            while i > 0 {
                let p = (i - 1) / 2
                guard Self.less(elements[i], elements[p]) else { break }
                elements.swapAt(i, p)
                i = p
            }
        }
    }
}
