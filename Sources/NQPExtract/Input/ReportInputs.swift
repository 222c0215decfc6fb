import Foundation
import NQPEncoding
internal import ZIPFoundation

/// Reads report files from disk: plain, gzip-compressed (by magic bytes, not only by name) and zip archives.
public enum ReportInputs {
    /// The reports in the file at `url`: one for a plain or gzip file; one per member for a zip archive (members
    /// may themselves be gzip-compressed; directories and macOS resource forks are skipped). Members are named
    /// `archive.zip/member.html`.
    /// - Throws: `ExtractError` (unreadable, empty, corrupt gzip or zip) naming the file and, for gzip, the offset.
    /// Default of `reports.max_inflated_mb`: 512 MiB, larger than any annual report, small enough for a batch.
    public static let defaultMaxInflatedBytes = 512 << 20

    public static func load(fileAt url: URL,
                            maxBytes: Int = ReportInputs.defaultMaxInflatedBytes) throws(ExtractError) -> [ReportInput] {
        let path = url.path
        let bytes: [UInt8]
        var info = stat()
        // Only regular files are opened: reading a FIFO or a device such as /dev/zero blocks or never ends.
        if stat(path, &info) == 0, info.st_mode & S_IFMT != S_IFREG, info.st_mode & S_IFMT != S_IFDIR {
            throw .unreadableFile(path: path, reason: "not a regular file (a FIFO, device or socket); not opened")
        }
        if stat(path, &info) == 0, Int(info.st_size) > maxBytes {
            throw .tooLarge(path: path, byteCount: Int(info.st_size), limit: maxBytes)
        }
        if let direct = readDirectly(path: path, expectedCount: Int(info.st_size)) {
            bytes = direct
        } else {
            // Foundation's reader again, for its error message (or a file whose size changed while read).
            do {
                bytes = [UInt8](try Data(contentsOf: url, options: .mappedIfSafe))
            } catch {
                throw .unreadableFile(path: path, reason: readReason(error))
            }
        }
        guard !bytes.isEmpty else { throw .emptyFile(path: path) }
        if isZip(bytes) {
            return try loadZip(at: url, path: path, maxBytes: maxBytes)
        }
        return [try input(path: path, bytes: bytes, maxBytes: maxBytes)]
    }

    /// One report from bytes: gunzips when they start with the gzip magic, and drops a `.gz` from the file name.
    public static func input(path: String, bytes: [UInt8],
                             maxBytes: Int = ReportInputs.defaultMaxInflatedBytes) throws(ExtractError) -> ReportInput {
        guard !bytes.isEmpty else { throw .emptyFile(path: path) }
        var content = bytes
        var fileName = ReportFormat.lastComponent(of: path)
        if GzipInflater.isGzip(bytes) {
            content = try GzipInflater.inflate(bytes, path: path, maxBytes: maxBytes)
            guard !content.isEmpty else { throw .emptyFile(path: path) }
        }
        if fileName.lowercased().hasSuffix(".gz") { fileName.removeLast(3) }
        return ReportInput(path: path, fileName: fileName, bytes: content)
    }

    static func isZip(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 4 && bytes[0] == 0x50 && bytes[1] == 0x4B && bytes[2] == 0x03 && bytes[3] == 0x04
    }

    private static func loadZip(at url: URL, path: String, maxBytes: Int) throws(ExtractError) -> [ReportInput] {
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw .corruptZip(path: path, member: nil, reason: "cannot open the archive (\(FileErrorReason.describe(error)))")
        }
        var inputs: [ReportInput] = []
        let entries = archive.filter { $0.type == .file }.sorted { $0.path < $1.path }
        // Every member and all of them together stay within `maxBytes`: the declared sizes are checked first and
        // the extraction stops at the limit, since a crafted archive can declare less than it holds.
        var total = 0
        for entry in entries {
            let member = entry.path
            if member.hasPrefix("__MACOSX/") || ReportFormat.lastComponent(of: member).hasPrefix("._") { continue }
            let memberPath = path + "/" + member
            let budget = maxBytes - total
            if Int(clamping: entry.uncompressedSize) > budget {
                throw .tooLarge(path: memberPath, byteCount: total + Int(clamping: entry.uncompressedSize), limit: maxBytes)
            }
            var data = Data()
            do {
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
                    if data.count + chunk.count > budget { throw InflatedLimit() }
                    data.append(chunk)
                }
            } catch is InflatedLimit {
                throw .tooLarge(path: memberPath, byteCount: total + data.count + 1, limit: maxBytes)
            } catch {
                throw .corruptZip(path: path, member: member, reason: "cannot extract (\(FileErrorReason.describe(error)))")
            }
            if data.isEmpty { throw .emptyFile(path: memberPath) }
            let report = try input(path: memberPath, bytes: [UInt8](data), maxBytes: budget)
            total += report.bytes.count
            inputs.append(report)
        }
        return inputs
    }

    /// The file's bytes read straight into the array that holds them (no mapping, no intermediate `Data`); nil
    /// when it cannot be opened or read, or holds other than `expectedCount` bytes (the caller then goes through
    /// Foundation, which names the problem).
    static func readDirectly(path: String, expectedCount: Int) -> [UInt8]? {
        guard expectedCount > 0 else { return nil }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var complete = false
        let bytes = [UInt8](unsafeUninitializedCapacity: expectedCount) { buffer, initialized in
            var total = 0
            while total < expectedCount {
                let got = read(fd, buffer.baseAddress! + total, expectedCount - total)
                if got < 0 && errno == EINTR { continue }
                guard got > 0 else { break }
                total += got
            }
            initialized = total
            // One more byte would mean the file grew since it was measured.
            var probe: UInt8 = 0
            complete = total == expectedCount && read(fd, &probe, 1) == 0
        }
        return complete ? bytes : nil
    }

    private struct InflatedLimit: Error {}

    private static func readReason(_ error: any Error) -> String {
        FileErrorReason.describe(error)
    }
}
