import NQPExtract

/// `reports.pdf:` — the rules that turn a PDF's pages into text (README "PDF reports"). Every number here changes
/// extracted text, so it is part of each report's cache key and recorded in `manifest.json`.
public struct PDFConfig: Codable, Sendable, Equatable {
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

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = PDFConfig()
        runningHeaderBand = try c.decodeIfPresent(Double.self, forKey: .runningHeaderBand) ?? d.runningHeaderBand
        runningHeaderMinPages = try c.decodeIfPresent(Int.self, forKey: .runningHeaderMinPages)
            ?? d.runningHeaderMinPages
        unreadableLimit = try c.decodeIfPresent(Double.self, forKey: .unreadableLimit) ?? d.unreadableLimit
        memoryLimitMB = try c.decodeIfPresent(Int.self, forKey: .memoryLimitMB) ?? d.memoryLimitMB
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

    /// Problems with the values, as (key, message) pairs for `nqp validate`.
    var problems: [(key: String, message: String)] {
        var problems: [(key: String, message: String)] = []
        if !(runningHeaderBand > 0 && runningHeaderBand < 0.5) {
            problems.append(("running_header_band", "running_header_band must be above 0 and below 0.5 (a share of the page height)"))
        }
        if runningHeaderMinPages < 2 {
            problems.append(("running_header_min_pages", "running_header_min_pages must be 2 or more (a line on one page is not running)"))
        }
        if !(unreadableLimit > 0 && unreadableLimit <= 1) {
            problems.append(("unreadable_limit", "unreadable_limit must be above 0 and at most 1 (a share of the characters)"))
        }
        if !(64...65_536).contains(memoryLimitMB) {
            problems.append(("memory_limit_mb", "memory_limit_mb must be between 64 and 65536"))
        }
        return problems
    }
}
