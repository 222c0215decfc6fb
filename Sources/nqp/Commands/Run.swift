import ArgumentParser
import Foundation
import Logging
import NQPConfig
import NQPPipeline

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the whole pipeline: extract, count, merge, score and write the panel.",
        discussion: """
        Incremental: only new, changed or reconfigured reports are read; scoring and export run on the whole \
        panel. Exit codes: 0 success, 1 failure, 2 configuration error, 3 some reports quarantined (see \
        errors.csv), 4 another run holds the output folder's lock.
        """)

    @OptionGroup var common: RunCommonOptions

    @Flag(help: "Redo every report, ignoring the state store.")
    var force = false

    @Flag(name: .customLong("retry-failed"), help: "Retry quarantined reports even if unchanged.")
    var retryFailed = false

    @Option(help: "Parallel workers for extract and count (default: run.jobs, else the number of cores).")
    var jobs: Int?

    @Option(help: "Wait up to this many seconds for another run's lock instead of exiting with code 4.")
    var wait: Double = 0

    @Flag(help: "No progress bar.")
    var quiet = false

    @Option(help: ArgumentHelp("Cluster: extract and count only shard K (0-based) of N into out/.nqp/shards/N/K/.",
                               valueName: "K/N"))
    var shard: String?

    @Flag(help: "Cluster: take in every shard's results, then build the panel as a plain run.")
    var gather = false

    @Flag(name: .customLong("allow-partial"), help: "With --gather: build from the shards that are there (exit 3).")
    var allowPartial = false

    @Option(help: "With --gather: the round to gather (out/.nqp/shards/N); default: the only one.")
    var shards: Int?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if wait < 0 { throw ValidationError("--wait must be 0 or more seconds") }
        if shard != nil && gather { throw ValidationError("--shard and --gather are separate steps; give one") }
        if (allowPartial || shards != nil) && !gather { throw ValidationError("--allow-partial and --shards go with --gather") }
    }

    func run() throws {
        let (logger, sink) = try common.bootstrapLogging()
        let loaded = try common.loadConfig()
        let problems = ConfigValidator.problems(in: loaded)
        guard problems.isEmpty else { throw ConfigError(problems: problems) }
        if let shard {
            let summary = try Pipeline(loaded: loaded, logger: logger).runShard(
                try ShardSpec(parsing: shard),
                options: RunOptions(force: force, retryFailed: retryFailed, jobs: jobs, quiet: quiet,
                                    progressSink: sink))
            printError(summary.rendered)
            if summary.exitStatus != .success { throw ExitStatusError(status: summary.exitStatus) }
            return
        }
        var options = RunOptions(force: force && !gather, retryFailed: retryFailed && !gather, jobs: jobs,
                                 waitSeconds: wait, quiet: quiet, progressSink: sink)
        if gather {
            options.gather = GatherOptions(allowPartial: allowPartial, shards: shards, force: force,
                                           retryFailed: retryFailed)
        }
        let summary = try Pipeline(loaded: loaded, logger: logger).run(options)
        printError(summary.rendered())
        if summary.exitStatus != .success { throw ExitStatusError(status: summary.exitStatus) }
    }
}

/// Options shared by `run` and `status`.
struct RunCommonOptions: ParsableArguments {
    @Option(help: "The configuration file.")
    var config = "pipeline.yml"

    @Option(name: .customLong("log-format"), help: "text (for people) or json (one object per line).")
    var logFormat: LogFormat = .text

    @Option(name: .customLong("log-file"), help: "Append logs to this file instead of standard error.")
    var logFile: String?

    @Flag(help: "Log debug messages too.")
    var verbose = false

    /// Installs the log handler; returns the logger and, when logs go to standard error, the sink the progress
    /// bar must share.
    func bootstrapLogging() throws -> (logger: Logger, terminalSink: LogSink?) {
        let sink = try BatchLogging.bootstrap(format: logFormat, level: verbose ? .debug : .info,
                                              logFilePath: logFile)
        return (Logger(label: "nqp"), logFile == nil ? sink : nil)
    }

    func loadConfig() throws -> LoadedConfig {
        try LoadedConfig.load(from: URL(fileURLWithPath: config))
    }
}

extension LogFormat: ExpressibleByArgument {}
