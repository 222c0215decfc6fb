@testable import NQPExtract

/// Builders for hand-made report texts in section tests.
enum SectionTestText {
    /// `count` lines of Chinese prose, each about 40 scalars of match text, wrapped like a PDF conversion.
    static func prose(_ topic: String, lines count: Int) -> String {
        (1...count).map { "本公司\(topic)业务第\($0)段，报告期内持续推进数字化转型与智能制造升级，经营稳健发展。" }
            .joined(separator: "\n")
    }

    /// English prose paragraphs.
    static func englishProse(_ topic: String, paragraphs count: Int) -> String {
        (1...count).map { "Our \(topic) results in paragraph \($0) reflect growth in cloud and data center revenue." }
            .joined(separator: "\n")
    }

    /// Finds the MD&A and returns the result with the match text of the section (nil when none).
    static func find(_ layout: String, minimum: Int = 1000,
                     patterns: SectionPatterns = SectionPatterns()) -> (SectionFinder.Result, String?, NormalizedText) {
        let normalized = MatchText.normalizeWithMap(layout)
        let finder = SectionFinder(patterns: patterns, minimumChineseChars: minimum, minimumEnglishChars: minimum)
        var result = finder.findMDNA(layout: layout, normalized: normalized)
        // English 10-Ks: the item segmentation the extractor runs when no chapter is found.
        if result.section == nil, let tenK = TenKSections.analyze(
            layout: layout, normalized: normalized, formType: nil, period: nil, patterns: patterns, minimum: minimum,
            exhibits: []) {
            result = SectionFinder.Result(section: tenK.sections.first { $0.name == "mdna" }, lines: nil,
                                          warnings: tenK.warnings)
        }
        guard let section = result.section else { return (result, nil, normalized) }
        let scalars = Array(normalized.text.unicodeScalars)
        return (result, String(String.UnicodeScalarView(scalars[section.start..<section.end])), normalized)
    }
}
