/// A small open-addressing hash table keyed by byte strings (tag names, entity names), so the scanner can look
/// names up straight from the input buffer without building a `String`.
///
/// Keys live in one byte array (offset and length per slot) rather than as `[UInt8]` per slot: a lookup per tag
/// then touches no reference counts.
struct ByteNameTable<Value>: Sendable where Value: Sendable {
    private var keyBytes: [UInt8] = []
    /// Per slot: start of the key in `keyBytes`, or -1 for an empty slot.
    private var keyStarts: [Int]
    private var keyLengths: [Int]
    private var hashes: [UInt64]
    private var values: [Value?]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keyStarts = Array(repeating: -1, count: size)
        keyLengths = Array(repeating: 0, count: size)
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
        if (count + 1) * 2 > keyStarts.count { grow() }
        let h = key.withUnsafeBufferPointer { Self.hash($0.baseAddress!, $0.count) }
        if let slot = key.withUnsafeBufferPointer({ find($0.baseAddress!, $0.count, hash: h) }) {
            values[slot] = value
            return
        }
        var slot = Int(truncatingIfNeeded: h) & mask
        while keyStarts[slot] >= 0 { slot = (slot + 1) & mask }
        keyStarts[slot] = keyBytes.count
        keyLengths[slot] = key.count
        keyBytes.append(contentsOf: key)
        hashes[slot] = h
        values[slot] = value
        count += 1
    }

    /// The slot holding the `n` bytes at `p` (of hash `h`), if any.
    @inline(__always)
    private func find(_ p: UnsafePointer<UInt8>, _ n: Int, hash h: UInt64) -> Int? {
        keyBytes.withUnsafeBufferPointer { bytes -> Int? in
            var slot = Int(truncatingIfNeeded: h) & mask
            while true {
                let start = keyStarts[slot]
                if start < 0 { return nil }
                if hashes[slot] == h, keyLengths[slot] == n,
                   n == 0 || memcmpBytes(bytes.baseAddress! + start, p, n) {
                    return slot
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// The value for the `n` bytes at `p`, given their `hash`.
    @inline(__always)
    func value(_ p: UnsafePointer<UInt8>, _ n: Int, hash h: UInt64) -> Value? {
        find(p, n, hash: h).flatMap { values[$0] }
    }

    func value(_ p: UnsafePointer<UInt8>, _ n: Int) -> Value? { value(p, n, hash: Self.hash(p, n)) }

    func value(forKey key: [UInt8]) -> Value? {
        key.withUnsafeBufferPointer { b in
            guard let base = b.baseAddress else { return nil }
            return value(base, b.count)
        }
    }

    private mutating func grow() {
        var old: [([UInt8], Value)] = []
        for slot in keyStarts.indices where keyStarts[slot] >= 0 {
            if let value = values[slot] {
                old.append((Array(keyBytes[keyStarts[slot]..<(keyStarts[slot] + keyLengths[slot])]), value))
            }
        }
        let size = keyStarts.count * 2
        keyBytes = []
        keyStarts = Array(repeating: -1, count: size)
        keyLengths = Array(repeating: 0, count: size)
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
