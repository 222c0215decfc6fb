import Foundation
import Logging
import NQPEncoding

/// The two log formats of `--log-format`.
public enum LogFormat: String, Sendable, Codable, Equatable, CaseIterable {
    /// `2026-11-29T20:00:00Z warning [extract] reports/a.html: message key=value`
    case text
    /// One JSON object per line with sorted keys: `{"fields":{…},"file":…,"level":…,"message":…,"stage":…,"time":…}`
    case json
}

/// A swift-log handler writing text or JSON lines to a ``LogSink``.
///
/// The metadata keys `stage` and `file` become the line's stage and file; every other key goes into the fields,
/// sorted by key. Metadata precedence: handler metadata, then the metadata provider, then the call's metadata.
/// A logged `error` is added as the field `error`. Text lines stay one line: newlines in values are escaped.
struct BatchLogHandler: LogHandler {
    var logLevel: Logger.Level
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?
    let format: LogFormat
    private let sink: LogSink
    private let clock: @Sendable () -> Date

    /// - Parameter clock: the time source (fixed in tests).
    init(format: LogFormat, level: Logger.Level, sink: LogSink, metadataProvider: Logger.MetadataProvider? = nil,
                clock: @escaping @Sendable () -> Date = { Date() }) {
        self.format = format
        self.logLevel = level
        self.sink = sink
        self.metadataProvider = metadataProvider
        self.clock = clock
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
        if let own = event.metadata { merged.merge(own) { _, new in new } }
        if let error = event.error { merged["error"] = .string(Diagnostic.text(of: error)) }
        let line = LogLine(time: clock(), level: event.level, message: event.message.description, metadata: merged)
        sink.write(format == .json ? line.json() : line.text())
    }
}

/// One log event, ready to render.
struct LogLine {
    var time: Date
    var level: Logger.Level
    var message: String
    var stage: String?
    var file: String?
    /// Every other metadata entry, sorted by key.
    var fields: [(key: String, value: Logger.Metadata.Value)]

    init(time: Date, level: Logger.Level, message: String, metadata: Logger.Metadata) {
        self.time = time
        self.level = level
        self.message = message
        stage = metadata["stage"].map(Self.plain)
        file = metadata["file"].map(Self.plain)
        fields = metadata.filter { $0.key != "stage" && $0.key != "file" }
            .sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            .map { (key: $0.key, value: $0.value) }
    }

    /// `2026-11-29T20:00:00Z warning [extract] file: message key=value`
    func text() -> [UInt8] {
        var out = BatchTimestamp.string(from: time) + " " + level.rawValue
        if let stage { out += " [" + Self.escapedForText(stage) + "]" }
        if let file { out += " " + Self.escapedForText(file) + ":" }
        out += " " + Self.escapedForText(message)
        for (key, value) in fields {
            let rendered = Self.plain(value)
            out += " " + key + "=" + (Self.needsQuotes(rendered) ? QuotedLiteral.json(rendered) : rendered)
        }
        out += "\n"
        return Array(out.utf8)
    }

    /// `{"fields":{…},"file":…,"level":…,"message":…,"stage":…,"time":…}` (keys sorted; absent stage/file null).
    func json() -> [UInt8] {
        var out = "{\"fields\":{"
        for (index, field) in fields.enumerated() {
            if index > 0 { out += "," }
            out += QuotedLiteral.json(field.key) + ":" + Self.json(field.value)
        }
        out += "},\"file\":" + (file.map(QuotedLiteral.json) ?? "null")
        out += ",\"level\":" + QuotedLiteral.json(level.rawValue)
        out += ",\"message\":" + QuotedLiteral.json(message)
        out += ",\"stage\":" + (stage.map(QuotedLiteral.json) ?? "null")
        out += ",\"time\":" + QuotedLiteral.json(BatchTimestamp.string(from: time, milliseconds: true)) + "}\n"
        return Array(out.utf8)
    }

    private static func plain(_ value: Logger.Metadata.Value) -> String {
        switch value {
        case let .string(text): text
        case let .stringConvertible(convertible): convertible.description
        case .array, .dictionary: json(value)
        }
    }

    private static func json(_ value: Logger.Metadata.Value) -> String {
        switch value {
        case let .string(text): return QuotedLiteral.json(text)
        case let .stringConvertible(convertible): return QuotedLiteral.json(convertible.description)
        case let .array(items): return "[" + items.map(json).joined(separator: ",") + "]"
        case let .dictionary(entries):
            let sorted = entries.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            return "{" + sorted.map { QuotedLiteral.json($0.key) + ":" + json($0.value) }.joined(separator: ",") + "}"
        }
    }

    private static func needsQuotes(_ text: String) -> Bool {
        text.isEmpty || text.unicodeScalars.contains { $0 == " " || $0 == "\"" || $0 == "=" || $0.value < 0x20 }
    }

    private static func escapedForText(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 }) else { return text }
        let quoted = QuotedLiteral.json(text)
        return String(quoted.dropFirst().dropLast())
    }
}

/// Logging set-up for the CLI.
public enum BatchLogging {
    /// A handler factory for `LoggingSystem.bootstrap`: `format` (`--log-format`), `level`, and the log file
    /// (`--log-file`, appended to) or standard error when `logFilePath` is nil. One sink is shared by every
    /// logger, so lines from all workers are serialised.
    static func makeHandlerFactory(format: LogFormat, level: Logger.Level, logFilePath: String? = nil)
        throws(BatchError) -> @Sendable (String) -> any LogHandler {
        let sink = try logFilePath.map { path throws(BatchError) in try LogSink.appending(toFileAt: path) }
            ?? LogSink.standardError()
        return makeHandlerFactory(format: format, level: level, sink: sink)
    }

    /// A handler factory writing to `sink` — e.g. the standard-error sink also given to ``ProgressReporter``.
    static func makeHandlerFactory(format: LogFormat, level: Logger.Level, sink: LogSink)
        -> @Sendable (String) -> any LogHandler {
        { _ in BatchLogHandler(format: format, level: level, sink: sink) }
    }

    /// Bootstraps swift-log with text or JSON lines to `logFilePath` (appended to) or standard error. Call once
    /// per process, first thing in `main` (swift-log traps on a second bootstrap).
    ///
    /// - Returns: the sink the handlers write to. When it is standard error (no log file), give it to
    ///   ``ProgressReporter/forTerminal(totalReports:totalBytes:quiet:sink:)`` so log lines and the bar share it.
    @discardableResult
    public static func bootstrap(format: LogFormat, level: Logger.Level, logFilePath: String? = nil)
        throws(BatchError) -> LogSink {
        let sink = try logFilePath.map { path throws(BatchError) in try LogSink.appending(toFileAt: path) }
            ?? LogSink.standardError()
        LoggingSystem.bootstrap(makeHandlerFactory(format: format, level: level, sink: sink))
        return sink
    }
}
