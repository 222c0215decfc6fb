import Foundation
import ZIPFoundation
import NQPEncoding

/// One worksheet row: its 1-based Excel row number and the cell texts, one per column from A, with "" for empty
/// cells (so a value in column C is always `fields[2]`). Rows are padded to the sheet's widest row.
public struct XLSXRow: Sendable, Equatable {
    public var fields: [String]
    /// 1-based row number as Excel shows it.
    public var row: Int

    public init(fields: [String], row: Int) {
        self.fields = fields
        self.row = row
    }
}

/// Reads the cells of one worksheet of an `.xlsx` workbook as text.
///
/// Values come back as stored: shared and inline strings as text (rich-text runs concatenated, phonetic runs
/// dropped, `_xHHHH_` escapes decoded); numbers as the stored decimal text with full precision (`318024319.3`,
/// `1E-3`), never reformatted; booleans as `TRUE`/`FALSE`; error cells as their code (`#DIV/0!`); formula cells as
/// their cached value. Dates are not converted: Excel stores them as serial day numbers (1900 date system: 43830 =
/// 2019-12-31), which is what comes back. Rows absent from the sheet XML (entirely empty rows) are not returned;
/// `XLSXRow.row` tells the Excel row number.
public enum XLSXReader {
    /// The rows of the sheet named `sheet`, or of the first sheet when nil.
    /// Default largest inflated part (a worksheet, the shared strings): 512 MiB.
    public static let defaultMaxPartBytes = 512 << 20

    public static func rows(contentsOf url: URL, sheet: String? = nil,
                            maxPartBytes: Int = XLSXReader.defaultMaxPartBytes) throws(TableError) -> [XLSXRow] {
        var package = try Package(url: url)
        package.maxPartBytes = maxPartBytes
        let sheets = try package.sheets()
        guard let chosen = sheet == nil ? sheets.first : sheets.first(where: { $0.name == sheet }) else {
            if let sheet { throw .sheetNotFound(path: url.path, sheet: sheet, available: sheets.map(\.name)) }
            throw .malformedXLSX(path: url.path, message: "the workbook lists no worksheets")
        }
        let shared = try package.sharedStrings()
        let xml = try package.member(chosen.path)
        return try parseSheet(xml, sharedStrings: shared, path: url.path)
    }

    // MARK: - Package parts

    private struct Sheet { let name: String; let path: String }
    private struct PartLimit: Error {}

    private struct Package {
        let url: URL
        let archive: Archive
        var maxPartBytes = XLSXReader.defaultMaxPartBytes

        init(url: URL) throws(TableError) {
            self.url = url
            do { archive = try Archive(url: url, accessMode: .read) } catch {
                throw .malformedXLSX(path: url.path, message: "cannot open as a ZIP package (\(FileErrorReason.describe(error)))")
            }
        }

        func hasMember(_ path: String) -> Bool { archive[path] != nil }

        func member(_ path: String) throws(TableError) -> [UInt8] {
            guard let entry = archive[path] else {
                throw .malformedXLSX(path: url.path, message: "the package has no part \(path)")
            }
            let limit = maxPartBytes
            let tooLarge = TableError.malformedXLSX(path: url.path, message: "the part \(path) inflates to more than "
                + "\(limit) bytes (a decompression bomb?); refused — raise max_inflated_mb of this source if it is real")
            guard Int(clamping: entry.uncompressedSize) <= limit else { throw tooLarge }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(Int(clamping: entry.uncompressedSize))
            do {
                // The declared size can lie: stop at the limit while inflating.
                _ = try archive.extract(entry, skipCRC32: false) { data in
                    if bytes.count + data.count > limit { throw PartLimit() }
                    bytes.append(contentsOf: data)
                }
            } catch is PartLimit {
                throw tooLarge
            } catch {
                throw .malformedXLSX(path: url.path, message: "cannot inflate \(path) (\(FileErrorReason.describe(error)))")
            }
            return bytes
        }

        /// Relationship id → target path (resolved against `xl/`).
        func relationships() throws(TableError) -> [String: (type: String, target: String)] {
            guard hasMember("xl/_rels/workbook.xml.rels") else { return [:] }
            return try XMLScanner.scan(try member("xl/_rels/workbook.xml.rels")) { scanner in
            var result: [String: (type: String, target: String)] = [:]
            while let event = scanner.next() {
                guard case let .start(name, attributes, _) = event, name == "Relationship",
                      let id = attributes["Id"], let target = attributes["Target"] else { continue }
                let resolved = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
                result[id] = (attributes["Type"] ?? "", resolved)
            }
            return result
            }
        }

        func sheets() throws(TableError) -> [Sheet] {
            let rels = try relationships()
            return try XMLScanner.scan(try member("xl/workbook.xml")) { scanner in
            var result: [Sheet] = []
            var index = 1
            while let event = scanner.next() {
                guard case let .start(name, attributes, _) = event, name == "sheet" else { continue }
                let sheetName = attributes["name"] ?? "Sheet\(index)"
                // The r:id attribute's prefix is stripped by the scanner, so it reads as "id".
                let path = attributes["id"].flatMap { rels[$0]?.target } ?? "xl/worksheets/sheet\(index).xml"
                result.append(Sheet(name: sheetName, path: path))
                index += 1
            }
            return result
            }
        }

        func sharedStrings() throws(TableError) -> [String] {
            let rels = try relationships()
            let path = rels.values.first { $0.type.hasSuffix("/sharedStrings") }?.target ?? "xl/sharedStrings.xml"
            guard hasMember(path) else { return [] }
            return try XMLScanner.scan(try member(path)) { scanner in
            var strings: [String] = []
            var current = ""
            var inItem = false, inText = false, phoneticDepth = 0
            while let event = scanner.next() {
                switch event {
                case let .start(name, _, selfClosing):
                    if name == "si" { inItem = true; current = ""; if selfClosing { strings.append(""); inItem = false } }
                    else if name == "rPh" && !selfClosing { phoneticDepth += 1 }
                    else if name == "t" && !selfClosing { inText = true }
                case let .end(name):
                    if name == "si" { strings.append(XLSXText.unescape(current)); inItem = false }
                    else if name == "rPh" { phoneticDepth -= 1 }
                    else if name == "t" { inText = false }
                case let .text(text):
                    if inItem && inText && phoneticDepth == 0 { current += text }
                }
            }
            return strings
            }
        }
    }

    // MARK: - Sheet cells

    static func parseSheet(_ xml: [UInt8], sharedStrings: [String], path: String) throws(TableError) -> [XLSXRow] {
        try XMLScanner.scan(xml) { (scanner: inout XMLScanner) throws(TableError) -> [XLSXRow] in
            try parseSheet(&scanner, sharedStrings: sharedStrings, path: path)
        }
    }

    private static func parseSheet(_ scanner: inout XMLScanner, sharedStrings: [String], path: String)
        throws(TableError) -> [XLSXRow] {
        var rows: [XLSXRow] = []
        var rowNumber = 0
        var fields: [String] = []
        var column = 0             // 0-based column of the current cell
        var cellType = "n"
        var value = ""
        var inValue = false, inInlineText = false, inCell = false
        var width = 0

        func store(_ text: String, at column: Int) {
            if fields.count <= column { fields.append(contentsOf: repeatElement("", count: column + 1 - fields.count)) }
            fields[column] = text
        }

        while let event = scanner.next() {
            switch event {
            case let .start(name, attributes, selfClosing):
                switch name {
                case "row":
                    rowNumber = attributes["r"].flatMap { Int($0) } ?? rowNumber + 1
                    fields = []
                    column = -1
                    if selfClosing { rows.append(XLSXRow(fields: [], row: rowNumber)) }
                case "c":
                    if let reference = attributes["r"] {
                        guard let parsed = XLSXText.columnIndex(ofCellReference: reference) else {
                            throw .malformedXLSX(path: path, message: "row \(rowNumber): bad cell reference '\(reference)'")
                        }
                        column = parsed
                    } else {
                        column += 1
                    }
                    cellType = attributes["t"] ?? "n"
                    value = ""
                    inCell = !selfClosing
                case "v": inValue = inCell && !selfClosing
                case "t": inInlineText = inCell && cellType == "inlineStr" && !selfClosing
                default: break
                }
            case let .end(name):
                switch name {
                case "v": inValue = false
                case "t": inInlineText = false
                case "c":
                    guard inCell else { break }
                    inCell = false
                    let text: String
                    switch cellType {
                    case "s":
                        guard let index = Int(value.filter { $0 != " " }),
                              sharedStrings.indices.contains(index) else {
                            throw .malformedXLSX(path: path, message: "row \(rowNumber): shared string index '\(value)' out of range")
                        }
                        text = sharedStrings[index]
                    case "b": text = value == "1" ? "TRUE" : (value == "0" ? "FALSE" : value)
                    case "inlineStr", "str": text = XLSXText.unescape(value)
                    default: text = value
                    }
                    if !text.isEmpty { store(text, at: column) }
                case "row":
                    width = max(width, fields.count)
                    rows.append(XLSXRow(fields: fields, row: rowNumber))
                default: break
                }
            case let .text(text):
                if inValue || inInlineText { value += text }
            }
        }
        for k in rows.indices where rows[k].fields.count < width {
            rows[k].fields.append(contentsOf: repeatElement("", count: width - rows[k].fields.count))
        }
        return rows
    }
}

/// Text helpers specific to SpreadsheetML.
enum XLSXText {
    /// "C5" → 2; "AA10" → 26. Nil when the reference has no letters.
    static func columnIndex(ofCellReference reference: String) -> Int? {
        var index = 0
        var letters = 0
        for scalar in reference.unicodeScalars {
            let v = scalar.value
            if v >= 65 && v <= 90 { index = index * 26 + Int(v - 64); letters += 1 }
            else if v >= 97 && v <= 122 { index = index * 26 + Int(v - 96); letters += 1 }
            else { break }
        }
        return letters == 0 || letters > 3 ? nil : index - 1
    }

    /// Decodes `_xHHHH_` (ST_Xstring escapes for control characters, e.g. `_x000D_` for CR).
    static func unescape(_ text: String) -> String {
        // Byte scan: Foundation's `contains` bridges through NSString and showed up in profiles.
        var hasEscape = false
        var previous: UInt8 = 0
        for b in text.utf8 {
            if previous == UInt8(ascii: "_") && b == UInt8(ascii: "x") { hasEscape = true; break }
            previous = b
        }
        guard hasEscape else { return text }
        var out = ""
        var scalars = Array(text.unicodeScalars)[...]
        while let s = scalars.first {
            if s == "_", scalars.count >= 7, scalars.dropFirst().first == "x",
               scalars[scalars.startIndex + 6] == "_",
               let code = UInt32(String(String.UnicodeScalarView(scalars[(scalars.startIndex + 2)..<(scalars.startIndex + 6)])), radix: 16),
               let decoded = Unicode.Scalar(code) {
                out.unicodeScalars.append(decoded)
                scalars = scalars.dropFirst(7)
            } else {
                out.unicodeScalars.append(s)
                scalars = scalars.dropFirst()
            }
        }
        return out
    }
}
