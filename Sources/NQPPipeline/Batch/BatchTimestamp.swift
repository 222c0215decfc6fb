import Foundation

/// ISO 8601 UTC timestamps (`2026-11-29T20:00:00Z`), formatted by hand with `gmtime_r` so the output never
/// depends on the locale or calendar of the machine and no shared formatter object is needed across threads.
enum BatchTimestamp {
    /// `2026-11-29T20:00:00Z`, or with `milliseconds` `2026-11-29T20:00:00.123Z`.
    static func string(from date: Date, milliseconds: Bool = false) -> String {
        let interval = date.timeIntervalSince1970
        var seconds = time_t(interval.rounded(.down))
        var millis = Int(((interval - Double(seconds)) * 1000).rounded(.down))
        if millis >= 1000 { seconds += 1; millis -= 1000 }
        var parts = tm()
        gmtime_r(&seconds, &parts)
        let base = pad(Int(parts.tm_year) + 1900, 4) + "-" + pad(Int(parts.tm_mon) + 1, 2) + "-"
            + pad(Int(parts.tm_mday), 2) + "T" + pad(Int(parts.tm_hour), 2) + ":" + pad(Int(parts.tm_min), 2)
            + ":" + pad(Int(parts.tm_sec), 2)
        return milliseconds ? base + "." + pad(millis, 3) + "Z" : base + "Z"
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

/// A value guarded by a lock, for the few objects that own a resource shared by worker tasks (log sink,
/// progress bar, run lock). `NSLock` rather than `Synchronization.Mutex` because the package still declares
/// macOS 14, where `Mutex` is unavailable.
final class BatchLocked<Value>: @unchecked Sendable {
    // @unchecked: every access to `value` goes through `lock`.
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
