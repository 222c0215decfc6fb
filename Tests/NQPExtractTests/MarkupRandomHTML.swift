import NQPTestSupport

/// A seeded generator of HTML built from the constructs annual reports use: nested block and inline elements,
/// tables, lists, hidden subtrees, entities, comments, script/style, unclosed `p`/`li`/`td`, `<br>`, and `<`
/// used as text.
///
/// Excluded on purpose (the two parsers' error recovery legitimately differs there, and annual reports do not
/// contain them): unterminated comments or tags at the end of input, attributes with an unclosed quote,
/// `</script` inside a script body without its `>`, NUL and other C0 control bytes, and misplaced
/// `<html>`/`<head>`/`<body>` start tags followed by a self-closing `/>`.
enum RandomHTML {
    static let blocks = ["div", "p", "td", "tr", "table", "li", "ul", "h2", "pre", "center", "blockquote", "section"]
    static let inlines = ["span", "b", "font", "a", "i", "u", "ix:nonNumeric", "h", "sup", "em"]
    static let words = ["数字化", "转型", "人工智能", "AI", "cloud", "data", "  ", "\n", "年度报告", "NVIDIA", "x",
                        "&amp;", "&nbsp;", "&#x4EBA;", "&#24037;", "&lt;", "a < b", "&bogus;", "& ", "\t",
                        "Management&#146;s", "&#147;q&#148;", "&#x97;", "&#150", "&#129;"]

    static func document(using rng: inout SeededGenerator) -> String {
        var out = ""
        if Int.random(in: 0..<3, using: &rng) == 0 { out += "<html><head><title>t</title></head><body>" }
        for _ in 0..<Int.random(in: 1...12, using: &rng) { node(into: &out, depth: 0, using: &rng) }
        return out
    }

    static func node(into out: inout String, depth: Int, using rng: inout SeededGenerator) {
        switch Int.random(in: 0..<14, using: &rng) {
        case 0...3:
            out += words.randomElement(using: &rng)!
        case 4...6 where depth < 5:
            let name = blocks.randomElement(using: &rng)!
            out += "<\(name)\(attributes(using: &rng))>"
            for _ in 0..<Int.random(in: 0...3, using: &rng) { node(into: &out, depth: depth + 1, using: &rng) }
            if Int.random(in: 0..<4, using: &rng) != 0 { out += "</\(name)>" }
        case 7...9 where depth < 5:
            let name = inlines.randomElement(using: &rng)!
            out += "<\(name)\(attributes(using: &rng))>"
            for _ in 0..<Int.random(in: 0...3, using: &rng) { node(into: &out, depth: depth + 1, using: &rng) }
            if Int.random(in: 0..<5, using: &rng) != 0 { out += "</\(name)>" }
        case 10:
            out += ["<br>", "<br/>", "<hr>", "<img src=x>", "<!-- c -->", "<script>var a='<p>';</script>",
                    "<style>.x{}</style>"].randomElement(using: &rng)!
        case 11:
            // a stray end tag
            out += "</\((blocks + inlines).randomElement(using: &rng)!)>"
        default:
            out += words.randomElement(using: &rng)!
        }
    }

    static func attributes(using rng: inout SeededGenerator) -> String {
        switch Int.random(in: 0..<10, using: &rng) {
        case 0: return " hidden"
        case 1: return " style=\"display:none\""
        case 2: return " style='font-weight:bold'"
        case 3: return " class=x id=y"
        default: return ""
        }
    }
}
