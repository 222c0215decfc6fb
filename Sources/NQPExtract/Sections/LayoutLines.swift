import Foundation
import NQPEncoding

/// The layout text split at "\n" exactly as `MatchTextBuilder` counts lines (at the byte 0x0A), with helpers for
/// heading search.
///
/// Lines are kept as byte offsets into the layout's UTF-8, not as `Substring`s: a report has tens of thousands of
/// lines (every table cell is one) and only a few hundred are ever looked at as text, so splitting by `Character`
/// and materialising each line cost more than the whole HTML scan.
struct LayoutLines {
    private let text: String
    /// UTF-8 offset of each line's start, plus one final entry one past the end (where a next line would start).
    private let starts: [Int]

    init(_ layout: String) {
        var text = layout
        text.makeContiguousUTF8()
        var starts: [Int] = [0]
        text.utf8.withContiguousStorageIfAvailable { bytes in
            guard let base = bytes.baseAddress else { return }
            var position = 0
            while position < bytes.count,
                  let hit = memchr(base + position, 0x0A, bytes.count - position) {
                let offset = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
                starts.append(offset + 1)
                position = offset + 1
            }
        }
        starts.append(text.utf8.count + 1)
        self.text = text
        self.starts = starts
    }

    var count: Int { starts.count - 1 }

    /// Line `index` (without its "\n").
    func line(_ index: Int) -> Substring {
        let utf8 = text.utf8
        let from = utf8.index(utf8.startIndex, offsetBy: starts[index])
        let to = utf8.index(utf8.startIndex, offsetBy: starts[index + 1] - 1)
        return text[from..<to]
    }

    /// Runs `body` on the UTF-8 bytes of line `index`.
    func withLineBytes<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let start = starts[index], end = starts[index + 1] - 1
        if let result = text.utf8.withContiguousStorageIfAvailable({ bytes in
            body(UnsafeBufferPointer(rebasing: bytes[start..<end]))
        }) {
            return result
        }
        return Array(line(index).utf8).withUnsafeBufferPointer(body)
    }

    /// The line trimmed of Unicode whitespace (NBSP and U+3000 included).
    func trimmed(_ index: Int) -> Substring {
        let line = line(index)
        let scalars = line.unicodeScalars
        guard let first = scalars.firstIndex(where: { !MatchText.isWhitespace($0) }),
              let last = scalars.lastIndex(where: { !MatchText.isWhitespace($0) }) else { return "" }
        return Substring(scalars[first...last])
    }

    /// Match text of the line (`MatchText.normalize` of the line alone).
    func matchText(_ index: Int) -> String {
        String(decoding: withLineBytes(index) { MatchTextBuilder.normalizedBytes($0) }, as: UTF8.self)
    }

    /// Match text of the line with every space removed (how Chinese headings are compared).
    func compactKey(_ index: Int) -> String {
        String(decoding: compactKeyBytes(index), as: UTF8.self)
    }

    /// UTF-8 of `compactKey(index)`.
    func compactKeyBytes(_ index: Int) -> [UInt8] {
        let normalized = withLineBytes(index) { MatchTextBuilder.normalizedBytes($0) }
        guard normalized.contains(0x20) else { return normalized }
        var key: [UInt8] = []
        key.reserveCapacity(normalized.count)
        var k = 0
        while k < normalized.count {
            let b = normalized[k]
            if b != 0x20 {
                key.append(b)
            } else if k + 1 < normalized.count, normalized[k + 1] >= 0x80,
                      !Self.isStableStarter(normalized, at: k + 1) {
                // Foundation's (non-literal) search decides whether a space before a combining mark is " ";
                // leave that rare case to it, so the key stays exactly what it always was.
                let string = String(decoding: normalized, as: UTF8.self)
                return Array(string.replacingOccurrences(of: " ", with: "").utf8)
            }
            k += 1
        }
        return key
    }

    private static func isStableStarter(_ bytes: [UInt8], at index: Int) -> Bool {
        bytes.withUnsafeBufferPointer { ScalarClass.isNFKCStable(UTF8Bytes.decode($0, at: index).value) }
    }

    /// Index of the next line after `index` that is not blank, looking at most `limit` lines ahead.
    func nextNonBlank(after index: Int, limit: Int = 3) -> Int? {
        var i = index + 1
        while i < count && i <= index + limit {
            if !trimmed(i).isEmpty { return i }
            i += 1
        }
        return nil
    }

    /// Index of the previous non-blank line before `index`, looking at most `limit` lines back.
    func previousNonBlank(before index: Int, limit: Int = 3) -> Int? {
        var i = index - 1
        while i >= 0 && i >= index - limit {
            if !trimmed(i).isEmpty { return i }
            i -= 1
        }
        return nil
    }

    /// Whether the first visible scalar of the line can start a heading: a cheap filter so only a few lines
    /// per report are normalised and matched against regexes. `firstScalars` nil means every line can.
    func mayStartHeading(_ index: Int, firstScalars: Set<UInt32>?) -> Bool {
        guard let firstScalars else { return true }
        return withLineBytes(index) { bytes in
            guard let first = Self.firstVisibleScalar(bytes) else { return false }
            return firstScalars.contains(first.value)
        }
    }

    /// The lines that `mayStartHeading` accepts and `accept` (given the line's bytes from its first visible
    /// scalar on) does not rule out, in order; one pass over the text with no per-line allocation or
    /// reference counting (this runs over every line of every report).
    func candidates(firstScalars: Set<UInt32>?,
                    accept: (UnsafeBufferPointer<UInt8>) -> Bool = { _ in true }) -> [Int] {
        let filter = firstScalars.map(ScalarFilter.init)
        var result: [Int] = []
        let lineCount = count
        starts.withUnsafeBufferPointer { starts in
            let scan = { (bytes: UnsafeBufferPointer<UInt8>) in
                for index in 0..<lineCount {
                    let line = UnsafeBufferPointer(rebasing: bytes[starts[index]..<(starts[index + 1] - 1)])
                    guard let first = Self.firstVisibleScalar(line) else {
                        if filter == nil { result.append(index) }
                        continue
                    }
                    if let filter, !filter.contains(first.value) { continue }
                    if accept(UnsafeBufferPointer(rebasing: line[first.offset...])) { result.append(index) }
                }
            }
            if text.utf8.withContiguousStorageIfAvailable(scan) == nil {
                Array(text.utf8).withUnsafeBufferPointer(scan)
            }
        }
        return result
    }

    /// The first scalar of `bytes` that is not Unicode whitespace, and its byte offset.
    private static func firstVisibleScalar(_ bytes: UnsafeBufferPointer<UInt8>) -> (value: UInt32, offset: Int)? {
        var k = 0
        while k < bytes.count {
            let b = bytes[k]
            if b < 0x80 {
                if b == 0x20 || (b >= 0x09 && b <= 0x0D) { k += 1; continue }
                return (UInt32(b), k)
            }
            let (v, n) = UTF8Bytes.decode(bytes, at: k)
            if !ScalarClass.isWhitespace(v) { return (v, k) }
            k += n
        }
        return nil
    }

    /// Scalars that can begin a line matched by all `patterns` (each anchored with `^`), in the layout text
    /// (full-width forms of ASCII included, since matching happens after NFKC); nil when a pattern starts
    /// with something this simple reading cannot enumerate (then every line is tried).
    static func firstScalars(of patterns: [String]) -> Set<UInt32>? {
        var result: Set<UInt32> = []
        for pattern in patterns {
            var scalars = Array(pattern.unicodeScalars)
            guard scalars.first == "^" else { return nil }
            scalars.removeFirst()
            // Step into a leading group: `^(?<number>[0-9]…`, `^(?:第…`, `^(第…`.
            if scalars.first == "(" {
                if scalars.count > 2 && scalars[1] == "?" && scalars[2] == "<",
                   let close = scalars.firstIndex(of: ">") {
                    scalars.removeSubrange(0...close)
                } else if scalars.count > 2 && scalars[1] == "?" && scalars[2] == ":" {
                    scalars.removeSubrange(0...2)
                } else {
                    scalars.removeFirst()
                }
            }
            guard let head = scalars.first else { return nil }
            if head == "[" {
                guard let close = scalars.firstIndex(of: "]"), close > 1, scalars[1] != "^" else { return nil }
                let body = Array(scalars[1..<close])
                var i = 0
                while i < body.count {
                    if body[i] == "\\" { return nil }
                    if i + 2 < body.count && body[i + 1] == "-" {
                        guard body[i].value <= body[i + 2].value else { return nil }
                        for v in body[i].value...body[i + 2].value { result.insert(v) }
                        i += 3
                    } else {
                        result.insert(body[i].value)
                        i += 1
                    }
                }
            } else if "\\().*+?|{".unicodeScalars.contains(head) {
                return nil
            } else {
                result.insert(head.value)
            }
        }
        // Full-width variants of ASCII first scalars (NFKC maps them back) and the lower/upper case pair.
        for v in result where v >= 0x21 && v <= 0x7E {
            result.insert(v + 0xFEE0)
            if let scalar = Unicode.Scalar(v), scalar.properties.isAlphabetic {
                for other in String(scalar).lowercased().unicodeScalars { result.insert(other.value); result.insert(other.value + 0xFEE0) }
                for other in String(scalar).uppercased().unicodeScalars { result.insert(other.value); result.insert(other.value + 0xFEE0) }
            }
        }
        return result
    }
}

/// A set of scalars tested once per layout line: a bitmap for the BMP, a `Set` beyond.
private struct ScalarFilter {
    private var bits = [UInt64](repeating: 0, count: 1024)
    private var others: Set<UInt32> = []

    init(_ scalars: Set<UInt32>) {
        for v in scalars {
            if v < 0x10000 { bits[Int(v >> 6)] |= 1 << UInt64(v & 63) } else { others.insert(v) }
        }
    }

    @inline(__always)
    func contains(_ v: UInt32) -> Bool {
        v < 0x10000 ? bits[Int(v >> 6)] & (1 << UInt64(v & 63)) != 0 : others.contains(v)
    }
}
