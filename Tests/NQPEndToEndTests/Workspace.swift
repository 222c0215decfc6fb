import Foundation
import NQPTestSupport

/// A throwaway copy of the shipped `pipeline.yml`, `samples/` and `dictionaries/`, so end-to-end runs never touch
/// the repository and can change inputs freely.
struct Workspace {
    let root: URL

    init(_ name: String = "nqp-e2e") throws {
        root = try TestPaths.temporaryDirectory(name)
        let repository = TestPaths.repositoryRoot
        let fileManager = FileManager.default
        for item in ["pipeline.yml", "samples", "dictionaries", "examples"] {
            try fileManager.copyItem(at: repository.appendingPathComponent(item), to: root.appendingPathComponent(item))
        }
    }

    var config: URL { root.appendingPathComponent("pipeline.yml") }
    var reports: URL { root.appendingPathComponent("samples/reports") }
    func output(_ folder: String = "out") -> URL { root.appendingPathComponent(folder) }

    /// Runs `nqp` in the workspace.
    @discardableResult
    func nqp(_ arguments: [String]) throws -> CommandResult {
        try NQPBinary.run(arguments, in: root)
    }

    /// `nqp run --quiet` with extra arguments.
    @discardableResult
    func run(_ extra: [String] = []) throws -> CommandResult {
        try nqp(["run", "--config", config.path, "--quiet"] + extra)
    }

    /// Sets the value of the configuration key at `path` (`counting.kwic`), keeping every other line as it is.
    func setConfig(_ path: String, _ value: String) throws {
        try editConfig { try $0.set(path, to: value) }
    }

    /// Renames the configuration key at `path` (e.g. to a misspelling).
    func renameConfigKey(_ path: String, to name: String) throws {
        try editConfig { try $0.rename(path, to: name) }
    }

    /// Adds `yaml` as the last entries of the mapping at `path` ("" for the top level).
    func insertConfig(_ yaml: String, under path: String) throws {
        try editConfig { try $0.insert(yaml, under: path) }
    }

    private func editConfig(_ edit: (inout ConfigEditor) throws -> Void) throws {
        var editor = ConfigEditor(try String(contentsOf: config, encoding: .utf8))
        try edit(&editor)
        try editor.text.write(to: config, atomically: true, encoding: .utf8)
    }

    /// The data files of an output folder (everything but the manifest and the state store), name → bytes.
    func dataFiles(_ folder: String = "out") throws -> [String: Data] {
        let url = output(folder)
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: url.path)
        where name != "manifest.json" && name != "report-incomplete.html" && !name.hasPrefix(".") {
            files[name] = try Data(contentsOf: url.appendingPathComponent(name))
            if name == "report.html", let page = files[name] {
                files[name] = Data(Self.withoutRunMetadata(String(decoding: page, as: UTF8.self)).utf8)
            }
        }
        return files
    }

    /// report.html without its run-metadata block (times, report counts, exit status: what differs between runs).
    static func withoutRunMetadata(_ page: String) -> String {
        guard let begin = page.range(of: "<!-- run-metadata:begin -->"),
              let end = page.range(of: "<!-- run-metadata:end -->", range: begin.upperBound..<page.endIndex)
        else { return page }
        return String(page[..<begin.lowerBound]) + String(page[end.upperBound...])
    }

    /// `manifest.json` of an output folder, parsed.
    func manifest(_ folder: String = "out") throws -> [String: Any] {
        let data = try Data(contentsOf: output(folder).appendingPathComponent("manifest.json"))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    /// The run summary's report counts from the manifest (`new`, `changed`, `unchanged`, …).
    func reportCounts(_ folder: String = "out") throws -> [String: Int] {
        let summary = try manifest(folder)["summary"] as? [String: Any]
        return summary?["reports"] as? [String: Int] ?? [:]
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

/// Reads a CSV written by nqp (RFC 4180, optional BOM) into rows of fields; enough for assertions.
func parseCSV(_ data: Data) -> [[String]] {
    var text = String(decoding: data, as: UTF8.self)
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    var rows: [[String]] = [], row: [String] = [], field = ""
    var inQuotes = false
    var iterator = Array(text.unicodeScalars).makeIterator()
    var pending: Unicode.Scalar? = nil
    func next() -> Unicode.Scalar? {
        if let p = pending { pending = nil; return p }
        return iterator.next()
    }
    while let c = next() {
        if inQuotes {
            if c == "\"" {
                if let n = next() {
                    if n == "\"" { field.unicodeScalars.append("\"") } else { inQuotes = false; pending = n }
                } else { inQuotes = false }
            } else {
                field.unicodeScalars.append(c)
            }
        } else if c == "\"" {
            inQuotes = true
        } else if c == "," {
            row.append(field); field = ""
        } else if c == "\n" || c == "\r" {
            if c == "\r", let n = next(), n != "\n" { pending = n }
            row.append(field); field = ""
            rows.append(row); row = []
        } else {
            field.unicodeScalars.append(c)
        }
    }
    if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
    return rows
}
