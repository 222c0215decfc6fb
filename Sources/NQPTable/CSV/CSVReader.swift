import Foundation
import NQPEncoding

/// Streams the records of a delimited text file (CSV, TSV, CSMAR and Wind exports) in chunks, so memory stays flat
/// for large downloads. Header handling is the caller's: every line, headers included, comes back as a record.
///
///     let reader = try CSVReader(contentsOf: url)
///     while let record = try reader.next() { … record.fields … record.line … }
///
/// Encoding: a byte-order mark wins (UTF-8, UTF-16 LE/BE); then `options.encoding`; else the whole file is checked
/// for valid UTF-8 and, failing that, read as GB18030 (superset of GBK/GB2312). Undecodable bytes become U+FFFD and
/// are counted in `decodeErrors` — nothing is dropped. An unterminated quote at end of file throws `malformedCSV`
/// with the line where the record started.
public final class CSVReader {
    /// The file path (used in errors).
    public let path: String
    /// The encoding the file is read as.
    public let encoding: TextEncoding
    /// Why that encoding: "byte-order mark", "forced", "valid UTF-8" or "fallback (not valid UTF-8)".
    public let encodingSource: String
    /// The field separator in use (given or detected).
    public let delimiter: Unicode.Scalar
    /// Invalid byte sequences replaced by U+FFFD so far.
    public var decodeErrors: Int { transcoder.decodeErrors }

    private let handle: FileHandle
    private let chunkSize: Int
    private var transcoder: ChunkTranscoder
    private var parser: CSVParser
    private var records: [CSVRecord] = []
    private var position = 0
    private var atEnd = false
    private var firstDecoded: [UInt8]?

    /// Opens `url` for streaming.
    public init(contentsOf url: URL, options: CSVReadOptions = CSVReadOptions()) throws(TableError) {
        path = url.path
        if let d = options.delimiter, !d.isASCII {
            throw .invalidOption("CSV delimiter must be one ASCII character, got U+\(String(d.value, radix: 16))")
        }
        guard options.quote.isASCII else { throw .invalidOption("CSV quote must be one ASCII character") }
        do {
            handle = try FileHandle(forReadingFrom: url)
        } catch {
            throw .io(path: url.path, operation: "open for reading", reason: FileErrorReason.describe(error))
        }
        chunkSize = max(1, options.chunkSize)

        // Sniff: BOM, forced, valid UTF-8 (whole file), GB18030.
        let headSize = max(chunkSize, 4)  // room for any byte-order mark
        let head = try Self.read(handle, count: headSize, path: url.path)
        var skip = 0
        let chosen: TextEncoding
        let source: String
        if head.starts(with: [0xEF, 0xBB, 0xBF]) {
            chosen = .utf8; source = "byte-order mark"; skip = 3
        } else if head.starts(with: [0xFF, 0xFE]) {
            chosen = .utf16LittleEndian; source = "byte-order mark"; skip = 2
        } else if head.starts(with: [0xFE, 0xFF]) {
            chosen = .utf16BigEndian; source = "byte-order mark"; skip = 2
        } else if let forced = options.encoding {
            chosen = forced; source = "forced"
        } else if try Self.isValidUTF8(handle: handle, head: head, chunkSize: headSize, path: url.path) {
            chosen = .utf8; source = "valid UTF-8"
        } else {
            chosen = .gb18030; source = "fallback (not valid UTF-8)"
        }
        encoding = chosen
        encodingSource = source
        transcoder = ChunkTranscoder(encoding: chosen)

        // Decode the first chunk to detect the delimiter; it is then parsed first.
        var first = try Self.decode(&transcoder, head[skip...], final: head.count < headSize, path: url.path)
        var more = head.count == headSize
        // Make sure at least a few lines are available for detection (legacy encodings cut at LF).
        while more && first.count < 4096 {
            let next = try Self.read(handle, count: chunkSize, path: url.path)
            more = next.count == chunkSize
            first.append(contentsOf: try Self.decode(&transcoder, next[...], final: !more, path: url.path))
        }
        atEnd = !more
        let quote = UInt8(options.quote.value)
        let chosenDelimiter = options.delimiter ?? CSVDelimiterDetector.detect(in: first, quote: quote)
        delimiter = chosenDelimiter
        parser = CSVParser(delimiter: UInt8(chosenDelimiter.value), quote: quote,
                           skipEmptyLines: options.skipEmptyLines)
        firstDecoded = first
    }

    deinit { try? handle.close() }

    /// The next record, or nil at end of file.
    public func next() throws(TableError) -> CSVRecord? {
        while position >= records.count {
            records.removeAll(keepingCapacity: true)
            position = 0
            if let first = firstDecoded {
                firstDecoded = nil
                parse(first)
                if atEnd { try finish() }
                continue
            }
            if atEnd { return nil }
            let raw = try Self.read(handle, count: chunkSize, path: path)
            let isLast = raw.count < chunkSize
            parse(try Self.decode(&transcoder, raw[...], final: isLast, path: path))
            if isLast { atEnd = true; try finish() }
            if atEnd && records.isEmpty { return nil }
        }
        defer { position += 1 }
        return records[position]
    }

    /// Reads every remaining record.
    public func readAll() throws(TableError) -> [CSVRecord] {
        var all: [CSVRecord] = []
        while let record = try next() { all.append(record) }
        return all
    }

    /// Convenience: all records of a file.
    public static func records(contentsOf url: URL, options: CSVReadOptions = CSVReadOptions())
        throws(TableError) -> [CSVRecord] {
        try CSVReader(contentsOf: url, options: options).readAll()
    }

    private func parse(_ utf8: [UInt8]) {
        utf8.withUnsafeBufferPointer { parser.feed($0, into: &records) }
    }

    private func finish() throws(TableError) {
        if !parser.finish(into: &records) {
            throw .malformedCSV(path: path, line: parser.currentRecordLine,
                                message: "quoted field starting on this line is never closed (unterminated quote at end of file); check for a stray \" character")
        }
    }

    private static func decode(_ transcoder: inout ChunkTranscoder, _ raw: ArraySlice<UInt8>, final: Bool,
                               path: String) throws(TableError) -> [UInt8] {
        do { return try transcoder.feed(raw, final: final) } catch {
            throw .io(path: path, operation: "decode as \(transcoder.encoding.name)", reason: error.description)
        }
    }

    private static func read(_ handle: FileHandle, count: Int, path: String) throws(TableError) -> [UInt8] {
        do {
            var out: [UInt8] = []
            // FileHandle may return short reads on pipes; loop until `count` or EOF.
            while out.count < count {
                guard let data = try handle.read(upToCount: count - out.count), !data.isEmpty else { break }
                out.append(contentsOf: data)
            }
            return out
        } catch {
            throw .io(path: path, operation: "read", reason: FileErrorReason.describe(error))
        }
    }

    private static func isValidUTF8(handle: FileHandle, head: [UInt8], chunkSize: Int, path: String)
        throws(TableError) -> Bool {
        var carry: [UInt8] = []
        var chunk = head
        defer { try? handle.seek(toOffset: UInt64(head.count)) }
        while true {
            let buffer = carry + chunk
            guard let tail = buffer.withUnsafeBufferPointer({ UTF8Validation.validPrefixLength($0) }) else {
                return false
            }
            carry = Array(buffer.suffix(tail))
            if chunk.count < chunkSize { return tail == 0 }
            chunk = try read(handle, count: chunkSize, path: path)
        }
    }
}
