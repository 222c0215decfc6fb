import Foundation
import NQPTestSupport
import Testing

/// The test helper that edits pipeline.yml by key path: other lines and comments stay as they are.
@Suite struct ConfigEditorTests {
    static func shipped() throws -> String {
        try String(contentsOf: TestPaths.repositoryRoot.appendingPathComponent("pipeline.yml"), encoding: .utf8)
    }

    static func changedLines(_ a: String, _ b: String) -> [String] {
        let left = a.split(separator: "\n", omittingEmptySubsequences: false)
        let right = b.split(separator: "\n", omittingEmptySubsequences: false)
        return zip(left, right).filter { $0 != $1 }.map { String($0.1) } + right.dropFirst(left.count).map(String.init)
    }

    @Test func settingAValueKeepsTheCommentInItsColumnAndSettingItBackRestoresTheBytes() throws {
        let original = try Self.shipped()
        var editor = ConfigEditor(original)
        try editor.set("counting.negation.enabled", to: "false")
        #expect(Self.changedLines(original, editor.text)
                == ["    enabled: false                  # Wu et al. (2021): hits preceded by 没/无/不 are not counted"])
        try editor.set("counting.negation.enabled", to: "true")
        #expect(editor.text == original)
        try editor.set("financials.screens.year_range", to: "{from: 2030, to: 2031}")
        #expect(Self.changedLines(original, editor.text) == ["    year_range: {from: 2030, to: 2031}"])
    }

    @Test func renamingAndInsertingTouchOnlyTheirLines() throws {
        let original = try Self.shipped()
        var editor = ConfigEditor(original)
        try editor.rename("counting.mode", to: "mdoe")
        #expect(Self.changedLines(original, editor.text).count == 1)
        #expect(Self.changedLines(original, editor.text).first?.hasPrefix("  mdoe: longest ") == true)

        var inserted = ConfigEditor(original)
        try inserted.insert("loop_b: {formula: \"x * 2\"}", under: "financials.indicators")
        let lines = inserted.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let index = try #require(lines.firstIndex(of: "    loop_b: {formula: \"x * 2\"}"))
        #expect(lines[index - 1].hasPrefix("    rd_intensity:"), "the last entry of the indicators")
        #expect(lines.count == original.split(separator: "\n", omittingEmptySubsequences: false).count + 1)

        var topLevel = ConfigEditor(original)
        try topLevel.insert("sections:\n  mdna_titles: [讨论与分析]", under: "")
        #expect(topLevel.text == original + "sections:\n  mdna_titles: [讨论与分析]\n")
    }

    @Test func aMissingKeyOrABlockValueIsAnErrorNamingThePath() throws {
        var editor = ConfigEditor(try Self.shipped())
        let missing = #expect(throws: ConfigEditor.EditError.self) { try editor.set("counting.kwik", to: "7") }
        #expect(missing?.description == "the configuration has no key 'counting.kwik'")
        let block = #expect(throws: ConfigEditor.EditError.self) { try editor.set("counting.negation", to: "false") }
        #expect(block?.description == "'counting.negation' holds a block of nested lines; set one of its keys instead")
    }
}
