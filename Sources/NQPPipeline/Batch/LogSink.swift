import Foundation

/// Where log lines go: standard error, a log file opened for appending, or memory (tests).
///
/// Each line is written under a lock, so lines from concurrent workers never interleave. A sink can also carry
/// a status line (the progress bar): log lines written while it is shown first clear it and then redraw it
/// below themselves, so logging to the same terminal never garbles the bar — give the CLI's standard-error sink
/// to both the log handler factory and the ``ProgressReporter``.
public final class LogSink: Sendable {
    private enum Destination {
        case descriptor(Int32, owned: Bool)
        case memory([UInt8])
    }

    private struct State {
        var destination: Destination
        /// The status line currently shown (without the clearing prefix), if any.
        var statusLine: [UInt8]?
    }

    /// Carriage return + "erase line": puts the cursor at the start of an empty line.
    static let clearLine: [UInt8] = Array("\r\u{1B}[2K".utf8)

    private let state: BatchLocked<State>

    private init(_ destination: Destination) {
        state = BatchLocked(State(destination: destination))
    }

    deinit {
        state.withLock { state in
            if case let .descriptor(fd, owned) = state.destination, owned { close(fd) }
        }
    }

    /// The process's standard error.
    static func standardError() -> LogSink { LogSink(.descriptor(STDERR_FILENO, owned: false)) }

    /// A file opened in append mode (created with mode 0644 if missing), as `--log-file PATH`.
    static func appending(toFileAt path: String) throws(BatchError) -> LogSink {
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .logFileUnavailable(path: path, reason: errnoDescription(errno)) }
        return LogSink(.descriptor(fd, owned: true))
    }

    /// An in-memory buffer, read back with ``contents``.
    static func memory() -> LogSink { LogSink(.memory([])) }

    /// What a memory sink received, as UTF-8 text (empty for other sinks).
    var contents: String {
        state.withLock { state in
            if case let .memory(bytes) = state.destination { return String(decoding: bytes, as: UTF8.self) }
            return ""
        }
    }

    /// Writes one log line (the caller includes the final newline), keeping the status line, if any, below it.
    /// Errors are ignored: logging must never stop a run.
    func write(_ line: [UInt8]) {
        state.withLock { state in
            if let status = state.statusLine {
                Self.emit(Self.clearLine + line + Self.clearLine + status, to: &state.destination)
            } else {
                Self.emit(line, to: &state.destination)
            }
        }
    }

    /// Shows `text` as the status line, replacing the previous one (no newline: the next draw overwrites it).
    func showStatus(_ text: String) {
        state.withLock { state in
            let status = Array(text.utf8)
            state.statusLine = status
            Self.emit(Self.clearLine + status, to: &state.destination)
        }
    }

    /// Erases the status line if one is shown.
    func clearStatus() {
        state.withLock { state in
            guard state.statusLine != nil else { return }
            state.statusLine = nil
            Self.emit(Self.clearLine, to: &state.destination)
        }
    }

    private static func emit(_ bytes: [UInt8], to destination: inout Destination) {
        switch destination {
        case let .descriptor(fd, _):
            bytes.withUnsafeBytes { buffer in
                guard let base = buffer.baseAddress else { return }
                var offset = 0
                while offset < buffer.count {
                    let written = Foundation.write(fd, base + offset, buffer.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        return
                    }
                    offset += written
                }
            }
        case .memory(var buffer):
            destination = .memory([])  // drop the enum's reference so the append does not copy the buffer
            buffer.append(contentsOf: bytes)
            destination = .memory(buffer)
        }
    }
}
