import Foundation
import NQPEncoding
import Testing

/// Errors become plain words for reason columns and messages, never Foundation dumps or Swift enum cases.
@Suite("File error reasons")
struct FileErrorReasonTests {
    enum Plain: Error { case unreadableArchive }

    struct Described: Error, CustomStringConvertible {
        var description: String { "the archive's directory is cut short" }
    }

    struct Item: Decodable { var name: String }

    @Test func foundationErrorsAreNamedInPlainWords() {
        #expect(FileErrorReason.describe(CocoaError(.fileReadNoSuchFile)) == "no such file or folder")
        #expect(FileErrorReason.describe(POSIXError(.EACCES)) == "permission denied")
    }

    @Test func swiftErrorsKeepTheirOwnText() {
        #expect(FileErrorReason.describe(Described()) == "the archive's directory is cut short")
        #expect(FileErrorReason.describe(Plain.unreadableArchive) == "unreadableArchive")
    }

    @Test func decodingErrorsNameTheKeyPath() throws {
        do {
            _ = try JSONDecoder().decode([Item].self, from: Data(#"[{"name": "a"}, {"nam": "b"}]"#.utf8))
            Issue.record("expected a decoding error")
        } catch {
            #expect(FileErrorReason.describe(error) == "at [1]: missing key 'name'")
        }
    }
}
