import NQPExtract

/// `reports.pdf:` — the rules that turn a PDF's pages into text (README "PDF reports"). Every number here changes
/// extracted text, so it is part of each report's cache key and recorded in `manifest.json`.
public struct PDFConfig: Encodable, Sendable, Equatable {
    /// Share of the page height at the top and at the bottom where running headers and footers are looked for.
    public var runningHeaderBand: Double
    /// Fewest distinct pages a header or footer line must repeat on to be removed.
    public var runningHeaderMinPages: Int
    /// Share of characters without a Unicode meaning above which a PDF is quarantined.
    public var unreadableLimit: Double
    /// Most memory MuPDF may hold for one document, in MiB; past it the document is quarantined.
    public var memoryLimitMB: Int

    public init(runningHeaderBand: Double = 0.15, runningHeaderMinPages: Int = 3, unreadableLimit: Double = 0.2,
                memoryLimitMB: Int = 512) {
        self.runningHeaderBand = runningHeaderBand
        self.runningHeaderMinPages = runningHeaderMinPages
        self.unreadableLimit = unreadableLimit
        self.memoryLimitMB = memoryLimitMB
    }

    enum CodingKeys: String, CodingKey {
        case runningHeaderBand = "running_header_band"
        case runningHeaderMinPages = "running_header_min_pages"
        case unreadableLimit = "unreadable_limit"
        case memoryLimitMB = "memory_limit_mb"
    }

    /// The extractor's options.
    public var options: PDFOptions {
        var options = PDFOptions()
        options.reader = PDFReader(memoryLimit: memoryLimitMB << 20)
        options.runningHeaders.bandShare = runningHeaderBand
        options.runningHeaders.minimumPages = runningHeaderMinPages
        options.unreadableLimit = unreadableLimit
        return options
    }
}

extension PDFConfig: ConfigSchemaDescribed, Decodable {
    public init(from decoder: any Decoder) throws { self = try Self.decoded(from: decoder) }

    public static var schema: ConfigSchema<PDFConfig> {
        ConfigSchema(defaults: PDFConfig(), [
            .key("running_header_band", \.runningHeaderBand,
                 doc: "PDF: share of the page height, at the top and at the bottom, where running headers and footers "
                     + "are looked for ([PDF reports](#pdf-reports))",
                 validate: { $0 > 0 && $0 < 0.5 ? nil
                     : "running_header_band must be above 0 and below 0.5 (a share of the page height)" }),
            .key("running_header_min_pages", \.runningHeaderMinPages,
                 doc: "PDF: a header/footer line (digits ignored) is removed when it repeats at one height on at least "
                     + "this many pages",
                 validate: { $0 >= 2 ? nil
                     : "running_header_min_pages must be 2 or more (a line on one page is not running)" }),
            .key("unreadable_limit", \.unreadableLimit,
                 doc: "PDF: quarantine when more than this share of the characters has no Unicode meaning (U+FFFD, "
                     + "private use, controls)",
                 validate: { $0 > 0 && $0 <= 1 ? nil
                     : "unreadable_limit must be above 0 and at most 1 (a share of the characters)" }),
            .key("memory_limit_mb", \.memoryLimitMB,
                 doc: "PDF: most memory MuPDF may hold for one document; past it the PDF is quarantined",
                 validate: { (64...65_536).contains($0) ? nil : "memory_limit_mb must be between 64 and 65536" }),
        ])
    }
}
