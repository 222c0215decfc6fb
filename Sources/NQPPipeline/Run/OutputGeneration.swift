import Foundation
import NQPLexicon
import NQPTable
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One run, one generation (README "Outputs: one generation per run"). Every data file of a run is written into a
/// fresh staging folder `.nqp/generations/<id>/`; publishing swaps one symbolic link, `.nqp/current`, to that
/// folder with `rename(2)`, which is atomic. The names users open (`panel.csv`, `manifest.json`, …) are stable
/// links `panel.csv -> .nqp/current/panel.csv`, so whoever opens them sees the whole old generation or the whole new
/// one — whatever fails and whenever the process is killed; a generation that never got published is discarded
/// by the next run.
enum OutputGeneration {
    static let generationsFolder = "generations"
    static let pointerName = "current"

    static func stateFolder(_ output: URL) -> URL { output.appendingPathComponent(StateStore.directoryName) }
    static func generations(_ output: URL) -> URL { stateFolder(output).appendingPathComponent(generationsFolder) }
    static func pointer(_ output: URL) -> URL { stateFolder(output).appendingPathComponent(pointerName) }
    /// The relative target of a stable top-level link.
    static func linkTarget(_ name: String) -> String { "\(StateStore.directoryName)/\(pointerName)/\(name)" }

    /// The published generation's folder name, nil when nothing was published yet.
    static func currentID(_ output: URL) -> String? {
        guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: pointer(output).path) else {
            return nil
        }
        return (target as NSString).lastPathComponent
    }

    /// The files of the published generation.
    static func currentFiles(_ output: URL) -> [String] {
        guard let id = currentID(output) else { return [] }
        let folder = generations(output).appendingPathComponent(id)
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { !$0.hasPrefix(".") }.sorted()
    }

    /// Removes what killed or failed runs left behind: unpublished generations, temporary files
    /// (`.X.tmp-PID-*`) of processes that no longer exist, and top-level links into the current generation that
    /// point at nothing. Called by a run holding the output folder's lock, so nobody else is writing here.
    static func sweep(_ output: URL) {
        let fileManager = FileManager.default
        let current = currentID(output)
        let generationsURL = generations(output)
        for name in (try? fileManager.contentsOfDirectory(atPath: generationsURL.path)) ?? [] where name != current {
            try? fileManager.removeItem(at: generationsURL.appendingPathComponent(name))
        }
        for folder in [output, stateFolder(output)] {
            for name in (try? fileManager.contentsOfDirectory(atPath: folder.path)) ?? [] {
                let url = folder.appendingPathComponent(name)
                if let pid = temporaryFileOwner(name), !processExists(pid) {
                    try? fileManager.removeItem(at: url)
                } else if folder == output, isDanglingGenerationLink(url) {
                    unlink(url.path)
                }
            }
        }
    }

    /// The process id in a temporary file name `.X.tmp-PID-suffix` (written by `AtomicFile` and the SQLite
    /// export), nil for any other name.
    static func temporaryFileOwner(_ name: String) -> pid_t? {
        guard name.hasPrefix("."), let range = name.range(of: ".tmp-", options: .backwards) else { return nil }
        let rest = name[range.upperBound...]
        guard let dash = rest.firstIndex(of: "-"), let pid = pid_t(rest[..<dash]), pid > 0 else { return nil }
        return pid
    }

    static func processExists(_ pid: pid_t) -> Bool {
        if pid == getpid() { return true }
        return kill(pid, 0) == 0 || errno == EPERM
    }

    static func isDanglingGenerationLink(_ url: URL) -> Bool {
        guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: url.path),
              target == linkTarget(url.lastPathComponent) else { return false }
        return access(url.path, F_OK) != 0
    }
}

/// Writes the output files of one run into its staging generation and remembers what it wrote. Everything a run
/// produces goes through here (`write`, or `noteWritten` for a file another module wrote into `folder`), so a new
/// output file is one `write` call and is published with the rest.
struct OutputWriter {
    /// The output folder users see.
    let output: URL
    /// The staging folder of this run's generation: where every file is written.
    let folder: URL
    let id: String
    private(set) var written: [String] = []

    init(output: URL) throws(PipelineError) {
        self.output = output
        let stamp = Int64(Date().timeIntervalSince1970 * 1000)
        id = "g\(stamp)-\(getpid())-\(String(UInt32.random(in: 0...UInt32.max), radix: 36))"
        folder = OutputGeneration.generations(output).appendingPathComponent(id)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .output(path: folder.path, reason: error.localizedDescription)
        }
    }

    mutating func write(_ name: String, _ bytes: [UInt8]) throws(PipelineError) {
        let url = folder.appendingPathComponent(name)
        do {
            try AtomicFile.write(bytes, to: url)
        } catch {
            throw .output(path: output.appendingPathComponent(name).path, reason: Diagnostic.text(of: error))
        }
        written.append(name)
    }

    /// Writes `name` through `body`, which streams the file to the URL it is given (atomically, e.g. with
    /// `AtomicFile.write(to:_:)`), for outputs too large to build in memory first.
    mutating func stream(_ name: String, _ body: (URL) throws(TableError) -> Void) throws(PipelineError) {
        do {
            try body(folder.appendingPathComponent(name))
        } catch {
            throw .output(path: output.appendingPathComponent(name).path, reason: Diagnostic.text(of: error))
        }
        written.append(name)
    }

    mutating func noteWritten(_ name: String) { written.append(name) }

    /// Hard-links (or copies) the published generation's files into this one, except `skipping`: the up-to-date
    /// path republishes the same data files with a refreshed manifest.
    mutating func carryOver(skipping: Set<String>) throws(PipelineError) {
        guard let current = OutputGeneration.currentID(output) else { return }
        let source = OutputGeneration.generations(output).appendingPathComponent(current)
        for name in OutputGeneration.currentFiles(output) where !skipping.contains(name) {
            let from = source.appendingPathComponent(name), to = folder.appendingPathComponent(name)
            if link(from.path, to.path) != 0 {
                do { try FileManager.default.copyItem(at: from, to: to) } catch {
                    throw .output(path: to.path, reason: error.localizedDescription)
                }
            }
            written.append(name)
        }
    }

    /// Size and SHA-256 of every file written so far, for the manifest: a reader can check that the files it
    /// opened belong to the generation the manifest describes.
    func fileList() throws(PipelineError) -> [RunManifest.InputFile] {
        var files: [RunManifest.InputFile] = []
        for name in written.sorted() {
            let path = folder.appendingPathComponent(name).path
            do {
                let sha = try ContentHash.sha256Hex(ofFileAt: path)
                let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
                files.append(RunManifest.InputFile(file: name, bytes: size, sha256: sha))
            } catch {
                throw .output(path: path, reason: Diagnostic.text(of: error))
            }
        }
        return files
    }

    /// Publishes the generation: stable links for new names first (they point into the current generation, so
    /// until the swap they show what the old generation had), then the atomic swap of `.nqp/current`, then the
    /// links of names the new generation no longer has and the old generations are removed.
    /// Where a test stops `publish`, as if the process were killed there.
    enum Stop { case afterLinks, afterSwap }

    func publish(stoppingAt stop: Stop? = nil) throws(PipelineError) {
        let fileManager = FileManager.default
        guard Self.supportsLinks(in: OutputGeneration.stateFolder(output)) else {
            try publishByRenaming()
            return
        }
        try adoptLegacyFiles()
        let previous = Set(OutputGeneration.currentFiles(output))
        syncDirectory(folder.path)
        for name in written {
            try placeLink(name)
        }
        if stop == .afterLinks { return }
        let pointer = OutputGeneration.pointer(output)
        let temporary = pointer.deletingLastPathComponent()
            .appendingPathComponent(".\(OutputGeneration.pointerName).tmp-\(getpid())-\(id)")
        unlink(temporary.path)
        guard symlink("\(OutputGeneration.generationsFolder)/\(id)", temporary.path) == 0,
              rename(temporary.path, pointer.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary.path)
            throw .output(path: pointer.path, reason: "cannot switch to the new generation: \(reason)")
        }
        syncDirectory(pointer.deletingLastPathComponent().path)
        if stop == .afterSwap { return }
        for name in previous.subtracting(written) {
            let url = output.appendingPathComponent(name)
            if (try? fileManager.destinationOfSymbolicLink(atPath: url.path)) == OutputGeneration.linkTarget(name) {
                unlink(url.path)
            }
        }
        syncDirectory(output.path)
        OutputGeneration.sweep(output)
    }

    /// Whether the output folder's filesystem takes symbolic links (FAT, exFAT and some network shares do not).
    static func supportsLinks(in folder: URL) -> Bool {
        let probe = folder.appendingPathComponent(".link-probe.tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        defer { unlink(probe.path) }
        return symlink(".", probe.path) == 0
    }

    /// Where links are impossible: every data file is renamed into the output folder, each atomically, and
    /// `manifest.json` last, so a reader that checks the files against the manifest's sizes and SHA-256 can tell
    /// a complete generation from one a crash interrupted (README "Outputs: one generation per run").
    func publishByRenaming() throws(PipelineError) {
        syncDirectory(folder.path)
        let order = written.filter { $0 != "manifest.json" } + written.filter { $0 == "manifest.json" }
        for name in order {
            let from = folder.appendingPathComponent(name), to = output.appendingPathComponent(name)
            if rename(from.path, to.path) != 0 {
                throw .output(path: to.path, reason: "cannot move the new file into place: \(String(cString: strerror(errno)))")
            }
        }
        syncDirectory(output.path)
        try? FileManager.default.removeItem(at: folder)
    }

    /// Removes the unpublished generation (a run that failed).
    func discard() {
        if OutputGeneration.currentID(output) != id { try? FileManager.default.removeItem(at: folder) }
    }

    /// Points `output/name` at `.nqp/current/name`, replacing a regular file of an older nqp atomically.
    private func placeLink(_ name: String) throws(PipelineError) {
        let url = output.appendingPathComponent(name)
        let target = OutputGeneration.linkTarget(name)
        if (try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)) == target { return }
        let temporary = output.appendingPathComponent(".\(name).tmp-\(getpid())-link")
        unlink(temporary.path)
        guard symlink(target, temporary.path) == 0, rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary.path)
            throw .output(path: url.path, reason: "cannot link to the current generation: \(reason)")
        }
    }

    /// An output folder written by an nqp without generations holds regular files. Before the first swap they
    /// become generation zero (hard links, so no byte moves and a reader sees the same content throughout), which
    /// keeps the switch to links as atomic as every later one.
    private func adoptLegacyFiles() throws(PipelineError) {
        guard OutputGeneration.currentID(output) == nil else { return }
        let fileManager = FileManager.default
        // What this run writes, what the old manifest lists, and the names older versions wrote (their manifest
        // did not list them), so that an output this run no longer writes does not linger as a plain file.
        var names = Set(written).union(Self.legacyNames)
        if let data = try? Data(contentsOf: output.appendingPathComponent("manifest.json")),
           let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
           let summary = json["summary"] as? [String: Any], let outputs = summary["outputs"] as? [String] {
            names.formUnion(outputs)
        }
        let legacy = names.filter { name in
            var info = stat()
            return !name.contains("/") && lstat(output.appendingPathComponent(name).path, &info) == 0
                && (info.st_mode & S_IFMT) == S_IFREG
        }
        guard !legacy.isEmpty else { return }
        var zero = try OutputWriter(output: output)
        for name in legacy.sorted() {
            let from = output.appendingPathComponent(name), to = zero.folder.appendingPathComponent(name)
            if link(from.path, to.path) != 0 {
                do { try fileManager.copyItem(at: from, to: to) } catch {
                    throw .output(path: to.path, reason: error.localizedDescription)
                }
            }
            zero.written.append(name)
        }
        let pointer = OutputGeneration.pointer(output)
        let temporary = pointer.deletingLastPathComponent().appendingPathComponent(".current.tmp-\(getpid())-zero")
        unlink(temporary.path)
        guard symlink("\(OutputGeneration.generationsFolder)/\(zero.id)", temporary.path) == 0,
              rename(temporary.path, pointer.path) == 0 else {
            throw .output(path: pointer.path, reason: "cannot adopt the previous outputs: \(String(cString: strerror(errno)))")
        }
        for name in zero.written { try zero.placeLink(name) }
    }

    static let legacyNames = ["reports.csv", "counts.csv", "kwic.csv", "errors.csv", "merge_report.csv",
                              "merge_unmatched.csv", "weights.csv", "codebook.csv", "codebook.md", "manifest.json",
                              "panel.dta", "panel.csv", "panel_import.do", "panel_import.R", "panel.sqlite"]

    private func syncDirectory(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        if descriptor >= 0 { _ = fsync(descriptor); close(descriptor) }
    }
}
