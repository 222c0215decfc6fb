/// Decodes bytes in a known encoding to UTF-8. Invalid sequences become U+FFFD and are counted; nothing is
/// dropped. A leading byte-order mark (U+FEFF) is removed.
public enum TextDecoder {
    /// Decodes `bytes` as `encoding`.
    /// - Throws: `EncodingError.unsupported` when iconv on this system does not know the encoding.
    public static func decode(_ bytes: [UInt8], as encoding: TextEncoding) throws(EncodingError) -> DecodedBytes {
        if encoding == .utf8 {
            // Valid UTF-8 (the common case) is returned without copying.
            return UTF8Repair.repair(bytes)
        }
        let result: Result<DecodedBytes, EncodingError> = bytes.withUnsafeBytes { raw in
            do throws(EncodingError) { return .success(try decode(raw, as: encoding)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    /// Decodes the bytes in `buffer` as `encoding`.
    public static func decode(_ buffer: UnsafeRawBufferPointer,
                              as encoding: TextEncoding) throws(EncodingError) -> DecodedBytes {
        switch encoding {
        case .utf8:
            return UTF8Repair.repair(buffer)
        case .utf16LittleEndian:
            return UTF16Decoder.decode(buffer, bigEndian: false)
        case .utf16BigEndian:
            return UTF16Decoder.decode(buffer, bigEndian: true)
        case .gb18030, .big5, .other:
            if encoding == .gb18030, var utf8 = GB18030TableDecoder.decode(buffer) {
                dropLeadingByteOrderMark(&utf8)
                return DecodedBytes(utf8: utf8, decodeErrors: 0)
            }
            guard let converter = IconvConverter(from: encoding.iconvName) else {
                throw .unsupported(label: encoding.name)
            }
            var decoded = converter.convert(buffer)
            dropLeadingByteOrderMark(&decoded.utf8)
            return decoded
        }
    }

    static func dropLeadingByteOrderMark(_ utf8: inout [UInt8]) {
        if utf8.count >= 3, utf8[0] == 0xEF, utf8[1] == 0xBB, utf8[2] == 0xBF {
            utf8.removeFirst(3)
        }
    }
}
