#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// GB18030 (and so GBK, GB2312) → UTF-8 without calling iconv per character: ASCII runs are copied, two-byte
/// characters come from a table built once from iconv itself, and the rare four-byte sequences go to iconv one
/// at a time. It only handles well-formed input: at the first byte sequence it cannot vouch for (an invalid or
/// unmapped code, a truncated sequence) it gives up and `TextDecoder` converts the whole buffer with iconv, so
/// the result — including how damaged input is repaired and counted — is always exactly iconv's.
///
/// Why: glibc's GB18030 converter costs ~35 instructions per byte, ASCII markup included, which made it a tenth
/// of the extract time of a GBK report; the table path is a copy for ASCII and a lookup per Chinese character.
enum GB18030TableDecoder {
    /// UTF-8 of each two-byte code, index `(lead - 0x81) * 192 + (trail - 0x40)`: the bytes in the low 24 bits
    /// (first byte lowest), the length in the top byte; 0 when iconv does not convert the pair on its own.
    static let twoByteTable: [UInt32] = buildTable()

    /// The UTF-8 of `input`, or nil when it contains anything but ASCII and valid GB18030 sequences.
    static func decode(_ input: UnsafeRawBufferPointer) -> [UInt8]? {
        guard let base = input.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return [] }
        let n = input.count
        let table = twoByteTable
        guard !table.isEmpty else { return nil }
        var fourByteConverter: IconvConverter?
        // Two GB18030 bytes become at most three UTF-8 bytes, four become at most four.
        var out = [UInt8](repeating: 0, count: n + n / 2 + 16)
        var used = 0
        let ok = out.withUnsafeMutableBufferPointer { outBuffer -> Bool in
            guard let o = outBuffer.baseAddress else { return false }
            var i = 0
            while i < n {
                let b = base[i]
                if b < 0x80 {
                    let j = UTF8Validation.skipASCII(base, i + 1, n)
                    (o + used).update(from: base + i, count: j - i)
                    used += j - i
                    i = j
                    continue
                }
                guard b >= 0x81, b <= 0xFE, i + 1 < n else { return false }
                let trail = base[i + 1]
                if trail >= 0x30 && trail <= 0x39 {
                    // Four-byte sequence: rare (characters outside GBK); iconv converts it alone.
                    guard i + 3 < n else { return false }
                    if fourByteConverter == nil { fourByteConverter = IconvConverter(from: "GB18030") }
                    guard let converter = fourByteConverter else { return false }
                    let decoded = converter.convert(UnsafeRawBufferPointer(start: base + i, count: 4))
                    guard decoded.decodeErrors == 0, !decoded.utf8.isEmpty, decoded.utf8.count <= 4 else { return false }
                    for byte in decoded.utf8 { o[used] = byte; used += 1 }
                    i += 4
                    continue
                }
                guard trail >= 0x40, trail <= 0xFE else { return false }
                let entry = table[Int(b - 0x81) * 192 + Int(trail - 0x40)]
                guard entry != 0 else { return false }
                let length = Int(entry >> 24)
                o[used] = UInt8(truncatingIfNeeded: entry)
                o[used + 1] = UInt8(truncatingIfNeeded: entry >> 8)
                if length == 3 { o[used + 2] = UInt8(truncatingIfNeeded: entry >> 16) }
                used += length
                i += 2
            }
            return true
        }
        guard ok else { return nil }
        out.removeLast(out.count - used)
        return out
    }

    /// Converts every two-byte code once with iconv, a row (one lead byte) per call with a line feed after each
    /// code to tell their outputs apart; codes it rejects, or maps to anything but a single two- or three-byte
    /// UTF-8 character, stay 0 (the decoder then leaves the document to iconv).
    private static func buildTable() -> [UInt32] {
        let descriptor = iconv_open("UTF-8", "GB18030")
        guard let descriptor, Int(bitPattern: descriptor) != -1 else { return [] }
        defer { iconv_close(descriptor) }
        let trails: [UInt8] = Array(0x40...0x7E) + Array(0x80...0xFE)
        var table = [UInt32](repeating: 0, count: 126 * 192)
        var input = [CChar](repeating: 0x0A, count: trails.count * 3)
        var output = [CChar](repeating: 0, count: input.count * 2)
        for lead in 0x81...0xFE {
            for (k, trail) in trails.enumerated() {
                input[3 * k] = CChar(bitPattern: UInt8(lead))
                input[3 * k + 1] = CChar(bitPattern: trail)
            }
            var code = 0            // index into `trails` of the code whose output is being read
            var position = 0
            while position < input.count {
                iconv(descriptor, nil, nil, nil, nil)
                let (consumed, produced, failed): (Int, Int, Bool) = input.withUnsafeMutableBufferPointer { inBuffer in
                    output.withUnsafeMutableBufferPointer { outBuffer in
                        var inPointer: UnsafeMutablePointer<CChar>? = inBuffer.baseAddress! + position
                        var outPointer: UnsafeMutablePointer<CChar>? = outBuffer.baseAddress
                        var inLeft = inBuffer.count - position
                        var outLeft = outBuffer.count
                        let status = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
                        return (inBuffer.count - position - inLeft, outBuffer.count - outLeft, status == -1)
                    }
                }
                // Whole codes (two bytes and the line feed) were converted; their outputs end at line feeds.
                guard consumed % 3 == 0 else { return [] }
                var entry: UInt32 = 0
                var length = 0
                for index in 0..<produced {
                    let byte = UInt8(bitPattern: output[index])
                    if byte != 0x0A {
                        if length < 4 { entry |= UInt32(byte) << (8 * UInt32(length)) }
                        length += 1
                        continue
                    }
                    if let value = Self.entry(entry, length: length), code < trails.count {
                        table[(lead - 0x81) * 192 + Int(trails[code] - 0x40)] = value
                    }
                    code += 1
                    entry = 0
                    length = 0
                }
                position += consumed
                guard length == 0, code == position / 3 else { return [] }
                if failed {
                    code += 1         // the code at `position` was refused: skip it
                    position += 3
                }
            }
        }
        return table
    }

    /// The table entry for `length` UTF-8 bytes packed in `bytes`, if they are one two- or three-byte scalar.
    private static func entry(_ bytes: UInt32, length: Int) -> UInt32? {
        let b0 = bytes & 0xFF, b1 = (bytes >> 8) & 0xFF, b2 = (bytes >> 16) & 0xFF
        switch length {
        case 2 where b0 & 0xE0 == 0xC0 && b1 & 0xC0 == 0x80:
            return bytes | 2 << 24
        case 3 where b0 & 0xF0 == 0xE0 && b1 & 0xC0 == 0x80 && b2 & 0xC0 == 0x80:
            return bytes | 3 << 24
        default:
            return nil
        }
    }
}
