/// Every counting choice, as configured under `counting:` in `pipeline.yml` and recorded in the run manifest.
///
/// ```yaml
/// mode: longest            # or independent
/// negation: {enabled: true, words: [没, 无, 不], window: 3, exceptions: [不断, 无锡, …]}
/// exclusion: {enabled: false, sentence_words: [客户, 供应商, 股东]}
/// strip: [电子商务有限公司]  # entity names masked before matching
/// ```
public struct CountingOptions: Sendable, Equatable, Hashable, Encodable {
    public var mode: MatchMode
    public var negation: NegationRule
    public var exclusion: ExclusionRule
    /// Entity-name strings (e.g. `电子商务有限公司`) masked before matching: each occurrence (boundary rule and case
    /// rule as for keywords) is replaced by a barrier no keyword can match in or across. Offsets and `chars` are
    /// unchanged (masking, not removal), so KWIC offsets still point into the match text.
    public var strip: [String]

    public init(mode: MatchMode = .longest, negation: NegationRule = NegationRule(),
                exclusion: ExclusionRule = ExclusionRule(), strip: [String] = []) {
        self.mode = mode
        self.negation = negation
        self.exclusion = exclusion
        self.strip = strip
    }

    enum CodingKeys: String, CodingKey { case mode, negation, exclusion, strip }
}
