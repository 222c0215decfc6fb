/// Text decoded to UTF-8, with the number of invalid byte sequences that were replaced by U+FFFD.
public struct DecodedBytes: Hashable, Sendable {
    /// Valid UTF-8, without a leading byte-order mark.
    public var utf8: [UInt8]
    /// How many invalid or truncated byte sequences became U+FFFD (each counted once).
    public var decodeErrors: Int

    public init(utf8: [UInt8], decodeErrors: Int) {
        self.utf8 = utf8
        self.decodeErrors = decodeErrors
    }
}

/// Why bytes could not be decoded at all (as opposed to invalid sequences, which are replaced and counted).
public enum EncodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// iconv on this system does not know the encoding.
    case unsupported(label: String)

    public var description: String {
        switch self {
        case .unsupported(let label):
            return "encoding '\(label)' is not supported by this system's iconv; "
                + "use one of utf-8, utf-16le, utf-16be, gb18030, big5 or a name listed by `iconv -l`"
        }
    }
}

/// The UTF-8 encoding of U+FFFD REPLACEMENT CHARACTER.
let replacementCharacter: [UInt8] = [0xEF, 0xBF, 0xBD]
