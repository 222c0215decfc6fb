/// A small open-addressing hash table keyed by byte strings (tag names, entity names), so the scanner can look
/// names up straight from the input buffer without building a `String`.
struct ByteNameTable<Value>: Sendable where Value: Sendable {
    private var keys: [[UInt8]?]
    private var hashes: [UInt64]
    private var values: [Value?]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = Array(repeating: nil, count: size)
        hashes = Array(repeating: 0, count: size)
        values = Array(repeating: nil, count: size)
        mask = size - 1
    }

    @inline(__always)
    static func hash(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for i in 0..<n { h = (h ^ UInt64(p[i])) &* 0x100_0000_01B3 }
        return h
    }

    mutating func insert(_ key: [UInt8], _ value: Value) {
        if (count + 1) * 2 > keys.count { grow() }
        let h = key.withUnsafeBufferPointer { Self.hash($0.baseAddress!, $0.count) }
        var slot = Int(truncatingIfNeeded: h) & mask
        while let existing = keys[slot] {
            if hashes[slot] == h, existing == key { values[slot] = value; return }
            slot = (slot + 1) & mask
        }
        keys[slot] = key; hashes[slot] = h; values[slot] = value
        count += 1
    }

    /// The value for the `n` bytes at `p`, given their `hash`.
    @inline(__always)
    func value(_ p: UnsafePointer<UInt8>, _ n: Int, hash h: UInt64) -> Value? {
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            guard let existing = keys[slot] else { return nil }
            if hashes[slot] == h, existing.count == n,
               existing.withUnsafeBufferPointer({ memcmpBytes($0.baseAddress!, p, n) }) {
                return values[slot]
            }
            slot = (slot + 1) & mask
        }
    }

    func value(_ p: UnsafePointer<UInt8>, _ n: Int) -> Value? { value(p, n, hash: Self.hash(p, n)) }

    func value(forKey key: [UInt8]) -> Value? {
        key.withUnsafeBufferPointer { b in
            guard let base = b.baseAddress else { return nil }
            return value(base, b.count)
        }
    }

    private mutating func grow() {
        let old = zip(keys, values).compactMap { k, v -> ([UInt8], Value)? in
            guard let k, let v else { return nil }
            return (k, v)
        }
        let size = keys.count * 2
        keys = Array(repeating: nil, count: size)
        hashes = Array(repeating: 0, count: size)
        values = Array(repeating: nil, count: size)
        mask = size - 1
        count = 0
        for (k, v) in old { insert(k, v) }
    }
}

@inline(__always)
func memcmpBytes(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
    for i in 0..<n where a[i] != b[i] { return false }
    return true
}
