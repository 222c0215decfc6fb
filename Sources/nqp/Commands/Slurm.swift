import ArgumentParser
import Foundation
import NQPConfig
import NQPPipeline

struct Slurm: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write (and with --submit, submit) the Slurm array job and gather job of a cluster run.",
        discussion: """
        Writes out/.nqp/slurm/extract.sbatch (one array task per shard, each `nqp run --shard K/N`) and \
        gather.sbatch (`nqp run --gather`, submitted with --dependency=afterok on the array). Every node must see \
        the configuration, the reports, the output folder and this nqp binary at the same paths (a shared \
        filesystem). See README "Running on a cluster".
        """)

    @OptionGroup var common: RunCommonOptions

    @Option(help: "Array tasks (default: from the number and size of the new and changed reports).")
    var shards: Int?

    @Option(help: "Slurm partition.")
    var partition: String?

    @Option(help: "Time limit per task (HH:MM:SS, D-HH:MM:SS).")
    var time: String?

    @Option(name: .customLong("cpus-per-task"), help: "CPUs per task; nqp uses them all (--jobs).")
    var cpusPerTask = 4

    @Option(help: "Memory per task (e.g. 8G).")
    var mem: String?

    @Option(help: "Slurm account.")
    var account: String?

    // .unconditional: the value itself starts with "--".
    @Option(parsing: .unconditional, help: "More sbatch options for both scripts, e.g. \"--qos=normal --constraint=avx2\".")
    var extra: String?

    @Flag(help: "Submit both jobs with sbatch and print their ids.")
    var submit = false

    func run() throws {
        let (logger, _) = try common.bootstrapLogging()
        let loaded = try common.loadConfig()
        let problems = ConfigValidator.problems(in: loaded)
        guard problems.isEmpty else { throw ConfigError(problems: problems) }
        let executable = Bundle.main.executableURL?.resolvingSymlinksInPath().path ?? CommandLine.arguments[0]
        let options = SlurmOptions(shards: shards, partition: partition, time: time, cpusPerTask: cpusPerTask,
                                   mem: mem, account: account,
                                   extra: (extra ?? "").split(whereSeparator: \.isWhitespace).map(String.init),
                                   executable: executable)
        let plan = try SlurmScripts.write(loaded: loaded, options: options, logger: logger)
        print("\(plan.reports) reports to process (\(plan.bytes) bytes) in \(plan.shards) shards; largest shard \(plan.loads.max() ?? 0) bytes")
        print("wrote \(plan.extractScript.path)")
        print("wrote \(plan.gatherScript.path)")
        print("logs: \(plan.logs.path)")
        if plan.reports == 0 {
            print("nothing new to extract: the array tasks will find no work; the gather (or a plain nqp run) rebuilds the panel")
        }
        if submit {
            let ids = try SlurmScripts.submit(plan)
            print("submitted array job \(ids.extract) (\(plan.shards) tasks) and gather job \(ids.gather)")
        } else {
            print("submit with:")
            for command in plan.submitCommands { print("  \(command)") }
        }
    }
}
