/// Tag names of at most eight bytes (nearly all of them: `p`, `span`, `td`, `o:p` …) packed into one `UInt64`,
/// lower-cased, and mapped to element ids with one multiply and usually one probe. The packing is unique because
/// name bytes are never 0, which marks an empty slot.
struct ShortNameTable {
    private var keys: [UInt64]
    private var ids: [Int]
    private var shift: UInt64
    private var count = 0

    init(capacity: Int = 256) {
        var size = 64, bits: UInt64 = 6
        while size < capacity * 2 { size <<= 1; bits += 1 }
        keys = Array(repeating: 0, count: size)
        ids = Array(repeating: 0, count: size)
        shift = 64 - bits
    }

    /// `name` lower-cased and packed, first byte lowest; nil when longer than eight bytes.
    static func pack(_ name: some Collection<UInt8>) -> UInt64? {
        guard name.count <= 8 else { return nil }
        var packed: UInt64 = 0
        for (k, b) in name.enumerated() { packed |= UInt64(b >= 0x41 && b <= 0x5A ? b | 0x20 : b) << (8 * UInt64(k)) }
        return packed
    }

    @inline(__always)
    func id(_ packed: UInt64) -> Int? {
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: (packed &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let key = keys[slot]
            if key == packed { return ids[slot] }
            if key == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }

    mutating func insert(_ packed: UInt64, id: Int) {
        if (count + 1) * 2 > keys.count { grow() }
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: (packed &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while keys[slot] != 0 && keys[slot] != packed { slot = (slot + 1) & mask }
        if keys[slot] == 0 { count += 1 }
        keys[slot] = packed
        ids[slot] = id
    }

    private mutating func grow() {
        let old = zip(keys, ids).filter { $0.0 != 0 }
        var bigger = ShortNameTable(capacity: keys.count)
        for (key, id) in old { bigger.insert(key, id: id) }
        self = bigger
    }
}
