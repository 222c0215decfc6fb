import Foundation

/// Who holds a run lock, as written by the holder into the lock file right after acquiring it.
public struct LockHolder: Sendable, Equatable, Codable, CustomStringConvertible {
    var pid: Int32
    /// ISO 8601 UTC start time of the holder's run.
    var startedAt: String
    var host: String?

    init(pid: Int32, startedAt: String, host: String? = nil) {
        self.pid = pid
        self.startedAt = startedAt
        self.host = host
    }

    /// The lock file's text: `pid=…`, `started=…`, `host=…` lines.
    var fileText: String {
        "pid=\(pid)\nstarted=\(startedAt)\n" + (host.map { "host=\($0)\n" } ?? "")
    }

    /// Parses the lock file's text; nil when it is empty or incomplete (the holder has not written it yet).
    init?(fileText: String) {
        var fields: [Substring: Substring] = [:]
        for line in fileText.split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            fields[line[..<equals]] = line[line.index(after: equals)...]
        }
        guard let pidText = fields["pid"], let pid = Int32(pidText), let started = fields["started"] else { return nil }
        self.init(pid: pid, startedAt: String(started), host: fields["host"].map(String.init))
    }

    public var description: String {
        "pid \(pid), started \(startedAt)" + (host.map { " on \($0)" } ?? "")
    }
}

/// An exclusive advisory lock on `<output>/.nqp/lock` so two runs never work on the same output folder.
///
/// It is a `flock(2)` lock: the kernel releases it when the holding process exits or dies (even `kill -9`), so
/// there is no stale lock to clean up and the file is never deleted. flock locks belong to an open file
/// description, so two `acquire` calls in one process also exclude each other. The descriptor is opened
/// close-on-exec so child processes (R, Stata …) do not inherit and prolong the lock.
final class RunLock: Sendable {
    /// `lock`, inside ``StateStore/directoryName``.
    static let fileName = "lock"

    /// The lock file.
    let path: String
    /// What this process wrote into the lock file.
    let holder: LockHolder
    private let descriptor: BatchLocked<Int32?>

    private init(path: String, holder: LockHolder, descriptor: Int32) {
        self.path = path
        self.holder = holder
        self.descriptor = BatchLocked(descriptor)
    }

    deinit { release() }

    /// The lock file of an output folder.
    static func lockPath(outputDirectory: URL) -> String {
        outputDirectory.appendingPathComponent(StateStore.directoryName, isDirectory: true)
            .appendingPathComponent(fileName).path
    }

    /// Takes the lock of `outputDirectory` (creating `.nqp/` if needed). See ``acquire(lockPath:wait:pollInterval:now:)``.
    static func acquire(outputDirectory: URL, wait: TimeInterval = 0, pollInterval: TimeInterval = 0.1,
                               now: Date = Date()) throws(BatchError) -> RunLock {
        let directory = outputDirectory.appendingPathComponent(StateStore.directoryName, isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw .lockUnavailable(lockPath: directory.path, reason: "cannot create the folder: \(Diagnostic.text(of: error))")
        }
        return try acquire(lockPath: lockPath(outputDirectory: outputDirectory), wait: wait,
                           pollInterval: pollInterval, now: now)
    }

    /// Takes the lock at `lockPath`, polling every `pollInterval` seconds for up to `wait` seconds (0: fail at
    /// once). On success the file holds this process's pid and `now` as start time.
    ///
    /// - Throws: ``BatchError/lockHeld(lockPath:holder:)`` naming the holder when the lock stays taken;
    ///   ``BatchError/lockUnavailable(lockPath:reason:)`` when the file cannot be opened or locked.
    static func acquire(lockPath: String, wait: TimeInterval = 0, pollInterval: TimeInterval = 0.1,
                               now: Date = Date()) throws(BatchError) -> RunLock {
        let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .lockUnavailable(lockPath: lockPath, reason: errnoDescription(errno)) }
        let deadline = Date().addingTimeInterval(max(0, wait))
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            if code == EINTR { continue }
            guard code == EWOULDBLOCK else {
                close(fd)
                throw .lockUnavailable(lockPath: lockPath, reason: errnoDescription(code))
            }
            if Date() >= deadline {
                let holder = readHolder(fd)
                close(fd)
                throw .lockHeld(lockPath: lockPath, holder: holder)
            }
            usleep(useconds_t(max(0.001, pollInterval) * 1_000_000))
        }
        let me = LockHolder(pid: getpid(), startedAt: BatchTimestamp.string(from: now),
                            host: ProcessInfo.processInfo.hostName)
        let bytes = Array(me.fileText.utf8)
        // The text is informational; failing to write it must not fail the run, so the results are ignored.
        _ = ftruncate(fd, 0)
        _ = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        return RunLock(path: lockPath, holder: me, descriptor: fd)
    }

    /// Releases the lock (also done on deinit and by the kernel at process exit). The file stays.
    func release() {
        descriptor.withLock { fd in
            guard let open = fd else { return }
            _ = flock(open, LOCK_UN)
            close(open)
            fd = nil
        }
    }

    private static func readHolder(_ fd: Int32) -> LockHolder? {
        var buffer = [UInt8](repeating: 0, count: 512)
        let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        return LockHolder(fileText: String(decoding: buffer[0..<count], as: UTF8.self))
    }
}
