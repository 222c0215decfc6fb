import Foundation
import NQPEncoding
import NQPLexicon
import NQPTestSupport
import Testing

/// The dictionaries compiled into the binary are exactly the files of dictionaries/, and names resolve.
@Suite("Built-in dictionaries")
struct BuiltinDictionaryTests {
    static let folder = TestPaths.repositoryRoot.appendingPathComponent("dictionaries")

    @Test func embeddedCopiesEqualTheFilesByteForByte() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
            .filter { $0.hasSuffix(".yml") || $0.hasSuffix(".yaml") || $0.hasSuffix(".txt") }.sorted()
        #expect(files.count >= 4)
        #expect(BuiltinDictionaries.all.map(\.fileName) == files)
        for entry in BuiltinDictionaries.all {
            let bytes = [UInt8](try Data(contentsOf: Self.folder.appendingPathComponent(entry.fileName)))
            #expect(entry.bytes == bytes, "\(entry.fileName): the embedded copy differs from the file")
            #expect(entry.sha256 == SHA256.hex(bytes))
            let loaded = try entry.load()
            #expect(loaded.contentHash == SHA256.hex(bytes), "same hash as the file, so caches and manifests agree")
            #expect(loaded.path == "builtin:\(entry.fileName)")
            #expect(entry.check().allSatisfy { $0.severity < .warning })
        }
    }

    @Test func namesAliasesAndInternalNamesResolve() throws {
        for name in ["wu2021", "digital_transformation.zh", "digital_transformation.zh.yml",
                     "digital_transformation_zh", "builtin:digital_transformation.zh.yml"] {
            #expect(BuiltinDictionaries.entry(named: name)?.fileName == "digital_transformation.zh.yml", "\(name)")
        }
        #expect(BuiltinDictionaries.entry(named: "digital_technology.en")?.fileName == "digital_technology.en.yml")
        #expect(BuiltinDictionaries.entry(named: "wu2022") == nil)
        #expect(BuiltinDictionaries.entry(named: BuiltinDictionaries.defaultName) != nil)
    }

    @Test func anExistingPathWinsOverAName() throws {
        let folder = try TestPaths.temporaryDirectory("nqp-builtin")
        let file = folder.appendingPathComponent("wu2021")
        try Data("name: mine\nsource: test\ncategories:\n  a: [甲]\n".utf8).write(to: file)
        #expect(DictionaryReference.resolve("wu2021", asPath: file) == .file(file))
        #expect(try DictionaryReference.resolve("wu2021", asPath: file)?.load().name == "mine")
        let missing = folder.appendingPathComponent("none/wu2021")
        guard case .builtin(let entry)? = DictionaryReference.resolve("wu2021", asPath: missing) else {
            Issue.record("a name with no file of that name is the built-in dictionary")
            return
        }
        #expect(entry.fileName == "digital_transformation.zh.yml")
        // A folder of that name is not a dictionary file.
        #expect(DictionaryReference.resolve("wu2021", asPath: folder) != .file(folder))
    }

    @Test func unknownNamesSayWhatExists() {
        let message = DictionaryReference.unknownMessage("wu2022")
        #expect(message.hasPrefix("wu2022: no such dictionary file"))
        #expect(message.contains("wu2021"))
        let path = DictionaryReference.unknownMessage("dictionaries/digital_transformation.zh.yml")
        #expect(path.contains("named digital_transformation.zh"), "a missing copy of a shipped file points at its name")
    }
}
