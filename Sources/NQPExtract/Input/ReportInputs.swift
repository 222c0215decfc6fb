import Foundation
import NQPEncoding
internal import ZIPFoundation

/// Reads report files from disk: plain, gzip-compressed (by magic bytes, not only by name) and zip archives.
public enum ReportInputs {
    /// The reports in the file at `url`: one for a plain or gzip file; one per member for a zip archive (members
    /// may themselves be gzip-compressed; directories and macOS resource forks are skipped). Members are named
    /// `archive.zip/member.html`.
    /// - Throws: `ExtractError` (unreadable, empty, corrupt gzip or zip) naming the file and, for gzip, the offset.
    public static func load(fileAt url: URL) throws(ExtractError) -> [ReportInput] {
        let path = url.path
        let bytes: [UInt8]
        do {
            bytes = [UInt8](try Data(contentsOf: url, options: .mappedIfSafe))
        } catch {
            throw .unreadableFile(path: path, reason: readReason(error))
        }
        guard !bytes.isEmpty else { throw .emptyFile(path: path) }
        if isZip(bytes) {
            return try loadZip(at: url, path: path)
        }
        return [try input(path: path, bytes: bytes)]
    }

    /// One report from bytes: gunzips when they start with the gzip magic, and drops a `.gz` from the file name.
    public static func input(path: String, bytes: [UInt8]) throws(ExtractError) -> ReportInput {
        guard !bytes.isEmpty else { throw .emptyFile(path: path) }
        var content = bytes
        var fileName = ReportFormat.lastComponent(of: path)
        if GzipInflater.isGzip(bytes) {
            content = try GzipInflater.inflate(bytes, path: path)
            guard !content.isEmpty else { throw .emptyFile(path: path) }
        }
        if fileName.lowercased().hasSuffix(".gz") { fileName.removeLast(3) }
        return ReportInput(path: path, fileName: fileName, bytes: content)
    }

    static func isZip(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 4 && bytes[0] == 0x50 && bytes[1] == 0x4B && bytes[2] == 0x03 && bytes[3] == 0x04
    }

    private static func loadZip(at url: URL, path: String) throws(ExtractError) -> [ReportInput] {
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw .corruptZip(path: path, member: nil, reason: "cannot open the archive (\(error))")
        }
        var inputs: [ReportInput] = []
        let entries = archive.filter { $0.type == .file }.sorted { $0.path < $1.path }
        for entry in entries {
            let member = entry.path
            if member.hasPrefix("__MACOSX/") || ReportFormat.lastComponent(of: member).hasPrefix("._") { continue }
            var data = Data()
            do {
                _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
            } catch {
                throw .corruptZip(path: path, member: member, reason: "cannot extract (\(error))")
            }
            let memberPath = path + "/" + member
            if data.isEmpty { throw .emptyFile(path: memberPath) }
            inputs.append(try input(path: memberPath, bytes: [UInt8](data)))
        }
        return inputs
    }

    private static func readReason(_ error: any Error) -> String {
        FileErrorReason.describe(error)
    }
}
