import Foundation
import Testing
@testable import NQPLexicon

@Suite struct DictionaryCheckTests {
    let yaml = """
    name: messy
    source: nobody
    categories:
      one:
        column: 1bad
        keywords:
          - 大数据
          - ''
          - 大数据
          - ＡＩ
          - Fintech
          - FinTech
      two:
        column: ok_two
        keywords: [大数据]
      three: []
    """

    @Test func checkReportsEveryProblemWithItsLine() throws {
        let problems = KeywordDictionary.check(contentsOf: try temporaryFile("messy.yml", yaml))
        func find(_ kind: DictionaryProblem.Kind) -> [DictionaryProblem] { problems.filter { $0.kind == kind } }
        #expect(find(.invalidColumn).map(\.line) == [5])
        #expect(find(.emptyKeyword).map(\.line) == [8])
        #expect(find(.duplicateInCategory).map(\.line) == [9, 12])
        #expect(find(.changedByNFKC).map(\.line) == [10])
        #expect(find(.duplicateAcrossCategories).map(\.line) == [15])
        #expect(find(.emptyCategory).map(\.category) == ["three"])
        #expect(find(.invalidColumn).first?.severity == .error)
        #expect(find(.duplicateAcrossCategories).first?.severity == .note)
        #expect(find(.duplicateInCategory).first?.severity == .warning)
        #expect(problems.allSatisfy { $0.file.hasSuffix("messy.yml") })
    }

    @Test func loadRefusesADictionaryWithErrorsAndListsThem() throws {
        let url = try temporaryFile("messy.yml", yaml)
        do {
            _ = try KeywordDictionary.load(contentsOf: url)
            Issue.record("expected an error")
        } catch let error {
            guard case let .invalidDictionary(_, problems) = error else {
                Issue.record("wrong error \(error)")
                return
            }
            #expect(problems.contains { $0.kind == .emptyKeyword })
            #expect(error.description.contains("messy.yml"))
        }
    }

    @Test func warningsAndNotesDoNotStopLoading() throws {
        let text = "name: ok\nsource: s\ncategories:\n  a: [大数据, 大数据, ＡＩ]\n  b: [大数据]\n"
        let dict = try KeywordDictionary.load(contentsOf: try temporaryFile("ok.yml", text))
        #expect(dict.keywords.map(\.text) == ["大数据", "AI"])
        #expect(dict.keywords[0].categories == [0, 1])
        #expect(dict.categories[0].keywords == ["大数据", "AI"])
    }

    @Test func duplicateColumnsAreAnError() throws {
        let text = "name: d\nsource: s\ncategories:\n  a: {column: x, keywords: [甲]}\n  b: {column: x, keywords: [乙]}\n"
        let problems = KeywordDictionary.check(contentsOf: try temporaryFile("d.yml", text))
        #expect(problems.contains { $0.kind == .duplicateColumn && $0.severity == .error && $0.line == 5 })
    }

    @Test func unknownKeysAndMissingSourceAreWarnings() throws {
        let text = "name: d\ncolour: blue\ncategories:\n  a: [甲]\n"
        let problems = KeywordDictionary.check(contentsOf: try temporaryFile("d.yml", text))
        #expect(problems.filter { $0.kind == .layout }.count == 2)
        #expect(problems.allSatisfy { $0.severity == .warning })
    }

    @Test func plainTextProblemsCarryLineNumbers() throws {
        let problems = KeywordDictionary.check(contentsOf: try temporaryFile("w.txt", "甲\n# c\n甲\nＢ２Ｂ\n"))
        #expect(problems.map(\.line) == [3, 4])
    }

    @Test func theShippedDictionariesAreClean() throws {
        for file in ["digital_transformation.zh.yml", "digital_technology.zh.yml", "digital_technology.en.yml",
                     "green.zh.yml"] {
            let url = dictionariesFolder.appendingPathComponent(file)
            let problems = KeywordDictionary.check(contentsOf: url)
            #expect(problems.isEmpty, "\(file): \(problems)")
            let dict = try KeywordDictionary.load(contentsOf: url)
            #expect(!dict.source.isEmpty)
            #expect(dict.verification != nil)
            #expect(dict.categories.allSatisfy { ColumnName.isValid($0.column) })
        }
    }
}

@Suite struct ColumnRenamingTests {
    @Test func columnsCanBeRenamedFromConfiguration() throws {
        let dict = try dictionary([("人工智能", ["人工智能"]), ("大数据", ["大数据"])])
        let renamed = try dict.renamingColumns(["人工智能": "dt_ai"])
        #expect(renamed.categories.map(\.column) == ["dt_ai", "category_2"])
        #expect(throws: LexiconError.self) { try dict.renamingColumns(["人工智能": "9x"]) }
        #expect(throws: LexiconError.self) { try dict.renamingColumns(["没有": "x"]) }
        #expect(throws: LexiconError.self) { try dict.renamingColumns(["人工智能": "category_2"]) }
    }
}
