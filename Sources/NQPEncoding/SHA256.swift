internal import CLibCrypto

/// SHA-256 (FIPS 180-4) of input files, dictionaries and configurations, for manifests, the state store and the
/// text cache.
/// Computed by OpenSSL's libcrypto (CryptoKit is not available on Linux); a test checks the FIPS vectors.
public enum SHA256 {
    /// The 32-byte digest of `bytes`.
    public static func digest<Bytes: Collection>(_ bytes: Bytes) -> [UInt8] where Bytes.Element == UInt8 {
        let hasher = Hasher256()
        if let done = bytes.withContiguousStorageIfAvailable({ hasher.update($0) }) {
            _ = done
        } else {
            hasher.update(Array(bytes))
        }
        return hasher.finish()
    }

    /// The digest of `bytes` as 64 lowercase hexadecimal digits.
    public static func hex<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        Hex.string(digest(bytes))
    }

    /// The digest of the UTF-8 bytes of `string`, as 64 lowercase hexadecimal digits.
    public static func hex(_ string: String) -> String {
        hex(Array(string.utf8))
    }
}

/// Incremental SHA-256, for hashing a large file chunk by chunk. Owns an OpenSSL digest context, so one hasher
/// belongs to one task.
public final class Hasher256 {
    private let context: OpaquePointer

    public init() {
        // Allocation is the only way EVP_MD_CTX_new fails; there is nothing sensible to continue with.
        guard let context = EVP_MD_CTX_new() else { fatalError("out of memory allocating a SHA-256 context") }
        self.context = context
        EVP_DigestInit_ex(context, EVP_sha256(), nil)
    }

    deinit { EVP_MD_CTX_free(context) }

    /// Feeds more bytes.
    public func update(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        EVP_DigestUpdate(context, base, bytes.count)
    }

    /// Feeds more bytes.
    public func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { update($0) }
    }

    /// Finishes and returns the 32-byte digest.
    public func finish() -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        EVP_DigestFinal_ex(context, &digest, &length)
        return digest
    }
}
