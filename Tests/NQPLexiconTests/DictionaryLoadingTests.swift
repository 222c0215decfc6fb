import Foundation
import NQPEncoding
import Testing
@testable import NQPLexicon

@Suite struct DictionaryLoadingTests {
    @Test func nqpLayoutLoadsCategoriesColumnsAndCitationInFileOrder() throws {
        let yaml = """
        name: demo
        description: a demo
        source: Somebody (2021)
        language: zh
        categories:
          乙类:
            column: demo_b
            label: B things
            keywords: [大数据, B2B]
          甲类: [人工智能]
        verification: checked by hand
        """
        let dict = try KeywordDictionary.load(contentsOf: try temporaryFile("demo.yml", yaml))
        #expect(dict.format == .nqp)
        #expect(dict.name == "demo")
        #expect(dict.source == "Somebody (2021)")
        #expect(dict.caseSensitive == false)
        #expect(dict.verification == "checked by hand")
        #expect(dict.categories.map(\.name) == ["乙类", "甲类"])
        #expect(dict.categories.map(\.column) == ["demo_b", "category_2"])
        #expect(dict.categories[0].label == "B things")
        #expect(dict.keywords.map(\.text) == ["大数据", "B2B", "人工智能"])
        #expect(dict.contentHash == SHA256.hex(Array(yaml.utf8)))
    }

    @Test func cntextLayoutLoadsAsIsWithDerivedColumns() throws {
        let yaml = """
        Name: 中文数字化词典
        Desc: 'test'
        Refer: 吴非等 2021
        Category:
        - Artificial_Intelligence
        - Big Data
        Dictionary:
            Artificial_Intelligence:
            - 人工智能
            Big Data:
            - 大数据
            - Fintech
        """
        let dict = try KeywordDictionary.load(contentsOf: try temporaryFile("zh_common_Test.yaml", yaml))
        #expect(dict.format == .cntext)
        #expect(dict.name == "中文数字化词典")
        #expect(dict.source == "吴非等 2021")
        #expect(dict.language == "zh")
        #expect(dict.categories.map(\.column) == ["artificial_intelligence", "big_data"])
        #expect(dict.categories[1].keywords == ["大数据", "Fintech"])
    }

    @Test func plainTextIsOneCategoryNamedAfterTheFile() throws {
        let text = "# green words\n绿色\n\n  低碳 \r\n# comment\nC#\n"
        let dict = try KeywordDictionary.load(contentsOf: try temporaryFile("green_words.txt", text))
        #expect(dict.format == .plainText)
        #expect(dict.categories.map(\.name) == ["green_words"])
        #expect(dict.categories[0].column == "green_words")
        #expect(dict.keywords.map(\.text) == ["绿色", "低碳", "C#"])
    }

    @Test func caseSensitiveFlagIsRead() throws {
        let yaml = "name: x\nsource: s\ncase_sensitive: true\ncategories:\n  a: [Fintech, FinTech]\n"
        let dict = try KeywordDictionary.load(contentsOf: try temporaryFile("x.yml", yaml))
        #expect(dict.caseSensitive)
        #expect(dict.keywords.count == 2)
    }

    @Test func derivedColumnsAreStataSafeAndUnique() {
        #expect(ColumnName.derive(from: "Artificial Intelligence!", position: 0, avoiding: []) == "artificial_intelligence")
        #expect(ColumnName.derive(from: "人工智能", position: 2, avoiding: []) == "category_3")
        #expect(ColumnName.derive(from: "5G", position: 0, avoiding: []) == "c_5g")
        #expect(ColumnName.derive(from: "if", position: 0, avoiding: []) == "if_")
        #expect(ColumnName.derive(from: "big data", position: 0, avoiding: ["big_data"]) == "big_data_2")
        let long = ColumnName.derive(from: String(repeating: "abc ", count: 20), position: 0, avoiding: [])
        #expect(long.count <= 32)
        #expect(ColumnName.isValid(long))
        #expect(!ColumnName.isValid("1abc"))
        #expect(!ColumnName.isValid("dt-ai"))
        #expect(!ColumnName.isValid(String(repeating: "a", count: 33)))
        #expect(!ColumnName.isValid("str12"))
        #expect(ColumnName.isValid("dt_ai"))
    }

    @Test func syntaxErrorsNameTheLine() throws {
        let url = try temporaryFile("bad.yml", "name: x\ncategories:\n  a: [one, two\n  b: [three]\n")
        let error = #expect(throws: LexiconError.self) { try KeywordDictionary.load(contentsOf: url) }
        let message = error?.description ?? ""
        #expect(message.hasPrefix(url.path + ":"), "\(message)")
        #expect(message.range(of: #"^[^:]+:\d+: not valid YAML: "#, options: .regularExpression) != nil, "\(message)")
        #expect(message.hasSuffix("Fix the syntax (indentation, quotes) there."), "\(message)")
        let problems = KeywordDictionary.check(contentsOf: url)
        #expect(problems.count == 1)
        #expect(problems.first?.kind == .syntax)
        #expect(problems.first?.line != nil)
    }

    @Test func nonUTF8FilesAreRejectedWithAHint() throws {
        let url = try TestPaths_temporary("gbk.yml", [0x6E, 0x61, 0x6D, 0x65, 0x3A, 0x20, 0xC4, 0xE3])
        do {
            _ = try KeywordDictionary.load(contentsOf: url)
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("UTF-8"))
        }
    }

    @Test func missingFileIsReportedAsUnreadable() {
        let url = URL(fileURLWithPath: "/nonexistent/dict.yml")
        let error = #expect(throws: LexiconError.self) { try KeywordDictionary.load(contentsOf: url) }
        let message = error?.description ?? ""
        #expect(message.hasPrefix("/nonexistent/dict.yml: cannot read the dictionary file ("), "\(message)")
        #expect(message.hasSuffix("); check the path and permissions."), "\(message)")
    }
}

/// Writes raw bytes to a temporary file.
func TestPaths_temporary(_ name: String, _ bytes: [UInt8]) throws -> URL {
    let url = try temporaryFile(name, "")
    try Data(bytes).write(to: url)
    return url
}
