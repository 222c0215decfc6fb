import Foundation
@testable import NQPExtract

/// Small hand-made fixtures in Fixtures/decode (our own sentences; see DecodeDocumentTests for what each shows).
enum DecodeFixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/decode", isDirectory: true)

    static func url(_ name: String) -> URL { folder.appendingPathComponent(name) }

    static func decode(_ name: String, parser: MarkupParser = .fast) throws -> DecodedDocument {
        let input = try requireValue(try ReportInputs.load(fileAt: url(name)).first)
        return try DocumentDecoder(parser: parser).decode(input)
    }

    /// Layout text of an HTML snippet with the fast scanner.
    static func layout(_ html: String) -> String {
        String(decoding: FastHTMLScanner.extract(Array(html.utf8)).layout, as: UTF8.self)
    }
}

/// `#require` outside a test function: a tiny local stand-in that throws.
struct DecodeMissingValue: Error {}
func requireValue<T>(_ value: T?) throws -> T {
    guard let value else { throw DecodeMissingValue() }
    return value
}
