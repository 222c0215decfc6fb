import Foundation
import Testing
@testable import NQPTable
import NQPEncoding
import NQPTestSupport

@Suite("CSV reader")
struct CSVReaderTests {
    static func file(_ bytes: [UInt8], name: String = "in.csv") throws -> URL {
        let url = try TestPaths.temporaryDirectory("nqp-csv").appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    static func read(_ bytes: [UInt8], _ options: CSVReadOptions = CSVReadOptions()) throws -> [CSVRecord] {
        try CSVReader.records(contentsOf: try file(bytes), options: options)
    }

    @Test func utf8_with_bom_strips_the_bom() throws {
        let reader = try CSVReader(contentsOf: try Self.file([0xEF, 0xBB, 0xBF] + Array("code,name\n000001,平安银行\n".utf8)))
        #expect(reader.encoding == .utf8)
        #expect(reader.encodingSource == "byte-order mark")
        let records = try reader.readAll()
        #expect(records.map(\.fields) == [["code", "name"], ["000001", "平安银行"]])
    }

    @Test func gbk_file_is_detected_and_decoded() throws {
        // "证券代码,简称\n000001,平安银行\n" in GBK (CSMAR/Wind exports).
        let gbk: [UInt8] = [0xD6, 0xA4, 0xC8, 0xAF, 0xB4, 0xFA, 0xC2, 0xEB, 0x2C, 0xBC, 0xF2, 0xB3, 0xC6, 0x0A]
            + Array("000001,".utf8) + [0xC6, 0xBD, 0xB0, 0xB2, 0xD2, 0xF8, 0xD0, 0xD0, 0x0A]
        for chunkSize in [1, 3, 1 << 20] {
            let reader = try CSVReader(contentsOf: try Self.file(gbk), options: CSVReadOptions(chunkSize: chunkSize))
            #expect(reader.encoding == .gb18030)
            #expect(reader.encodingSource == "fallback (not valid UTF-8)")
            #expect(try reader.readAll().map(\.fields) == [["证券代码", "简称"], ["000001", "平安银行"]])
            #expect(reader.decodeErrors == 0)
        }
    }

    @Test func forced_encoding_is_used_when_there_is_no_bom() throws {
        let bytes: [UInt8] = Array("a,".utf8) + [0xC6, 0xBD, 0x0A]
        let records = try Self.read(bytes, CSVReadOptions(encoding: .gb18030))
        #expect(records.map(\.fields) == [["a", "平"]])
    }

    @Test func utf16_with_bom_in_both_byte_orders() throws {
        let text = "代码\t名称\r\n000001\t\"平安\n银行\"\r\n"
        let units = Array(text.utf16)
        let le: [UInt8] = [0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let be: [UInt8] = [0xFE, 0xFF] + units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        for bytes in [le, be] {
            let reader = try CSVReader(contentsOf: try Self.file(bytes), options: CSVReadOptions(chunkSize: 7))
            #expect(reader.delimiter == "\t")
            let records = try reader.readAll()
            #expect(records.map(\.fields) == [["代码", "名称"], ["000001", "平安\n银行"]])
            #expect(records.map(\.line) == [1, 2])
        }
    }

    @Test func quoted_fields_keep_newlines_delimiters_and_doubled_quotes() throws {
        let csv = "id,text\n1,\"a,b\"\n2,\"line1\nline2\r\nline3\"\n3,\"say \"\"hi\"\"\"\n4,plain\n"
        let records = try Self.read(Array(csv.utf8))
        #expect(records.map(\.fields) == [["id", "text"], ["1", "a,b"], ["2", "line1\nline2\r\nline3"],
                                          ["3", "say \"hi\""], ["4", "plain"]])
        #expect(records.map(\.line) == [1, 2, 3, 6, 7])
    }

    @Test func line_numbers_count_crlf_lone_cr_and_skipped_blank_lines() throws {
        let records = try Self.read(Array("a,b\r\n\r\n1,2\r3,4\n\n5,6".utf8))
        #expect(records.map(\.fields) == [["a", "b"], ["1", "2"], ["3", "4"], ["5", "6"]])
        #expect(records.map(\.line) == [1, 3, 4, 6])
        let kept = try Self.read(Array("a\n\nb\n".utf8), CSVReadOptions(skipEmptyLines: false))
        #expect(kept.map(\.fields) == [["a"], [""], ["b"]])
    }

    @Test(arguments: [("a,b,c\n1,2,3\n", ","), ("a;b;c\n1;2,5;3\n", ";"), ("a\tb\n1\t2\n", "\t"),
                      ("a|b|c\n1|2|3\n", "|"), ("a\u{01}b\n1\u{01}2\n", "\u{01}"), ("single\nrow\n", ",")])
    func delimiter_is_detected(_ text: String, _ expected: String) throws {
        let reader = try CSVReader(contentsOf: try Self.file(Array(text.utf8)))
        #expect(String(reader.delimiter) == expected)
    }

    @Test func quoted_delimiters_do_not_fool_detection() throws {
        let text = "\"a;b\",\"c;d\",e\n\"1;2\",\"3;4\",5\n"
        let reader = try CSVReader(contentsOf: try Self.file(Array(text.utf8)))
        #expect(reader.delimiter == ",")
        #expect(try reader.readAll()[1].fields == ["1;2", "3;4", "5"])
    }

    @Test func unterminated_quote_is_an_error_with_the_line() throws {
        let text = "a,b\n1,2\n3,\"never closed\n4,5\n"
        do {
            _ = try Self.read(Array(text.utf8))
        } catch {
            guard case let .malformedCSV(_, line, message) = error as? TableError else { Issue.record("\(error)"); return }
            #expect(line == 3)
            #expect(message.contains("never closed"))
        }
    }

    @Test func empty_files_and_bom_only_files_have_no_records() throws {
        #expect(try Self.read([]).isEmpty)
        #expect(try Self.read([0xEF, 0xBB, 0xBF]).isEmpty)
        #expect(try Self.read([0xFF, 0xFE]).isEmpty)
    }

    @Test func records_before_an_error_are_delivered_and_nothing_is_truncated() throws {
        // The last line has no newline: it must still come out.
        let records = try Self.read(Array("a,b\n1,\"x\"".utf8))
        #expect(records.map(\.fields) == [["a", "b"], ["1", "x"]])
    }

    @Test func invalid_utf8_under_forced_utf8_is_replaced_and_counted() throws {
        let reader = try CSVReader(contentsOf: try Self.file(Array("a,".utf8) + [0xFF] + Array(",b\n".utf8)),
                                   options: CSVReadOptions(encoding: .utf8))
        #expect(try reader.readAll().map(\.fields) == [["a", "\u{FFFD}", "b"]])
        #expect(reader.decodeErrors == 1)
    }

    @Test func random_tables_round_trip_through_writer_and_reader_at_any_chunk_size() throws {
        var rng = SeededGenerator(seed: 42)
        let alphabet = ["a", "b", "长", "\"", ",", "\n", "\r\n", " ", "0", "é", "😀", ";"]
        for round in 0..<30 {
            let columns = Int.random(in: 1...5, using: &rng)
            var rows: [[String]] = []
            for _ in 0..<Int.random(in: 1...20, using: &rng) {
                rows.append((0..<columns).map { _ in
                    (0..<Int.random(in: 0...6, using: &rng)).map { _ in alphabet.randomElement(using: &rng) ?? "" }.joined()
                })
            }
            rows.insert((0..<columns).map { "h\($0)" }, at: 0)  // a header without blanks
            var writer = try CSVWriter(options: .init(byteOrderMark: round % 2 == 0, lineEnding: round % 3 == 0 ? .lf : .crlf))
            for row in rows { writer.appendRow(row) }
            let chunk = [1, 2, 3, 5, 64, 1 << 20][round % 6]
            let records = try Self.read(writer.bytes, CSVReadOptions(delimiter: ",", skipEmptyLines: false, chunkSize: chunk))
            // A row of one empty field is written as an empty line; it reads back as [""].
            #expect(records.map(\.fields) == rows, "round \(round)")
        }
    }
}
