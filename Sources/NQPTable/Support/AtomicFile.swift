import Foundation
#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif

/// Writes files so that readers only ever see the old file or the complete new one: the bytes go to a temporary
/// file in the same directory (same filesystem, so `rename` is atomic), are flushed with `fsync`, and then the
/// temporary file is renamed over the target. On any failure the temporary file is removed.
public enum AtomicFile {
    /// Writes `bytes` to `url` atomically.
    public static func write(_ bytes: [UInt8], to url: URL) throws(TableError) {
        try write(to: url) { (writer: AtomicFileWriter) throws(TableError) in try writer.write(bytes) }
    }

    /// Writes `data` to `url` atomically.
    public static func write(_ data: Data, to url: URL) throws(TableError) {
        try write([UInt8](data), to: url)
    }

    /// Writes `text` (UTF-8) to `url` atomically.
    public static func write(_ text: String, to url: URL) throws(TableError) {
        try write(Array(text.utf8), to: url)
    }

    /// Streams content into `url` atomically: `body` writes pieces; the file appears only if `body` returns.
    public static func write(to url: URL, _ body: (AtomicFileWriter) throws(TableError) -> Void) throws(TableError) {
        let writer = try AtomicFileWriter(target: url)
        do throws(TableError) {
            try body(writer)
            try writer.commit()
        } catch {
            writer.abort()
            throw error
        }
    }
}

/// Owns the temporary file of one atomic write. Obtain it through `AtomicFile.write(to:_:)`.
public final class AtomicFileWriter {
    private let target: URL
    private let temporaryPath: String
    private var descriptor: Int32
    private var finished = false

    init(target: URL) throws(TableError) {
        self.target = target
        let directory = target.deletingLastPathComponent().path
        // A unique name: pid + random suffix; O_EXCL guards against collisions.
        let suffix = String(UInt64.random(in: 0...UInt64.max), radix: 36)
        temporaryPath = directory + "/." + target.lastPathComponent + ".tmp-\(getpid())-" + suffix
        descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if descriptor < 0 {
            throw .io(path: target.path, operation: "create a temporary file in \(directory)",
                      reason: String(cString: strerror(errno)))
        }
    }

    deinit { if !finished { abort() } }

    /// Appends bytes to the temporary file.
    public func write(_ bytes: [UInt8]) throws(TableError) {
        let failure: TableError? = bytes.withUnsafeBytes { raw in
            do throws(TableError) { try write(raw); return nil } catch { return error }
        }
        if let failure { throw failure }
    }

    /// Appends raw bytes to the temporary file.
    public func write(_ raw: UnsafeRawBufferPointer) throws(TableError) {
        guard var pointer = raw.baseAddress else { return }
        var remaining = raw.count
        while remaining > 0 {
            let written = systemWrite(descriptor, pointer, remaining)
            if written < 0 {
                if errno == EINTR { continue }
                throw .io(path: target.path, operation: "write", reason: String(cString: strerror(errno)))
            }
            remaining -= written
            pointer += written
        }
    }

    func commit() throws(TableError) {
        if fsync(descriptor) != 0 {
            throw .io(path: target.path, operation: "fsync", reason: String(cString: strerror(errno)))
        }
        if close(descriptor) != 0 {
            descriptor = -1
            throw .io(path: target.path, operation: "close", reason: String(cString: strerror(errno)))
        }
        descriptor = -1
        if rename(temporaryPath, target.path) != 0 {
            throw .io(path: target.path, operation: "rename the temporary file into place",
                      reason: String(cString: strerror(errno)))
        }
        finished = true
        // Persist the directory entry too (best effort: some filesystems refuse fsync on directories).
        let directory = open(target.deletingLastPathComponent().path, O_RDONLY | O_CLOEXEC)
        if directory >= 0 {
            _ = fsync(directory)
            close(directory)
        }
    }

    func abort() {
        if descriptor >= 0 { close(descriptor); descriptor = -1 }
        if !finished { unlink(temporaryPath) }
        finished = true
    }
}
