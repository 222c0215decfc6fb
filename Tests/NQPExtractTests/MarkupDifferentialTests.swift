import Foundation
import Testing
@testable import NQPExtract
import NQPTestSupport

/// The fast scanner must give exactly the libxml2 reference path's layout text.
@Suite struct MarkupDifferentialTests {
    static func both(_ html: String) throws -> (fast: String, libxml2: String) {
        let bytes = Array(html.utf8)
        let fast = FastHTMLScanner.extract(bytes).layout
        let reference = try LibXMLHTMLExtractor.extract(bytes, path: "test").layout
        return (String(decoding: fast, as: UTF8.self), String(decoding: reference, as: UTF8.self))
    }

    /// Hand-picked tree-repair cases where a scanner could easily go its own way.
    static let repairCases: [String] = [
        "<p>one<p>two<div>three</div>four",
        "<table><tr><td>a<td>b<tr><td>c</table>after",
        "<ul><li>x<li>y</ul>z",
        "<div hidden><p>secret<p>more</div>shown",
        "<div style='display:none'><table><tr><td>x</div>still hidden?</td></tr></table>after",
        "<span style=\"DISPLAY: None\">gone</span>kept",
        "<head><title>T</title>stray text</head><body>b</body>",
        "text before any tag <b>bold</b>",
        "<html><body>in</body></html>after html",
        "<p>a</span>b</p><div>c</p>d</div>",
        "<pre>line1\nline2\n  indented</pre>x",
        "<script>if (a < b) { document.write('</div>') }</script>visible",
        "<SCRIPT>x</ScRiPt>y<style>p{}</STYLE>z",
        "a &amp; b &lt;c&gt; &nbsp;&copy;&#x4EBA;&#24037; &bogus; & x &#0; &#xD800; &amp",
        "<!-- comment <p>no</p> -->yes<!DOCTYPE html><?php echo 1 ?>done",
        "<ix:header><ix:hidden><ix:nonNumeric name=\"dei:EntityCentralIndexKey\">0001045810</ix:nonNumeric></ix:hidden></ix:header>body",
        "NVIDIA CORP<ix:nonNumeric name='x'>ORATION</ix:nonNumeric> text",
        "<h>标题</h><br/><p>正文<商业银行资本管理办法</p>",
        "a < b and c <3 d",
        "<div/>x<span/>y<br>z<hr/>w",
        "<p>x<form>y</form>z</p>",
        "<font><td>cell</font>",
        "<a href=x>link<a href=y>two</a>",
        "<p align=center style='font:11pt'>UNITED<br>STATES</p>",
        "<body><body hidden>dup</body>after",
        "<div><div>in</div>mid</div>out",
        "<noscript>ns</noscript><template>t</template>seen",
        "<p>alpha<!-- c -->beta</p>",
        "<p>tab\there   many    spaces\r\nline</p>",
        "<table><td>x</td></table><p><b>a</p>b</b>",
        "</ >text</3>more",
        "<![CDATA[hidden?]]>after",
        "<p visibility:hidden>attr only</p><p style=\"visibility: hidden\">v</p>w",
        "<div>a<p>b</div>c",
        "<li>one<ul><li>two</ul>three",
        "<dl><dt>t<dd>d<dt>t2</dl>",
        "<p>unterminated <b",
        "<p>x</p>&nbsp;<p>y</p>",
        "<td>a</td><td>b</td>",
        "<center>c<p>p</center>after",
    ]

    @Test(arguments: repairCases)
    func fastScannerMatchesLibxml2OnRepairCase(_ html: String) throws {
        let result = try Self.both(html)
        #expect(result.fast == result.libxml2, "input: \(html)")
    }

    @Test func fastScannerMatchesLibxml2OnRandomHTML() throws {
        for seed in UInt64(0)..<400 {
            var rng = SeededGenerator(seed: seed)
            let html = RandomHTML.document(using: &rng)
            let result = try Self.both(html)
            #expect(result.fast == result.libxml2, "seed \(seed): \(html)")
            if result.fast != result.libxml2 { break }
        }
    }

    @Test(.enabled(if: TestPaths.hasRealData))
    func fastScannerMatchesLibxml2OnEveryRealHTMLFile() throws {
        let root = try #require(TestPaths.realData)
        var differing: [String] = []
        for url in DecodeRealData.files(under: root, extensions: ["html", "htm", "xhtml"]) {
            let input = try ReportInputs.load(fileAt: url)[0]
            let fast = try DocumentDecoder(parser: .fast).decode(input)
            let reference = try DocumentDecoder(parser: .libxml2).decode(input)
            if fast.layoutText != reference.layoutText {
                differing.append("\(url.lastPathComponent): \(DecodeRealData.firstDifference(fast.layoutText, reference.layoutText))")
            }
            #expect(fast.facts == reference.facts, "\(url.lastPathComponent)")
        }
        #expect(differing.isEmpty, "\(differing.joined(separator: "\n"))")
    }
}

enum DecodeRealData {
    static func files(under root: URL, extensions: Set<String>) -> [URL] {
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        return walker.compactMap { $0 as? URL }
            .filter { extensions.contains($0.pathExtension.lowercased()) }
            .sorted { $0.path < $1.path }
    }

    static func firstDifference(_ a: String, _ b: String) -> String {
        let la = a.split(separator: "\n", omittingEmptySubsequences: false)
        let lb = b.split(separator: "\n", omittingEmptySubsequences: false)
        for k in 0..<max(la.count, lb.count) {
            let x = k < la.count ? String(la[k]) : "<none>"
            let y = k < lb.count ? String(lb[k]) : "<none>"
            if x != y { return "line \(k + 1): fast «\(x.prefix(200))» libxml2 «\(y.prefix(200))»" }
        }
        return "same lines"
    }
}
