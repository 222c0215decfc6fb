/// A chapter-heading-like line (or numbering line plus title line) and what it turned out to be.
struct HeadingLine: Sendable {
    enum Kind: Equatable, Sendable {
        /// A real chapter heading.
        case heading
        /// A table-of-contents entry (dot leaders or a trailing page number).
        case tableOfContents
        /// A running page header repeating the chapter title (page number, company or report name follow).
        case runningHeader
        /// A reference to the chapter inside a sentence (`详见“第三节 管理层讨论与分析”`, `see Item 7`).
        case crossReference
    }

    /// First and last layout line of the heading.
    var firstLine: Int
    var lastLine: Int
    /// Index into the numbering styles (Chinese) or -1 for US items.
    var style: Int
    /// The chapter number when the style captures one (Arabic style), or the item (US).
    var number: Int?
    var item: String?
    /// Title after the numbering, match text with spaces removed (Chinese) or as written (US).
    var title: String
    /// The heading as found in the layout text.
    var text: String
    var kind: Kind
}
