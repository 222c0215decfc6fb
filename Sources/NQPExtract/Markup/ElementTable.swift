/// What the layout rules need to know about an element name, and the HTML-4 tree-repair rules of libxml2 that
/// the fast scanner reproduces so that both parsers see the same element nesting.
struct ElementInfo: Sendable {
    var id: Int
    /// No content and no end tag (`br`, `img`, `meta`, …: libxml2's HTML 4 "empty" elements).
    var isVoid = false
    /// Starts and ends a line (the block elements README "Reading reports" lists, plus `br`).
    var isBlock = false
    /// Its content is never visible (`script`, `style`, `head`, `ix:header`, …).
    var isDropped = false
    /// Keeps newlines (`pre`).
    var isPreformatted = false
    /// Raw text content that ends only at its own end tag (`script`, `style`).
    var isRawText = false
    /// An inline-XBRL fact element (`ix:nonnumeric`, `ix:nonfraction`).
    var isInlineFact = false
    /// libxml2's end-tag priority: an end tag may only close elements of lower or equal priority.
    var endPriority = 100
}

enum ElementTable {
    static let blockNames = [
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "div",
        "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "hr", "html", "legend", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table",
        "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "br",
    ]
    static let droppedNames = ["script", "style", "noscript", "template", "head", "title", "ix:header"]
    static let voidNames = ["area", "base", "basefont", "br", "col", "frame", "hr", "img", "input", "isindex",
                            "link", "meta", "param"]
    static let priorities: [String: Int] = [
        "div": 150, "td": 160, "th": 160, "tr": 170, "thead": 180, "tbody": 180, "tfoot": 180, "table": 190,
        "head": 200, "body": 200, "html": 220,
    ]
    /// libxml2 2.9 `htmlStartClose`: (open element, new start tag) pairs where the start tag closes the element.
    static let startClosePairs: [(String, [String])] = [
        ("a", ["a", "fieldset", "table", "td", "th"]),
        ("address", ["dd", "dl", "dt", "form", "li", "ul"]),
        ("b", ["center", "p", "td", "th"]),
        ("big", ["p"]),
        ("caption", ["col", "colgroup", "tbody", "tfoot", "thead", "tr"]),
        ("col", ["col", "colgroup", "tbody", "tfoot", "thead", "tr"]),
        ("colgroup", ["colgroup", "tbody", "tfoot", "thead", "tr"]),
        ("dd", ["dt"]),
        ("dir", ["dd", "dl", "dt", "form", "ul"]),
        ("dl", ["form", "li"]),
        ("dt", ["dd", "dl"]),
        ("font", ["center", "td", "th"]),
        ("form", ["form"]),
        ("h1", ["fieldset", "form", "li", "p", "table"]),
        ("h2", ["fieldset", "form", "li", "p", "table"]),
        ("h3", ["fieldset", "form", "li", "p", "table"]),
        ("h4", ["fieldset", "form", "li", "p", "table"]),
        ("h5", ["fieldset", "form", "li", "p", "table"]),
        ("h6", ["fieldset", "form", "li", "p", "table"]),
        ("head", ["a", "abbr", "acronym", "address", "b", "bdo", "big", "blockquote", "body", "br", "center",
                  "cite", "code", "dd", "dfn", "dir", "div", "dl", "dt", "em", "fieldset", "font", "form",
                  "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "iframe", "img", "kbd", "li",
                  "listing", "map", "menu", "ol", "p", "pre", "q", "s", "samp", "small", "span", "strike",
                  "strong", "sub", "sup", "table", "tt", "u", "ul", "var", "xmp"]),
        ("hr", ["form"]),
        ("i", ["center", "p", "td", "th"]),
        ("legend", ["fieldset"]),
        ("li", ["li"]),
        ("link", ["body", "frameset"]),
        ("listing", ["dd", "dl", "dt", "fieldset", "form", "li", "table", "ul"]),
        ("menu", ["dd", "dl", "dt", "form", "ul"]),
        ("ol", ["form"]),
        ("option", ["optgroup", "option"]),
        ("p", ["address", "blockquote", "body", "caption", "center", "col", "colgroup", "dd", "dir", "div", "dl",
               "dt", "fieldset", "form", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "li",
               "listing", "menu", "ol", "p", "pre", "table", "tbody", "td", "tfoot", "th", "title", "tr", "ul",
               "xmp"]),
        ("pre", ["dd", "dl", "dt", "fieldset", "form", "li", "table", "ul"]),
        ("s", ["p"]),
        ("script", ["noscript"]),
        ("small", ["p"]),
        ("span", ["td", "th"]),
        ("strike", ["p"]),
        ("style", ["body", "frameset"]),
        ("tbody", ["tbody", "tfoot"]),
        ("td", ["tbody", "td", "tfoot", "th", "tr"]),
        ("tfoot", ["tbody"]),
        ("th", ["tbody", "td", "tfoot", "th", "tr"]),
        ("thead", ["tbody", "tfoot"]),
        ("title", ["body", "frameset"]),
        ("tr", ["tbody", "tfoot", "tr"]),
        ("tt", ["p"]),
        ("u", ["p", "td", "th"]),
        ("ul", ["address", "form", "menu", "pre"]),
        ("xmp", ["dd", "dl", "dt", "fieldset", "form", "li", "table", "ul"]),
    ]

    /// Every name with a rule, by id; unknown names get ids from `count` upwards at run time.
    static let names: [String] = {
        var set = Set(blockNames + droppedNames + voidNames + Array(priorities.keys))
        for (old, news) in startClosePairs { set.insert(old); set.formUnion(news) }
        set.formUnion(["ix:nonnumeric", "ix:nonfraction", "html", "head", "body", "p", "script", "style",
                       "meta", "link", "title", "base", "noframes", "frame", "frameset"])
        return set.sorted()
    }()
    static var count: Int { names.count }

    static let infos: [ElementInfo] = names.enumerated().map { id, name in
        var info = ElementInfo(id: id)
        info.isVoid = voidNames.contains(name)
        info.isBlock = blockNames.contains(name)
        info.isDropped = droppedNames.contains(name)
        info.isPreformatted = name == "pre"
        info.isRawText = name == "script" || name == "style"
        info.isInlineFact = name == "ix:nonnumeric" || name == "ix:nonfraction"
        info.endPriority = priorities[name] ?? 100
        return info
    }

    static let lookup: ByteNameTable<Int> = {
        var t = ByteNameTable<Int>(capacity: names.count)
        for (id, name) in names.enumerated() { t.insert(Array(name.utf8), id) }
        return t
    }()

    static func id(_ name: String) -> Int {
        lookup.value(forKey: Array(name.utf8)) ?? -1
    }

    static let html = id("html"), head = id("head"), body = id("body"), p = id("p")
    static let script = id("script"), style = id("style"), meta = id("meta"), link = id("link")
    static let title = id("title"), base = id("base"), noframes = id("noframes"), frame = id("frame")
    static let frameset = id("frameset")

    /// `closes[old * count + new]`: a start tag `new` closes an open `old`.
    static let closes: [Bool] = {
        var table = [Bool](repeating: false, count: names.count * names.count)
        for (old, news) in startClosePairs {
            let o = id(old)
            for new in news { table[o * names.count + id(new)] = true }
        }
        return table
    }()

    @inline(__always)
    static func startTag(_ new: Int, closes old: Int) -> Bool {
        new < count && old < count && closes[old * count + new]
    }

    @inline(__always)
    static func info(_ id: Int) -> ElementInfo {
        id < count ? infos[id] : ElementInfo(id: id)
    }
}

/// The element tables by value, held by the fast scanner: every access to a `static let` of `ElementTable` goes
/// through the lazy global's `swift_once` check, and the scanner asked for several per tag and per text run.
struct ElementTableSnapshot: Sendable {
    let infos: [ElementInfo]
    let count: Int
    let closes: [Bool]
    let lookup: ByteNameTable<Int>
    /// The known names of at most eight bytes.
    let shortNames: ShortNameTable
    let html: Int, head: Int, body: Int, p: Int, script: Int, style: Int, meta: Int, link: Int
    let title: Int, base: Int, noframes: Int, frame: Int, frameset: Int

    static let shared = ElementTableSnapshot()

    private init() {
        infos = ElementTable.infos
        count = ElementTable.count
        closes = ElementTable.closes
        lookup = ElementTable.lookup
        var shortNames = ShortNameTable()
        for (id, name) in ElementTable.names.enumerated() {
            if let packed = ShortNameTable.pack(Array(name.utf8)) { shortNames.insert(packed, id: id) }
        }
        self.shortNames = shortNames
        html = ElementTable.html; head = ElementTable.head; body = ElementTable.body; p = ElementTable.p
        script = ElementTable.script; style = ElementTable.style; meta = ElementTable.meta
        link = ElementTable.link; title = ElementTable.title; base = ElementTable.base
        noframes = ElementTable.noframes; frame = ElementTable.frame; frameset = ElementTable.frameset
    }

    @inline(__always)
    func startTag(_ new: Int, closes old: Int) -> Bool {
        new < count && old < count && closes[old * count + new]
    }

    @inline(__always)
    func info(_ id: Int) -> ElementInfo {
        id < count ? infos[id] : ElementInfo(id: id)
    }
}
