import Testing
@testable import NQPExtract

/// Each visible-text rule of README "Reading reports", on both parsers.
@Suite struct MarkupVisibleTextTests {
    static func layouts(_ html: String) throws -> [String] {
        let bytes = Array(html.utf8)
        return [String(decoding: FastHTMLScanner.extract(bytes).layout, as: UTF8.self),
                String(decoding: try LibXMLHTMLExtractor.extract(bytes, path: "t").layout, as: UTF8.self)]
    }

    static func expectLayout(_ html: String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        for layout in try layouts(html) {
            #expect(layout == expected, "input: \(html)", sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: ["script", "style", "noscript", "template"])
    func contentOfNonVisibleElementsIsDropped(element: String) throws {
        try Self.expectLayout("<body><p>a<\(element)>secret</\(element)>b</p></body>", "ab")
    }

    @Test func titleInTheBodyIsDroppedToo() throws {
        // A start tag <title> ends an open <p> (libxml2's HTML 4 rules), hence the line break.
        try Self.expectLayout("<body><p>a<title>secret</title>b</p></body>", "a\nb")
    }

    @Test func headIsDropped() throws {
        try Self.expectLayout("<html><head><meta charset=utf-8><title>T</title></head><body>x</body></html>", "x")
    }

    @Test func commentsAndProcessingInstructionsAreDropped() throws {
        try Self.expectLayout("<?xml version='1.0'?><p>a<!-- <b>c</b> -->b<?pi x?></p>", "ab")
    }

    @Test(arguments: ["hidden", "style=\"display:none\"", "style='DISPLAY : NONE'", "style=\"visibility:hidden\"",
                      "style=\"color:red;visibility: hidden\""])
    func hiddenElementsAreDropped(attribute: String) throws {
        try Self.expectLayout("<div><div \(attribute)><p>gone</p><span>gone</span></div><p>kept</p></div>", "kept")
    }

    @Test func inlineXBRLHeaderIsDroppedEvenWhenNotHidden() throws {
        try Self.expectLayout("<body><ix:header><ix:hidden>0001045810</ix:hidden></ix:header><p>text</p></body>", "text")
    }

    @Test(arguments: ["address", "article", "aside", "blockquote", "caption", "center", "dd", "details", "dialog",
                      "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
                      "h5", "h6", "header", "legend", "li", "main", "nav", "ol", "p", "pre", "section", "summary",
                      "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul"])
    func blockElementsStartAndEndALine(element: String) throws {
        let fast = String(decoding: FastHTMLScanner.extract(Array("<body>人工<\(element)>智</\(element)>能</body>".utf8)).layout,
                          as: UTF8.self)
        #expect(fast == "人工\n智\n能", "\(element)")
    }

    @Test func breakAndRuleEndLines() throws {
        try Self.expectLayout("<p>one<br>two<br/>three<hr>four</p>", "one\ntwo\nthree\nfour")
    }

    @Test func inlineTagsInsideAWordAddNothing() throws {
        try Self.expectLayout("<p>NVIDIA CORP<ix:nonNumeric name='dei:EntityRegistrantName'>ORATION</ix:nonNumeric></p>",
                              "NVIDIA CORPORATION")
        try Self.expectLayout("<p>人工</span><span style='x'>智能 云<b>计算</b> <h>unknown</h> <font>tag</font></p>",
                              "人工智能 云计算 unknown tag")
    }

    @Test func entitiesAreDecoded() throws {
        try Self.expectLayout(
            "<p>&amp; &lt; &gt; &quot; &apos; &nbsp; &copy; &reg; &trade; &yen; &euro; &mdash; &ndash; &lsquo;&rsquo; "
                + "&ldquo;&rdquo; &bull; &hellip; &middot; &ensp;&emsp;&thinsp; &eacute; &#x4EBA;&#24037;&#26234;&#x80FD;</p>",
            "& < > \" ' \u{A0} © ® ™ ¥ € — – ‘’ “” • … · \u{2002}\u{2003}\u{2009} é 人工智能")
    }

    @Test func strayAmpersandsAndUnknownEntitiesStayLiteral() throws {
        try Self.expectLayout("<p>R&D AT&T &unknown; &nbsp without semicolon &</p>", "R&D AT&T &unknown; &nbsp without semicolon &")
    }

    @Test func whitespaceRunsCollapseAndLinesAreTrimmed() throws {
        try Self.expectLayout("<p>  a \t\r\n  b  </p>\n\n<p>   </p><p>c</p>", "a b\nc")
    }

    @Test func nbspAndIdeographicSpaceAreKeptAsCharacters() throws {
        try Self.expectLayout("<p>\u{A0}a\u{3000}b</p>", "\u{A0}a\u{3000}b")
    }

    @Test func preKeepsNewlines() throws {
        try Self.expectLayout("<pre>line  one\nline two\n\nline three</pre>", "line one\nline two\nline three")
    }

    @Test func lessThanNotStartingATagIsText() throws {
        try Self.expectLayout("<p><商业银行资本管理办法（试行）> a < b 3<4</p>", "<商业银行资本管理办法（试行）> a < b 3<4")
    }

    @Test func rawTextEndTagIsFoundCaseInsensitively() throws {
        try Self.expectLayout("<p>a<SCRIPT>document.write('</p><p>x')</sCrIpT>b</p>", "ab")
    }

    @Test func unclosedElementsAreRepairedLikeABrowser() throws {
        try Self.expectLayout("<table><tr><td>a<td>b<tr><td>c</table>", "a\nb\nc")
        try Self.expectLayout("<ul><li>one<li>two</ul>", "one\ntwo")
        try Self.expectLayout("<p hidden>secret<p>visible", "visible")
    }

    @Test func blockBoundariesSplitWordsButInlineOnesDoNot() throws {
        try Self.expectLayout("<p>人工</p><p>智能</p><td>a</td><td>b</td>", "人工\n智能\na\nb")
    }
}
