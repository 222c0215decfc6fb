/// Lower-case hexadecimal text of bytes: SHA-256 digests in manifests, the state store and cache entry names.
public enum Hex {
    /// Two lower-case digits per byte, most significant first (`[0x0a, 0xff]` → `0aff`).
    public static func string(_ bytes: some Collection<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
