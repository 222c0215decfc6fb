/// Which encoding a document is decoded with, and why.
public struct EncodingDecision: Hashable, Sendable, CustomStringConvertible {
    /// How the encoding was chosen, in the order the sniffer tries the rules.
    public enum Source: Hashable, Sendable {
        /// A byte-order mark at the start of the bytes.
        case byteOrderMark
        /// The user forced it (`--encoding`, `encoding:` in pipeline.yml).
        case forced
        /// The document declares it (`<meta charset>`, `http-equiv`, XML declaration); `label` as written.
        case declared(label: String)
        /// No declaration, and the bytes are valid UTF-8.
        case validUTF8
        /// No declaration, and the bytes are UTF-8 except for a few damaged sequences (e.g. a file cut in the
        /// middle of a character), which become U+FFFD.
        case mostlyUTF8
        /// No declaration and not UTF-8: the Chinese default, GB18030.
        case fallback
        /// Not decoded from bytes: Unicode taken from a PDF's text layer (its fonts' Unicode maps).
        case pdfTextLayer
    }

    public var encoding: TextEncoding
    public var source: Source

    public init(encoding: TextEncoding, source: Source) {
        self.encoding = encoding
        self.source = source
    }

    /// A short machine-friendly name of the source (`bom`, `forced`, `declared`, `valid-utf8`, …).
    public var sourceName: String {
        switch source {
        case .byteOrderMark: return "bom"
        case .forced: return "forced"
        case .declared: return "declared"
        case .validUTF8: return "valid-utf8"
        case .mostlyUTF8: return "mostly-utf8"
        case .fallback: return "fallback"
        case .pdfTextLayer: return "pdf-text-layer"
        }
    }

    /// E.g. `gb18030 (declared "gb2312")`, `utf-8 (byte-order mark)`.
    public var description: String {
        switch source {
        case .byteOrderMark: return "\(encoding.name) (byte-order mark)"
        case .forced: return "\(encoding.name) (forced)"
        case .declared(let label): return "\(encoding.name) (declared \"\(label)\")"
        case .validUTF8: return "\(encoding.name) (valid UTF-8, no declaration)"
        case .mostlyUTF8: return "\(encoding.name) (UTF-8 with damaged sequences, no declaration)"
        case .fallback: return "\(encoding.name) (not UTF-8, no declaration: GB18030 fallback)"
        case .pdfTextLayer: return "\(encoding.name) (PDF text layer)"
        }
    }
}
