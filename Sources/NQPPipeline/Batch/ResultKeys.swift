/// Computes result keys for one configuration. The components (extractor version, dictionary hashes, counting
/// options …) are rendered and hashed once into ``fingerprint``; each report's key is then the SHA-256 of its
/// content hash and that fingerprint — one small hash per report whatever the size of the configuration. Pass
/// `keys.key(forContentSHA256:)` as `resultKeyFor` to ``StateStore/plan(current:options:resultKeyFor:hash:)``.
struct ResultKeys: Sendable, Equatable {
    /// SHA-256 of the canonical text of the components: sorted by name, each length-prefixed so that no choice
    /// of values can make two different component sets render the same.
    let fingerprint: String

    init(components: [String: String]) {
        var text = ""
        for name in components.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            let value = components[name] ?? ""
            text += "\(name.utf8.count):\(name)=\(value.utf8.count):\(value)\n"
        }
        fingerprint = ContentHash.sha256Hex(of: Array(text.utf8))
    }

    /// The result key of content with hash `contentSHA256` under these components (64 hex digits).
    func key(forContentSHA256 contentSHA256: String) -> String {
        ContentHash.sha256Hex(of: Array("content=\(contentSHA256)\nconfig=\(fingerprint)\n".utf8))
    }
}
