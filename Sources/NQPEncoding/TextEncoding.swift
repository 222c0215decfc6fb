/// A character encoding nqp can decode to UTF-8.
///
/// Labels follow the WHATWG Encoding Standard where it matters for annual reports: every label of the GBK family
/// (`gb2312`, `gbk`, `x-gbk`, `cp936`, …) means **GB18030**, because filings declared `gb2312` routinely contain
/// GBK-only characters (镕, 喆) that a strict GB2312 decoder would reject or truncate at.
public enum TextEncoding: Hashable, Sendable, CustomStringConvertible {
    case utf8
    case utf16LittleEndian
    case utf16BigEndian
    case gb18030
    case big5
    /// Any other encoding, by its iconv name (e.g. `WINDOWS-1252`, `SHIFT_JIS`).
    case other(String)

    /// Reads an encoding label as found in `<meta charset>`, an XML declaration, `pipeline.yml` or `--encoding`.
    /// Returns nil for an empty label or one with characters no encoding name has.
    public init?(label: String) {
        let trimmed = label.trimmingASCIIWhitespaceAndQuotes()
        guard !trimmed.isEmpty, trimmed.utf8.count <= 64,
              trimmed.utf8.allSatisfy({ Self.isLabelByte($0) }) else { return nil }
        let key = trimmed.lowercased()
        if let known = Self.knownLabels[key] {
            self = known
        } else {
            self = .other(trimmed.uppercased())
        }
    }

    /// The canonical label, as printed in reports and JSON (`utf-8`, `gb18030`, …).
    public var name: String {
        switch self {
        case .utf8: return "utf-8"
        case .utf16LittleEndian: return "utf-16le"
        case .utf16BigEndian: return "utf-16be"
        case .gb18030: return "gb18030"
        case .big5: return "big5"
        case .other(let name): return name.lowercased()
        }
    }

    public var description: String { name }

    /// The name iconv knows the encoding by.
    var iconvName: String {
        switch self {
        case .utf8: return "UTF-8"
        case .utf16LittleEndian: return "UTF-16LE"
        case .utf16BigEndian: return "UTF-16BE"
        case .gb18030: return "GB18030"
        // WHATWG big5 is Big5 with the HKSCS extension; glibc's BIG5-HKSCS is the matching superset.
        case .big5: return "BIG5-HKSCS"
        case .other(let name): return name
        }
    }

    /// Whether this system can decode the encoding (the built-in decoders always; others if iconv knows them).
    public var isSupported: Bool {
        switch self {
        case .utf8, .utf16LittleEndian, .utf16BigEndian: return true
        default: return IconvConverter(from: iconvName) != nil
        }
    }

    private static func isLabelByte(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
             UInt8(ascii: ":"), UInt8(ascii: "+"), UInt8(ascii: "("), UInt8(ascii: ")"):
            return true
        default:
            return false
        }
    }

    private static let knownLabels: [String: TextEncoding] = {
        var table: [String: TextEncoding] = [:]
        // ASCII is a subset of UTF-8; SEC filings (Workiva iXBRL) declare `ASCII` and are ASCII. Reading them as
        // UTF-8 means a stray non-ASCII byte is counted as a decode error instead of being guessed at.
        for label in ["utf-8", "utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "x-unicode20utf8",
                      "ascii", "us-ascii", "ansi_x3.4-1968", "iso646-us"] {
            table[label] = .utf8
        }
        for label in ["utf-16le", "utf-16", "unicode", "ucs-2", "csunicode", "iso-10646-ucs-2", "unicodefeff"] {
            table[label] = .utf16LittleEndian
        }
        for label in ["utf-16be", "unicodefffe"] { table[label] = .utf16BigEndian }
        // WHATWG: the whole GBK family decodes as GB18030 (a superset); euc-cn is GB2312's byte form.
        for label in ["gb18030", "gbk", "gb2312", "x-gbk", "cp936", "csgb2312", "chinese", "csiso58gb231280",
                      "gb_2312", "gb_2312-80", "iso-ir-58", "windows-936", "ms936", "euc-cn", "x-euc-cn", "gb-2312"] {
            table[label] = .gb18030
        }
        for label in ["big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5", "big-5", "cp950", "windows-950"] {
            table[label] = .big5
        }
        // WHATWG: Latin-1 labels mean windows-1252 (its superset used by every browser).
        for label in ["iso-8859-1", "iso8859-1", "latin1", "l1", "iso_8859-1", "cp1252", "windows-1252",
                      "x-cp1252", "cp819", "ibm819", "iso-ir-100", "csisolatin1", "iso88591", "iso_8859-1:1987"] {
            table[label] = .other("WINDOWS-1252")
        }
        return table
    }()
}

extension String {
    /// The string without surrounding ASCII whitespace and quote characters.
    func trimmingASCIIWhitespaceAndQuotes() -> String {
        let bytes = Array(utf8)
        var start = 0, end = bytes.count
        func isTrimmed(_ b: UInt8) -> Bool {
            b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C || b == 0x22 || b == 0x27
        }
        while start < end, isTrimmed(bytes[start]) { start += 1 }
        while end > start, isTrimmed(bytes[end - 1]) { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
