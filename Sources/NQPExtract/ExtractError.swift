/// Everything that can go wrong while turning one report file into text.
///
/// Each case names the file (for zip members: `archive.zip/member.html`) and, where the problem has a
/// position, the byte offset, so that a batch can list the reason next to the file and carry on.
public enum ExtractError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be opened or read (missing, a directory, no permission, I/O error).
    case unreadableFile(path: String, reason: String)
    /// The file (or archive member, after decompression) has no bytes at all.
    case emptyFile(path: String)
    /// A gzip stream is damaged or truncated; `byteOffset` is the position in the compressed file.
    case corruptGzip(path: String, byteOffset: Int, reason: String)
    /// A zip archive cannot be read, or one of its members cannot be extracted.
    case corruptZip(path: String, member: String?, reason: String)
    /// The bytes look like a binary file (image, Office document, executable), not a report.
    case binaryContent(path: String, byteOffset: Int, reason: String)
    /// The configured or declared encoding cannot be converted by this system (iconv knows no such name).
    case unsupportedEncoding(path: String, label: String)
    /// A file is larger than nqp can hold (decompressed size beyond the limit).
    case tooLarge(path: String, byteCount: Int, limit: Int)
    /// The markup parser gave up on the document (libxml2 returned no document).
    case parserFailure(path: String, reason: String)
    /// No firm or year could be found for a report (used by the identity stage).
    case unidentified(path: String, reason: String)
    /// A PDF that cannot be read, or whose text cannot be used (scanned, unreadable text layer, password).
    case pdf(PDFError)

    /// The file the error is about.
    public var path: String {
        switch self {
        case let .unreadableFile(path, _), let .emptyFile(path), let .corruptGzip(path, _, _),
             let .corruptZip(path, _, _), let .binaryContent(path, _, _), let .unsupportedEncoding(path, _),
             let .tooLarge(path, _, _), let .parserFailure(path, _), let .unidentified(path, _):
            return path
        case let .pdf(error):
            return error.path
        }
    }

    public var description: String {
        switch self {
        case let .unreadableFile(path, reason):
            return "\(path): cannot read the file (\(reason)); check that it exists and is readable"
        case let .emptyFile(path):
            return "\(path): the file is empty; remove it from the input folder or replace it with the full report"
        case let .corruptGzip(path, offset, reason):
            return "\(path): corrupt gzip data at byte \(offset) (\(reason)); "
                + "re-download the file or check it with `gzip -t`"
        case let .corruptZip(path, member, reason):
            let which = member.map { " member '\($0)'" } ?? ""
            return "\(path):\(which) corrupt zip archive (\(reason)); re-download it or check it with `unzip -t`"
        case let .binaryContent(path, offset, reason):
            return "\(path): not a text report (\(reason), byte \(offset)); "
                + "convert it to HTML, text or PDF first, or remove it from the inputs"
        case let .unsupportedEncoding(path, label):
            return "\(path): encoding '\(label)' is not supported by this system's iconv; "
                + "set `encoding:` in pipeline.yml (e.g. gb18030, big5, utf-8) or use --encoding"
        case let .tooLarge(path, count, limit):
            return "\(path): \(count)+ bytes, more than the limit of \(limit) bytes (sizes after decompression: a "
                + "decompression bomb or an unusually large report) — quarantined without reading the rest; split the "
                + "file or raise reports.max_inflated_mb in pipeline.yml, then rerun with --retry-failed"
        case let .parserFailure(path, reason):
            return "\(path): the markup parser failed (\(reason)); try --parser fast or check the file"
        case let .unidentified(path, reason):
            return "\(path): cannot tell which firm and year this report belongs to (\(reason)); "
                + "add it to the manifest CSV or rename it like 000001_2019_report.html"
        case let .pdf(error):
            return error.description
        }
    }
}
