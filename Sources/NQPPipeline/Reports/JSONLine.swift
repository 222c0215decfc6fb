import Foundation

/// The JSON of `nqp count --format json` and `nqp extract --format json`: one object per line, keys sorted (stable
/// output) and in snake case (`identified_by`, `found_by`, `file_name`), like the CSV column names.
public enum JSONLine {
    public static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
