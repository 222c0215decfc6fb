import Foundation
import NQPLexicon

/// Renders `nqp count` output: per file and category (zeros included), or per hit with `--kwic`.
public struct CountRendering: Sendable {
    public var kwic: Bool

    public init(kwic: Bool) { self.kwic = kwic }

    public func csvHeader() -> String {
        kwic ? "file,firm,year,dictionary,keyword,category,status,offset,before,match,after\n"
             : "file,firm,year,dictionary,category,count,chars\n"
    }

    public func csvRows(_ result: ReportResult) -> String {
        var out = ""
        let firm = CSVField.quote(result.firm ?? ""), year = result.year.map(String.init) ?? ""
        let file = CSVField.quote(result.file)
        for counts in result.counts {
            let dictionary = CSVField.quote(counts.dictionary)
            if kwic {
                for hit in counts.hits {
                    let categories = counts.keywords[hit.keywordIndex].categories.joined(separator: ";")
                    out += [file, firm, year, dictionary, CSVField.quote(hit.keyword), CSVField.quote(categories),
                            hit.status.rawValue, String(hit.start), CSVField.quote(hit.before),
                            CSVField.quote(hit.matched), CSVField.quote(hit.after)].joined(separator: ",") + "\n"
                }
            } else {
                for category in counts.categories {
                    out += [file, firm, year, dictionary, CSVField.quote(category.name), String(category.count),
                            String(counts.chars)].joined(separator: ",") + "\n"
                }
            }
        }
        return out
    }

    public func jsonLine(_ result: ReportResult) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try encoder.encode(result), as: UTF8.self)
    }
}

/// RFC 4180 quoting for small CSV outputs written by the pipeline itself.
public enum CSVField {
    public static func quote(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
