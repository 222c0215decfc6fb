import Foundation

/// The configurable heading patterns used to find the MD&A (pipeline.yml `sections:`; README "Sections (MD&A)").
///
/// Chinese reports: a chapter heading is a line (or a numbering line plus the next line) whose match text,
/// with all spaces removed, starts with one of `headingStyles`; the rest of it is the chapter title. The MD&A
/// is the chapter whose title is one of `mdnaTitles` (matched by name, never by number). It ends at the next
/// heading of the same style with another title. For old reports whose MD&A sits inside `董事会报告`/`董事局报告`,
/// the WHOLE chapter is taken (it begins with the discussion of operations and includes 公司未来发展的展望, the
/// same span modern `管理层讨论与分析` chapters cover, plus the board's own business at the chapter's end).
///
/// US 10-K: from `Item <usStartItems>` to the first following `Item <usEndItems>` (7A, or 8 when 7A is absent).
public struct SectionPatterns: Encodable, Equatable, Sendable {
    /// MD&A chapter titles (Chinese), matched against the title after the numbering.
    public var mdnaTitles: [String]
    /// Numbering styles of chapter headings. A section ends only at a heading of its own style.
    public var headingStyles: [HeadingStyle]
    /// Item numbers that start the US MD&A.
    public var usStartItems: [String]
    /// Item numbers that end it, the first found after the start wins.
    public var usEndItems: [String]
    /// Chinese words that, right before a heading-like text, make it a cross-reference (`详见“第三节…”`).
    public var crossReferenceMarkers: [String]
    /// English words that, right before `Item 7`, make it an in-text reference (`see Item 7`).
    public var referenceWords: [String]

    public static let defaultMDNATitles = ["管理层讨论与分析", "经营情况讨论与分析", "董事会报告", "董事局报告", "讨论与分析"]
    public static let defaultHeadingStyles = [
        HeadingStyle(name: "chapter_jie", pattern: "^第[一二三四五六七八九十百零〇两0-9]{1,4}节"),
        HeadingStyle(name: "chapter_zhang", pattern: "^第[一二三四五六七八九十百零〇两0-9]{1,4}章"),
        // H-share style `7. 讨论与分析` (subsections `7.1 …` are not chapter headings: a digit follows the dot).
        HeadingStyle(name: "arabic", pattern: "^(?<number>[0-9]{1,2})\\.(?![0-9])"),
    ]
    public static let defaultCrossReferenceMarkers = ["详见", "参见", "请见", "参阅", "参照", "请参阅", "载于", "“", "「", "『", "《", "\""]
    /// From the look-behind list of the public repository yiufung/MDA-Extraction (GitHub).
    public static let defaultReferenceWords = ["in", "and", "see", "to", "with", "under", "regarding", "by", "the",
                                               "caption", "read", "at", "following", "both", "of", "also", "this"]

    public init(mdnaTitles: [String] = SectionPatterns.defaultMDNATitles,
                headingStyles: [HeadingStyle] = SectionPatterns.defaultHeadingStyles,
                usStartItems: [String] = ["7"],
                usEndItems: [String] = ["7A", "8"],
                crossReferenceMarkers: [String] = SectionPatterns.defaultCrossReferenceMarkers,
                referenceWords: [String] = SectionPatterns.defaultReferenceWords) {
        self.mdnaTitles = mdnaTitles
        self.headingStyles = headingStyles
        self.usStartItems = usStartItems
        self.usEndItems = usEndItems
        self.crossReferenceMarkers = crossReferenceMarkers
        self.referenceWords = referenceWords
    }

    enum CodingKeys: String, CodingKey {
        case mdnaTitles = "mdna_titles"
        case headingStyles = "heading_styles"
        case usStartItems = "us_start_items"
        case usEndItems = "us_end_items"
        case crossReferenceMarkers = "cross_reference_markers"
        case referenceWords = "reference_words"
    }

    /// Problems a user must fix (empty lists, regexes that do not compile or do not anchor at the line
    /// start), each naming the key; empty when valid. For `nqp validate`.
    public func problems() -> [String] {
        var problems: [String] = []
        if mdnaTitles.isEmpty || mdnaTitles.contains(where: \.isEmpty) {
            problems.append("sections.mdna_titles: give at least one non-empty chapter title, e.g. 管理层讨论与分析")
        }
        if headingStyles.isEmpty {
            problems.append("sections.heading_styles: give at least one numbering style, e.g. ^第[一二三四五六七八九十]+节")
        }
        for (index, style) in headingStyles.enumerated() {
            if let problem = style.problem() {
                problems.append("sections.heading_styles[\(index)] (\(style.name)): \(problem)")
            }
        }
        if usStartItems.isEmpty { problems.append("sections.us_start_items: give at least one item number, e.g. \"7\"") }
        if usEndItems.isEmpty { problems.append("sections.us_end_items: give at least one item number, e.g. \"7A\"") }
        return problems
    }
}

/// One numbering style of chapter headings: a regular expression (NSRegularExpression syntax) matched at
/// the start of a heading line's match text with all spaces removed. An optional named group `number`
/// (Arabic digits) lets the finder require that the closing heading has a higher number than the opening one.
public struct HeadingStyle: Encodable, Equatable, Sendable {
    public var name: String
    public var pattern: String

    public init(name: String, pattern: String) {
        self.name = name
        self.pattern = pattern
    }

    enum CodingKeys: String, CodingKey { case name, pattern }

    /// Why this style cannot be used, or nil.
    public func problem() -> String? {
        do {
            let regex = try NSRegularExpression(pattern: pattern)
            if RegexBudget.catastrophic(regex) {
                return "the pattern \(pattern) backtracks catastrophically (nested quantifiers such as (\\w+\\w?)+ "
                    + "need exponential time on a line that almost matches); rewrite it without nested repetition"
            }
        } catch {
            return "the pattern \(pattern) is not a valid regular expression (\(error.localizedDescription)); "
                + "fix its syntax (ICU / NSRegularExpression)"
        }
        if !pattern.hasPrefix("^") {
            return "the pattern \(pattern) must start with ^ (headings are matched at the start of a line)"
        }
        return nil
    }
}
