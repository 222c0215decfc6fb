/// Finds the charset label in HTML `<meta>` tags (a simplified WHATWG prescan: skips comments, reads quoted and
/// unquoted attribute values, accepts `charset=` inside `content` of any meta).
struct MetaCharsetScanner {
    let buffer: UnsafeRawBufferPointer
    let limit: Int

    init(buffer: UnsafeRawBufferPointer, limit: Int) {
        self.buffer = buffer
        self.limit = min(limit, buffer.count)
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C }

    @inline(__always) private func lower(_ b: UInt8) -> UInt8 {
        (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b
    }

    private func matches(_ word: String, at i: Int) -> Bool {
        var k = i
        for c in word.utf8 {
            guard k < limit, lower(buffer[k]) == c else { return false }
            k += 1
        }
        return true
    }

    func firstLabel() -> String? {
        var i = 0
        while i < limit {
            guard buffer[i] == UInt8(ascii: "<") else { i += 1; continue }
            if matches("<!--", at: i) {
                i = skip(past: "-->", from: i + 4)
                continue
            }
            if matches("<meta", at: i), i + 5 < limit, Self.isSpace(buffer[i + 5]) || buffer[i + 5] == 0x2F {
                let end = tagEnd(from: i + 5)
                let attributes = self.attributes(from: i + 5, to: end)
                if let charset = attributes["charset"], !charset.isEmpty { return charset }
                if let content = attributes["content"], let label = Self.charset(inContent: content) {
                    return label
                }
                i = end
                continue
            }
            // Past the first 4 KB, stop at the body: a meta there is not the document's declaration.
            if i >= 4096, matches("<body", at: i) { return nil }
            i += 1
        }
        return nil
    }

    private func skip(past terminator: String, from start: Int) -> Int {
        var i = start
        while i < limit {
            if matches(terminator, at: i) { return i + terminator.utf8.count }
            i += 1
        }
        return limit
    }

    /// Index of the `>` that ends the tag (quotes respected), or `limit`.
    private func tagEnd(from start: Int) -> Int {
        var i = start
        var quote: UInt8 = 0
        while i < limit {
            let b = buffer[i]
            if quote != 0 {
                if b == quote { quote = 0 }
            } else if b == 0x22 || b == 0x27 {
                quote = b
            } else if b == UInt8(ascii: ">") {
                return i
            }
            i += 1
        }
        return limit
    }

    /// Attribute names (lower-cased) and values between `start` and `end`.
    func attributes(from start: Int, to end: Int) -> [String: String] {
        var result: [String: String] = [:]
        var i = start
        while i < end {
            while i < end, Self.isSpace(buffer[i]) || buffer[i] == 0x2F { i += 1 }
            let nameStart = i
            while i < end, !Self.isSpace(buffer[i]), buffer[i] != UInt8(ascii: "="), buffer[i] != 0x2F { i += 1 }
            if i == nameStart { i += 1; continue }
            let name = String(decoding: UnsafeRawBufferPointer(rebasing: buffer[nameStart..<i]), as: UTF8.self)
                .lowercased()
            while i < end, Self.isSpace(buffer[i]) { i += 1 }
            var value = ""
            if i < end, buffer[i] == UInt8(ascii: "=") {
                i += 1
                while i < end, Self.isSpace(buffer[i]) { i += 1 }
                if i < end, buffer[i] == 0x22 || buffer[i] == 0x27 {
                    let quote = buffer[i]
                    let valueStart = i + 1
                    i = valueStart
                    while i < end, buffer[i] != quote { i += 1 }
                    value = String(decoding: UnsafeRawBufferPointer(rebasing: buffer[valueStart..<i]), as: UTF8.self)
                    i += 1
                } else {
                    let valueStart = i
                    while i < end, !Self.isSpace(buffer[i]) { i += 1 }
                    value = String(decoding: UnsafeRawBufferPointer(rebasing: buffer[valueStart..<i]), as: UTF8.self)
                }
            }
            if result[name] == nil { result[name] = value }
        }
        return result
    }

    /// The label after `charset=` in a `content` attribute (`text/html; charset=gbk`).
    static func charset(inContent content: String) -> String? {
        let bytes = Array(content.utf8)
        let key = Array("charset".utf8)
        var i = 0
        while i + key.count <= bytes.count {
            var hit = true
            for k in 0..<key.count where (bytes[i + k] | 0x20) != key[k] { hit = false; break }
            if hit {
                var j = i + key.count
                while j < bytes.count, isSpace(bytes[j]) { j += 1 }
                guard j < bytes.count, bytes[j] == UInt8(ascii: "=") else { i += 1; continue }
                j += 1
                while j < bytes.count, isSpace(bytes[j]) || bytes[j] == 0x22 || bytes[j] == 0x27 { j += 1 }
                let start = j
                while j < bytes.count, !isSpace(bytes[j]), bytes[j] != 0x3B, bytes[j] != 0x22, bytes[j] != 0x27 {
                    j += 1
                }
                return j > start ? String(decoding: bytes[start..<j], as: UTF8.self) : nil
            }
            i += 1
        }
        return nil
    }
}
