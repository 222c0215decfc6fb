/// Mentions not about the firm itself (Wu et al. 2021 drop those concerning shareholders, customers, suppliers and
/// executive biographies). Off by default, so that counts replicate plain keyword frequencies.
///
/// When enabled, a hit is excluded if its sentence contains any of `sentenceWords`. A sentence runs between
/// delimiters: 。！？； and their ASCII forms `! ? ;`, a line break, and `.` followed by a space or the end of the
/// text. Character ranges to exclude (such as the 董事、监事、高级管理人员 biography section found by the extract stage)
/// are passed to `KeywordCounter.count(in:excluding:collectHits:)`; a hit overlapping one is excluded whether or
/// not this rule is enabled. Excluded hits are reported in `excluded`, never silently dropped.
public struct ExclusionRule: Sendable, Equatable, Hashable, Encodable {
    public var enabled: Bool
    public var sentenceWords: [String]

    public static let defaultSentenceWords = ["客户", "供应商", "股东"]

    public init(enabled: Bool = false, sentenceWords: [String] = ExclusionRule.defaultSentenceWords) {
        self.enabled = enabled
        self.sentenceWords = sentenceWords
    }

    enum CodingKeys: String, CodingKey {
        case enabled
        case sentenceWords = "sentence_words"
    }
}
