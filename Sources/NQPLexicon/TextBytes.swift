/// Sentence and clause delimiters in UTF-8 bytes, for the negation window and keyword contexts (scalar counting
/// and stepping: `UTF8Bytes` in NQPEncoding).
enum TextBytes {
    /// Clause delimiters stop the negation window: ASCII `, ; : ! ?` and line breaks; 。、，；：！？.
    static func isClauseDelimiter(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        switch range.count {
        case 1:
            switch text[range.lowerBound] {
            case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "!"), UInt8(ascii: "?"),
                 UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                return true
            default:
                return false
            }
        case 3:
            let a = text[range.lowerBound], b = text[range.lowerBound + 1], c = text[range.lowerBound + 2]
            if a == 0xE3, b == 0x80, c == 0x81 || c == 0x82 { return true } // 、 。
            if a == 0xEF, b == 0xBC, [0x8C, 0x9B, 0x9A, 0x81, 0x9F].contains(c) { return true } // ，；：！？
            return false
        default:
            return false
        }
    }

    /// The start of the sentence containing byte `index`: just after the last sentence delimiter before it.
    static func sentenceStart(_ text: UnsafeBufferPointer<UInt8>, before index: Int) -> Int {
        var position = index - 1
        while position >= 0 {
            let byte = text[position]
            switch byte {
            case UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ";"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                return position + 1
            case UInt8(ascii: "."):
                if position + 1 >= text.count || text[position + 1] == UInt8(ascii: " ") { return position + 1 }
            case 0x82 where position >= 2 && text[position - 1] == 0x80 && text[position - 2] == 0xE3: // 。
                return position + 1
            case 0x81, 0x9F, 0x9B: // ！？；
                if position >= 2, text[position - 1] == 0xBC, text[position - 2] == 0xEF { return position + 1 }
            default:
                break
            }
            position -= 1
        }
        return 0
    }

    /// The end of the sentence containing byte `index`: the first sentence delimiter at or after it.
    static func sentenceEnd(_ text: UnsafeBufferPointer<UInt8>, from index: Int) -> Int {
        var position = index
        while position < text.count {
            switch text[position] {
            case UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ";"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                return position
            case UInt8(ascii: "."):
                if position + 1 >= text.count || text[position + 1] == UInt8(ascii: " ") { return position }
            case 0xE3:
                if position + 2 < text.count, text[position + 1] == 0x80, text[position + 2] == 0x82 { return position }
            case 0xEF:
                if position + 2 < text.count, text[position + 1] == 0xBC,
                   [0x81, 0x9F, 0x9B].contains(text[position + 2]) { return position }
            default:
                break
            }
            position += 1
        }
        return text.count
    }
}
