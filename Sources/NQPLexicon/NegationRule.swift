/// Negated mentions (Wu et al. 2021 exclude keyword hits preceded by 没, 无, 不 "等否定词语").
///
/// A hit is negated when an occurrence of a negation word ends at most `window` characters before the hit's first
/// character (`window` 0 = immediately before), with no clause delimiter (。，、；：！？ and their ASCII forms, line
/// breaks) in between, unless that occurrence lies inside an occurrence of an exception word (不断, 无锡 …) that
/// ends before the hit (so 无人 protects 无人驾驶中的人工智能 but not 无人工智能, where 无人 overlaps the hit).
/// Negation words and exceptions are NFKC-normalised, follow the dictionary's case rule and the boundary rule.
/// Negated hits are not in `count`; they are reported in `negated`.
public struct NegationRule: Sendable, Equatable, Hashable, Encodable {
    /// Off switch (on by default, as in Wu et al. 2021).
    public var enabled: Bool
    public var words: [String]
    /// Characters allowed between the negation word and the hit.
    public var window: Int
    public var exceptions: [String]

    /// The negation words Wu et al. (2021) name. 未 and 非 are left out on purpose: 未来 and 非公开/非经常性 are
    /// frequent in annual reports and would need long exception lists; add them in `pipeline.yml` if wanted.
    public static let defaultWords = ["没", "无", "不"]
    /// 3 characters reach over 没有采用 / 不再使用 / 没有使用 style phrasing (`没` + 2–3 characters) while staying
    /// inside one short clause; the paper gives no window.
    public static let defaultWindow = 3
    /// Words in which 没/无/不 (and 非, if added) do not negate what follows.
    public static let defaultExceptions = [
        "不断", "不仅", "不少", "不同", "不但", "不过", "不管", "不论", "不久", "不良", "不错", "不停", "不懈",
        "不止", "不只", "不光", "不限于", "不可或缺", "不得不", "不遗余力", "不亚于",
        "无论", "无锡", "无疑", "无线", "无人", "无缝", "无限", "无形", "无纸化", "无感", "无接触", "无界",
        "非常",
    ]

    public init(enabled: Bool = true, words: [String] = NegationRule.defaultWords,
                window: Int = NegationRule.defaultWindow, exceptions: [String] = NegationRule.defaultExceptions) {
        self.enabled = enabled
        self.words = words
        self.window = window
        self.exceptions = exceptions
    }

    /// Negation switched off.
    public static let off = NegationRule(enabled: false)

    enum CodingKeys: String, CodingKey { case enabled, words, window, exceptions }
}
