import Foundation
import NQPTestSupport
import Testing

/// Install once, use anywhere: built-in dictionaries from any folder, `nqp init`, version, completions, error
/// wording, and (when the install step has run, as `.ci/run` does first) the relocatable static binary.
@Suite("Install and first use")
struct InstallTests {
    static let repositoryReport = TestPaths.repositoryRoot.appendingPathComponent("samples/reports/300059_2019_示例财讯.html")

    @Test func initThenRunSucceedsInAnEmptyFolder() throws {
        let folder = try TestPaths.temporaryDirectory("nqp-init-run")
        let initResult = try NQPBinary.run(["init"], in: folder)
        #expect(initResult.status == 0, "\(initResult.stderr)")
        let commands = initResult.stdout.split(separator: "\n").filter { $0.hasPrefix("  ") }
        #expect(commands.count == 3 && commands.allSatisfy { $0.contains("nqp ") }, "prints the next three commands")
        let run = try NQPBinary.run(["run", "--quiet"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let panel = try String(contentsOf: folder.appendingPathComponent("out/panel.csv"), encoding: .utf8)
        #expect(panel.contains("\n999999,2023,"), "the example report is in the panel")
        #expect(!run.stderr.contains("warning"), "the example report reads without warnings: \(run.stderr)")

        let count = try NQPBinary.run(["count", "reports"], in: folder)
        #expect(count.status == 0 && count.stderr.isEmpty, "the example report reads cleanly: \(count.stderr)")

        let again = try NQPBinary.run(["init"], in: folder)
        #expect(again.status == 2)
        #expect(again.stderr.contains("pipeline.yml: error: already exists"))

        let sub = try NQPBinary.run(["init", "study"], in: folder)
        #expect(sub.status == 0)
        #expect(sub.stdout.contains("cd study && nqp run"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("study/pipeline.yml").path))
    }

    @Test func countUsesTheBuiltInDictionaryFromAnyFolder() throws {
        let folder = try TestPaths.temporaryDirectory("nqp-count-anywhere")
        let report = folder.appendingPathComponent("300059_2019_示例财讯.html")
        try FileManager.default.copyItem(at: Self.repositoryReport, to: report)
        let plain = try NQPBinary.run(["count", report.path], in: folder)
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(plain.stdout.contains(",digital_transformation_zh,人工智能技术,"))
        let named = try NQPBinary.run(["count", report.path, "--dictionary", "wu2021"], in: folder)
        #expect(named.stdout == plain.stdout, "wu2021 is the default dictionary")
        let green = try NQPBinary.run(["count", report.path, "--dictionary", "green.zh"], in: folder)
        #expect(green.status == 0 && green.stdout.contains(",green_zh,"))
        // A file wins over a built-in name.
        try Data("name: own\nsource: test\ncategories:\n  甲: [人工智能]\n".utf8)
            .write(to: folder.appendingPathComponent("wu2021"))
        let file = try NQPBinary.run(["count", report.path, "--dictionary", "wu2021"], in: folder)
        #expect(file.status == 0 && file.stdout.contains(",own,甲,"))
        let unknown = try NQPBinary.run(["count", report.path, "--dictionary", "wu2022"], in: folder)
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("wu2022: error: no such dictionary file") && unknown.stderr.contains("wu2021"))
    }

    @Test func dictListAndShowTheBuiltInDictionaries() throws {
        let folder = try TestPaths.temporaryDirectory("nqp-dict")
        let list = try NQPBinary.run(["dict", "list"], in: folder)
        #expect(list.status == 0, "\(list.stderr)")
        let file = TestPaths.repositoryRoot.appendingPathComponent("dictionaries/digital_transformation.zh.yml")
        let bytes = try Data(contentsOf: file)
        let row = list.stdout.split(separator: "\n").first { $0.hasPrefix("digital_transformation.zh\twu2021\t") }
        #expect(row?.contains("\t\(bytes.count)\t") == true, "size listed")
        #expect(row?.contains("builtin:digital_transformation.zh.yml") == true)
        #expect(row?.contains("管理世界") == true, "source listed")
        let show = try runCommandBytes(NQPBinary.url.path, ["dict", "show", "wu2021"], in: folder)
        #expect(show == bytes, "dict show prints the file exactly")
        let check = try NQPBinary.run(["dict", "check", "green.zh"], in: folder)
        #expect(check.status == 0)
    }

    @Test func versionNamesTheGitCommit() throws {
        let version = try NQPBinary.run(["--version"])
        #expect(version.status == 0)
        let text = version.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(text.hasPrefix("0.") && text.contains("(git commit "))
        if let git = which("git") {
            let head = try runCommand(git, ["-C", TestPaths.repositoryRoot.path, "rev-parse", "HEAD"])
            if head.status == 0 {
                #expect(text.contains(head.stdout.trimmingCharacters(in: .whitespacesAndNewlines)),
                        "the commit the binary was built from")
            }
        }
    }

    @Test func completionScriptsForEveryShell() throws {
        for shell in ["bash", "zsh", "fish"] {
            let script = try NQPBinary.run(["--generate-completion-script", shell])
            #expect(script.status == 0)
            #expect(script.stdout.contains("nqp") && script.stdout.contains("dictionary"), "\(shell)")
        }
    }

    @Test func manualPageHasEveryCommandsHelp() throws {
        let page = try NQPBinary.run(["generate-manual"])
        #expect(page.status == 0)
        #expect(page.stdout.hasPrefix(".TH NQP 1 "))
        for section in ["NQP RUN", "NQP INIT", "NQP COUNT", "NQP DICT LIST", "NQP DICT SHOW", "NQP SCORE"] {
            #expect(page.stdout.contains(".SH \"\(section)\""), "\(section)")
        }
        #expect(page.stdout.contains("--dictionary"), "option help is in the manual")
        if let man = which("man") {
            let file = try TestPaths.temporaryDirectory("nqp-man").appendingPathComponent("nqp.1")
            try Data(page.stdout.utf8).write(to: file)
            let rendered = try runCommand(man, ["-l", file.path], environment: ["MANPAGER": "cat", "PAGER": "cat",
                                                                                "PATH": "/usr/bin:/bin"])
            #expect(rendered.status == 0 && rendered.stdout.contains("SYNOPSIS"), "man renders it: \(rendered.stderr)")
        }
    }

    /// Every error names its path once and says what happened in plain words.
    @Test func errorMessagesNameEachPathOnce() throws {
        let folder = try TestPaths.temporaryDirectory("nqp-errors")
        let missing = folder.appendingPathComponent("missing")
        let badDictionary = folder.appendingPathComponent("bad.yml")
        try Data("name: bad\ncategories:\n  a: [\"\", 甲]\n  b: {column: \"1x\", keywords: [乙]}\n".utf8).write(to: badDictionary)
        let badYAML = folder.appendingPathComponent("broken.yml")
        try Data("name: [unclosed\n".utf8).write(to: badYAML)
        let configMissingDictionary = folder.appendingPathComponent("pipeline.yml")
        try Data("counting:\n  dictionaries: [\(missing.path)/dict.yml]\nreports:\n  paths: [\(missing.path)]\n".utf8)
            .write(to: configMissingDictionary)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("init/pipeline.yml"),
                                                withIntermediateDirectories: true)
        let corrupt = folder.appendingPathComponent("000003_2020_corrupt.html.gz")
        try Data([0x1F, 0x8B, 0x08, 0, 0, 0, 0, 0, 0, 3, 0xED, 0xBD]).write(to: corrupt)
        let report = Self.repositoryReport.path
        let unknownDictionary = ": error: no such dictionary file, and no built-in dictionary has that name"
        let noConfig = ["missing/p.yml: error: cannot read the configuration file (no such file or folder)",
                        "\n  hint: pass an existing file with --config"]
        let badConfig = ["pipeline.yml:4:11: error: no such file or folder: ",
                         "\n  hint: paths are relative to the configuration file's folder",
                         "pipeline.yml:2:18: error: no such dictionary file or built-in dictionary: "]
        // Each failing command: its arguments, exit status and what standard error must say (file[:line],
        // `error:`, what, and the hint or advice), with paths relative to the test folder.
        let invocations: [(arguments: [String], status: Int32, says: [String])] = [
            (["count", corrupt.path], 1, ["missing/dict.yml" + unknownDictionary, "`nqp dict list`"]),
            (["extract", corrupt.path], 3, ["000003_2020_corrupt.html.gz: error: corrupt gzip data at byte ",
                                            "check it with `gzip -t`"]),
            (["count", missing.path + "/a.html"], 1, ["missing/dict.yml" + unknownDictionary]),
            (["count", report, "--dictionary", missing.path + "/d.yml"], 1, ["missing/d.yml" + unknownDictionary]),
            (["count", report, "--dictionary", badDictionary.path], 1,
             ["bad.yml: error: 2 problem(s) make this dictionary unusable", "bad.yml:3: error: empty keyword"]),
            (["count", report, "--dictionary", badYAML.path], 1,
             ["broken.yml:2: error: not valid YAML", "Fix the syntax"]),
            (["count", report, "--dictionary", folder.path], 1, [unknownDictionary]),
            (["count", report, "--config", missing.path + "/p.yml"], 2, noConfig),
            (["extract", missing.path + "/a.html"], 3, ["missing/a.html: error: cannot read the file",
                                                          "check that it exists and is readable"]),
            (["run", "--config", missing.path + "/p.yml"], 2, noConfig),
            (["run", "--config", configMissingDictionary.path], 2, badConfig),
            (["status", "--config", missing.path + "/p.yml"], 2, noConfig),
            (["validate", "--config", missing.path + "/p.yml"], 2, noConfig + ["p.yml: 1 problem"]),
            (["validate", "--config", configMissingDictionary.path], 2, badConfig + ["pipeline.yml: 2 problems"]),
            (["dict", "list", "--folder", missing.path], 1, ["missing: error: cannot list the folder"]),
            (["dict", "show", missing.path + "/d.yml"], 1, ["missing/d.yml" + unknownDictionary]),
            (["dict", "check", missing.path + "/d.yml"], 1, ["missing/d.yml" + unknownDictionary]),
            (["dict", "check", badDictionary.path], 2, ["bad.yml:3: error: empty keyword in category `a`",
                                                        "bad.yml:4: error: column `1x` of category `b`"]),
            (["score", missing.path + "/panel.csv", "--indicators", "a:+"], 1,
             ["missing/panel.csv: error: cannot open for reading"]),
            (["init", folder.appendingPathComponent("init").path], 2,
             ["init/pipeline.yml: error: already exists", "\n  hint: move it away"]),
        ]
        for (arguments, status, says) in invocations {
            let result = try NQPBinary.run(arguments, in: folder)
            #expect(result.status == status, "\(arguments) exits \(status): \(result.stderr)")
            for part in says {
                #expect(result.stderr.contains(part), "\(arguments) says '\(part)': \(result.stderr)")
            }
            for line in result.stderr.split(separator: "\n") {
                let times = line.components(separatedBy: folder.path).count - 1
                #expect(times <= 1, "path named \(times) times by \(arguments): \(line)")
                #expect(!line.contains("could not be completed") && !line.contains("couldn’t be completed"),
                        "Foundation wording in \(arguments): \(line)")
                #expect(!line.hasPrefix("Error:"), "ArgumentParser's wording instead of nqp's in \(arguments): \(line)")
            }
        }
    }

    // MARK: the relocatable binary

    /// Where `scripts/install.sh --prefix .build/ci-install` (run by `.ci/run` before `swift test`) installed nqp.
    static let installPrefix = TestPaths.repositoryRoot.appendingPathComponent(".build/ci-install")
    static var installed: Bool {
        FileManager.default.isExecutableFile(atPath: installPrefix.appendingPathComponent("bin/nqp").path)
    }

    @Test(.enabled(if: installed, "run scripts/install.sh --prefix .build/ci-install first (.ci/run does)"))
    func installedBinaryRunsAnywhereWithACleanEnvironment() throws {
        let binary = Self.installPrefix.appendingPathComponent("bin/nqp")
        for file in ["share/man/man1/nqp.1", "share/bash-completion/completions/nqp", "share/zsh/site-functions/_nqp",
                     "share/fish/vendor_completions.d/nqp.fish"] {
            let url = Self.installPrefix.appendingPathComponent(file)
            let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
            #expect(text.contains("nqp"), "the install step puts \(file) in place")
        }
        let manual = try String(contentsOf: Self.installPrefix.appendingPathComponent("share/man/man1/nqp.1"),
                                encoding: .utf8)
        #expect(manual.contains("init") && manual.contains("dictionary"), "the manual covers the subcommands")

        let folder = try TestPaths.temporaryDirectory("nqp-relocated")
        let copy = folder.appendingPathComponent("bin/nqp")
        try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: binary, to: copy)
        if let ldd = which("ldd") {
            let libraries = try runCommand(ldd, [copy.path])
            #expect(libraries.status == 0)
            #expect(!libraries.stdout.lowercased().contains("swift"), "no Swift library needed: \(libraries.stdout)")
            #expect(!libraries.stdout.contains("not found"), "\(libraries.stdout)")
        }
        let project = folder.appendingPathComponent("project")
        let clean: [String: String] = [:]
        let version = try runCommand(copy.path, ["--version"], currentDirectory: folder, environment: clean)
        #expect(version.status == 0 && version.stdout.contains("git commit"), "\(version.stderr)")
        let initResult = try runCommand(copy.path, ["init", project.path], currentDirectory: folder, environment: clean)
        #expect(initResult.status == 0, "\(initResult.stderr)")
        let run = try runCommand(copy.path, ["run", "--quiet"], currentDirectory: project, environment: clean)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: project.appendingPathComponent("out/panel.dta").path))
        let count = try runCommand(copy.path, ["count", Self.repositoryReport.path], currentDirectory: folder,
                                   environment: clean)
        #expect(count.status == 0 && count.stdout.contains(",digital_transformation_zh,"), "\(count.stderr)")
    }
}

/// Standard output as bytes (for output that must equal a file exactly).
func runCommandBytes(_ executable: String, _ arguments: [String], in directory: URL) throws -> Data {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.currentDirectoryURL = directory
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return data
}
