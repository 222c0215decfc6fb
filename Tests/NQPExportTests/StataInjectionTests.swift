import Foundation
import Testing
@testable import NQPExport
import NQPTable
import NQPTestSupport

/// panel_import.do with hostile labels: every label must stay one Stata string on one line. The test reads the
/// .do file the way Stata does — macro expansion first (`\`` and `\$` are literal, an unescaped `` ` `` or `$`
/// would expand), then compound quotes `` `"…"' `` that nest — and checks each label line is exactly
/// `label variable name <one compound string>` with nothing after it.
@Suite("Stata import script against hostile labels")
struct StataInjectionTests {
    static let hostile = [
        "abc\"' ; shell touch /tmp/pwned ; *\"'",
        "`\"' shell rm -rf ~ \"'",
        "$(touch x) ${HOME} $HOME",
        "back`tick` and `macro'",
        "line one\nshell touch /tmp/x\r\nline three",
        "ends with a backquote `",
        "ends with a quote \"",
        "\"'\"'\"'",
        "`\"`\"`\"",
        "'\"'",
        "tab\tand\u{7F}del",
    ]

    /// The content of one compound-quoted string starting at `index`, and where it ends; nil if it never closes.
    static func compoundString(_ line: [Character], from start: Int) -> (content: String, end: Int)? {
        guard start + 1 < line.count, line[start] == "`", line[start + 1] == "\"" else { return nil }
        var depth = 1, index = start + 2
        var content = ""
        while index < line.count {
            if line[index] == "`", index + 1 < line.count, line[index + 1] == "\"" {
                depth += 1; content += "`\""; index += 2; continue
            }
            if line[index] == "\"", index + 1 < line.count, line[index + 1] == "'" {
                depth -= 1
                if depth == 0 { return (content, index + 2) }
                content += "\"'"; index += 2; continue
            }
            content.append(line[index]); index += 1
        }
        return nil
    }

    /// Stata's macro pass: `\`` and `\$` become literal characters (here: placeholders that cannot take part in
    /// quoting); any other backquote or dollar sign would start a macro — reported as nil.
    static func afterMacroExpansion(_ line: String) -> [Character]? {
        var out: [Character] = []
        let characters = Array(line)
        var index = 0
        while index < characters.count {
            let c = characters[index]
            if c == "\\", index + 1 < characters.count, characters[index + 1] == "`" || characters[index + 1] == "$" {
                out.append(characters[index + 1] == "`" ? "B" : "D"); index += 2; continue
            }
            if c == "$" { return nil }
            if c == "`" {
                // Only the compound-quote opener may appear unescaped.
                guard index + 1 < characters.count, characters[index + 1] == "\"" else { return nil }
            }
            out.append(c); index += 1
        }
        return out
    }

    @Test func every_hostile_label_stays_one_string() throws {
        var columns = [Column(name: "firm", label: "firm", values: .text(["1"]))]
        for (i, label) in Self.hostile.enumerated() {
            columns.append(Column(name: "v\(i)", label: label, values: .number([Double(i)]),
                                  valueLabels: [Int32(i): label]))
        }
        let table = NQPTable.Table(columns: columns, label: "data `\"' ; shell x")
        let folder = try TestPaths.temporaryDirectory("nqp-stata-injection")
        defer { try? FileManager.default.removeItem(at: folder) }
        try PanelExporter().export(table, to: folder)
        let doFile = try String(contentsOf: folder.appendingPathComponent("panel_import.do"), encoding: .utf8)
        let lines = doFile.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // One line per label: the newline labels did not make more lines.
        let labelLines = lines.filter { $0.hasPrefix("label variable ") }
        #expect(labelLines.count == Self.hostile.count + 1)
        for line in lines where !line.isEmpty {
            let known = ["*", "import delimited ", "label data ", "label variable ", "label define ", "label values "]
            #expect(known.contains { line.hasPrefix($0) }, "unexpected command line: \(line)")
        }
        for (i, _) in Self.hostile.enumerated() {
            let line = try #require(lines.first { $0.hasPrefix("label variable v\(i) ") })
            let expanded = try #require(Self.afterMacroExpansion(line), "an unescaped macro character in: \(line)")
            let prefix = Array("label variable v\(i) ")
            let parsed = try #require(Self.compoundString(expanded, from: prefix.count), "string never closes: \(line)")
            #expect(parsed.end == expanded.count, "text after the label's string: \(line)")

            let define = try #require(lines.first { $0.hasPrefix("label define v\(i) ") })
            let defined = try #require(Self.afterMacroExpansion(define), "an unescaped macro character in: \(define)")
            let valuePrefix = Array("label define v\(i) \(i) ")
            let value = try #require(Self.compoundString(defined, from: valuePrefix.count), "never closes: \(define)")
            #expect(String(defined[value.end...]) == ", replace", "text after the value label: \(define)")
        }
        let data = try #require(lines.first { $0.hasPrefix("label data ") })
        let expanded = try #require(Self.afterMacroExpansion(data))
        let parsed = try #require(Self.compoundString(expanded, from: "label data ".count))
        #expect(parsed.end == expanded.count, "\(data)")
    }

    @Test func ordinary_labels_are_unchanged() {
        #expect(ImportScripts.stataText("营业收入 (CNY), \"net\"") == "营业收入 (CNY), \"net\"")
        #expect(ImportScripts.stataText("it's 5$") == "it's 5\\$")
    }
}
