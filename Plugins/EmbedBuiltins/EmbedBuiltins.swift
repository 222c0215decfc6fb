import Foundation
import PackagePlugin

/// Build-tool plugin: compiles the shipped dictionaries (`dictionaries/*.yml`, the source of truth) and the git
/// commit being built into Swift source for `NQPBuiltins`, so one binary carries both and works from any folder
/// without a resource bundle beside it. The command reruns when a dictionary file or the checked-out commit changes.
@main
struct EmbedBuiltins: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) async throws -> [Command] {
        let package = context.package.directoryURL
        let folder = package.appendingPathComponent("dictionaries")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".yml") || $0.hasSuffix(".yaml") || $0.hasSuffix(".txt") }
            .sorted()
        let dictionaries = names.map { folder.appendingPathComponent($0) }
        let output = context.pluginWorkDirectoryURL
        let dictionaryOutput = output.appendingPathComponent("EmbeddedDictionaries.swift")
        let buildInfoOutput = output.appendingPathComponent("EmbeddedBuildInfo.swift")
        let gitFiles = Self.gitInputs(package: package)
        var arguments = ["--package", package.path, "--dictionary-output", dictionaryOutput.path,
                         "--build-info-output", buildInfoOutput.path]
        for dictionary in dictionaries { arguments += ["--dictionary", dictionary.path] }
        return [
            .buildCommand(displayName: "Embedding \(dictionaries.count) dictionaries and the git commit",
                          executable: try context.tool(named: "nqp-embed").url,
                          arguments: arguments,
                          inputFiles: dictionaries + gitFiles,
                          outputFiles: [dictionaryOutput, buildInfoOutput]),
        ]
    }

    /// The files whose change means a different commit is checked out: HEAD, the branch's ref file and
    /// packed-refs (in the worktree's git folder and the shared one). Missing files are left out (a source
    /// archive without .git builds with commit "unknown").
    static func gitInputs(package: URL) -> [URL] {
        let dotGit = package.appendingPathComponent(".git")
        var gitDir = dotGit
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dotGit.path, isDirectory: &isFolder) else { return [] }
        if !isFolder.boolValue {
            // A worktree or submodule: ".git" is a file "gitdir: <path>".
            guard let text = try? String(contentsOf: dotGit, encoding: .utf8),
                  let line = text.split(separator: "\n").first(where: { $0.hasPrefix("gitdir:") }) else { return [] }
            let path = line.dropFirst("gitdir:".count).trimmingCharacters(in: .whitespaces)
            gitDir = path.hasPrefix("/") ? URL(fileURLWithPath: path) : package.appendingPathComponent(path)
        }
        var commonDir = gitDir
        if let common = try? String(contentsOf: gitDir.appendingPathComponent("commondir"), encoding: .utf8) {
            let path = common.trimmingCharacters(in: .whitespacesAndNewlines)
            commonDir = path.hasPrefix("/") ? URL(fileURLWithPath: path) : gitDir.appendingPathComponent(path)
        }
        var files = [gitDir.appendingPathComponent("HEAD"), commonDir.appendingPathComponent("packed-refs")]
        if let head = try? String(contentsOf: gitDir.appendingPathComponent("HEAD"), encoding: .utf8),
           head.hasPrefix("ref:") {
            let ref = head.dropFirst(4).trimmingCharacters(in: .whitespacesAndNewlines)
            files += [gitDir.appendingPathComponent(ref), commonDir.appendingPathComponent(ref)]
        }
        var seen = Set<String>()
        return files.filter { FileManager.default.fileExists(atPath: $0.path) && seen.insert($0.standardizedFileURL.path).inserted }
    }
}
