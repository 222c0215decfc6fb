import Foundation
@testable import NQPPipeline
import NQPTestSupport
import Testing

@Suite("RunLock")
struct BatchRunLockTests {
    static let python: String? = FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")
        ? "/usr/bin/python3" : which("python3")

    @Test("a second acquisition in the same process fails naming the holder, and succeeds after release")
    func sameProcessContention() throws {
        let output = try TestPaths.temporaryDirectory("nqp-lock")
        let first = try RunLock.acquire(outputDirectory: output, now: BatchFixtures.epoch)
        #expect(first.holder.pid == getpid())
        #expect(first.holder.startedAt == "2026-11-29T20:00:00Z")

        // flock locks belong to open file descriptions: a second open() in this process conflicts.
        let error = #expect(throws: BatchError.self) { try RunLock.acquire(outputDirectory: output) }
        guard case let .lockHeld(path, holder) = error else {
            Issue.record("expected lockHeld, got \(String(describing: error))")
            return
        }
        #expect(path == output.appendingPathComponent(".nqp/lock").path)
        #expect(holder?.pid == getpid())
        #expect(holder?.startedAt == "2026-11-29T20:00:00Z")
        #expect(error?.exitStatus == .lockHeld)
        #expect(error?.description.contains("process \(getpid()) (started 2026-11-29T20:00:00Z)") == true)

        first.release()
        let second = try RunLock.acquire(outputDirectory: output)
        #expect(second.holder.pid == getpid())
    }

    @Test("a lock held by another process is reported with that process's pid and freed when it dies",
          .enabled(if: python != nil))
    func otherProcessContention() throws {
        let output = try TestPaths.temporaryDirectory("nqp-lock")
        let lockPath = RunLock.lockPath(outputDirectory: output)
        try FileManager.default.createDirectory(at: output.appendingPathComponent(".nqp"),
                                                withIntermediateDirectories: true)
        let child = try LockingChild(python: try #require(Self.python), lockPath: lockPath, holdSeconds: 60)
        defer { child.stop() }

        let error = #expect(throws: BatchError.self) { try RunLock.acquire(lockPath: lockPath) }
        #expect(error == .lockHeld(lockPath: lockPath,
                                   holder: LockHolder(pid: child.pid, startedAt: "2026-11-29T19:00:00Z")))

        child.stop()   // kill -9: the kernel releases the lock, no clean-up needed
        let lock = try RunLock.acquire(lockPath: lockPath)
        #expect(lock.holder.pid == getpid())
    }

    @Test("with wait, acquisition polls until the other process releases the lock", .enabled(if: python != nil))
    func waitsForRelease() throws {
        let output = try TestPaths.temporaryDirectory("nqp-lock")
        let lockPath = RunLock.lockPath(outputDirectory: output)
        try FileManager.default.createDirectory(at: output.appendingPathComponent(".nqp"),
                                                withIntermediateDirectories: true)
        let child = try LockingChild(python: try #require(Self.python), lockPath: lockPath, holdSeconds: 0.5)
        defer { child.stop() }
        let lock = try RunLock.acquire(lockPath: lockPath, wait: 30, pollInterval: 0.05)
        #expect(lock.holder.pid == getpid())
    }

    @Test("the holder text round-trips and an empty lock file has no holder")
    func holderText() {
        let holder = LockHolder(pid: 42, startedAt: "2026-11-29T20:00:00Z", host: "batch-1")
        #expect(LockHolder(fileText: holder.fileText) == holder)
        #expect(LockHolder(fileText: "") == nil)
        #expect(LockHolder(fileText: "pid=12\n") == nil)
    }
}

/// A python3 child that takes `flock(LOCK_EX)` on a file, writes its pid and a fixed start time into it,
/// prints "ready PID" and holds the lock for `holdSeconds`.
final class LockingChild {
    let process = Process()
    let pid: Int32

    init(python: String, lockPath: String, holdSeconds: Double) throws {
        let script = """
            import fcntl, os, sys, time
            f = open(sys.argv[1], "a+")
            fcntl.flock(f, fcntl.LOCK_EX)
            f.seek(0); f.truncate()
            f.write("pid=%d\\nstarted=2026-11-29T19:00:00Z\\n" % os.getpid()); f.flush()
            print("ready %d" % os.getpid(), flush=True)
            time.sleep(float(sys.argv[2]))
            """
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script, lockPath, String(holdSeconds)]
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        var text = ""
        while !text.contains("\n") {
            let data = out.fileHandleForReading.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
        }
        let words = text.split(whereSeparator: \.isWhitespace)
        guard words.count == 2, words[0] == "ready", let pid = Int32(words[1]) else {
            process.terminate()
            throw BatchError.lockUnavailable(lockPath: lockPath, reason: "child did not start: \(text)")
        }
        self.pid = pid
    }

    /// Kills the child with SIGKILL (like `kill -9`; SIGTERM may be ignored in a test runner's children).
    func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}
