import NQPExtract

/// `reports.skip`: documents that are not the full annual report and are left out of counts and the panel, each
/// with a warning and a `skipped: …` status in `reports.csv` (README "Which files are the annual report").
public enum ReportSkip: String, Codable, Sendable, CaseIterable {
    /// 年度报告摘要: excerpts of the full report; counting them too would double a firm-year's hits.
    case summary
    /// The English version of a Chinese report: the Chinese dictionaries find nothing in it.
    case english
    /// （已取消）: a publication the exchange withdrew, normally replaced by a corrected one.
    case cancelled
    /// 半年度报告, 季度报告: not an annual report at all.
    case interim

    /// The default: everything that is not a current full annual report.
    public static let defaults: [ReportSkip] = [.summary, .english, .cancelled, .interim]

    /// Whether `document` is of this skipped sort.
    public func matches(_ document: DocumentClass) -> Bool {
        switch self {
        case .summary: document.kind == .summary
        case .english: document.kind == .english
        case .interim: document.kind == .interim
        case .cancelled: document.version == .cancelled
        }
    }

    /// Unknown values are named with the accepted ones, so `nqp validate` says what to write.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = ReportSkip(rawValue: text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "unknown document kind '\(text)'; use any of \(ReportSkip.allCases.map(\.rawValue).joined(separator: ", ")) (or [] to skip nothing)")
        }
        self = value
    }
}
