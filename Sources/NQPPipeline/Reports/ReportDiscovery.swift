import Foundation

/// A report file found on disk.
public struct DiscoveredFile: Sendable, Hashable {
    public var url: URL
    /// How outputs name the file: relative to the configuration's folder (or as given on the command line).
    public var displayPath: String
}

/// Finds report files: explicit files are taken as they are; folders are searched recursively for file names
/// matching the include patterns and not the exclude patterns. Sorted by display path (determinism).
public enum ReportDiscovery {
    public static func files(in paths: [String], relativeTo base: URL? = nil, include: [String],
                             exclude: [String]) throws(PipelineError) -> [DiscoveredFile] {
        var found: [DiscoveredFile] = []
        let fileManager = FileManager.default
        for path in paths {
            let url = base.map { path.hasPrefix("/") ? URL(fileURLWithPath: path) : $0.appendingPathComponent(path) }
                ?? URL(fileURLWithPath: path)
            var isDirectory: ObjCBool = false
            guard fileManager.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                throw .missingInput(path: url.path)
            }
            if !isDirectory.boolValue {
                found.append(DiscoveredFile(url: url, displayPath: path))
                continue
            }
            guard let enumerator = fileManager.enumerator(at: url, includingPropertiesForKeys: [.isRegularFileKey],
                                                          options: [.skipsHiddenFiles]) else { continue }
            for case let fileURL as URL in enumerator {
                // fileExists follows symbolic links: a linked report is read like any other.
                var isFolder: ObjCBool = false
                guard fileManager.fileExists(atPath: fileURL.path, isDirectory: &isFolder), !isFolder.boolValue else {
                    continue
                }
                let name = fileURL.lastPathComponent
                guard include.contains(where: { Glob.matches(name, pattern: $0) }),
                      !exclude.contains(where: { Glob.matches(name, pattern: $0) }) else { continue }
                let relative = String(fileURL.path.dropFirst(url.path.count).drop { $0 == "/" })
                let display = path.hasSuffix("/") ? path + relative : path + "/" + relative
                found.append(DiscoveredFile(url: fileURL, displayPath: display))
            }
        }
        var seen = Set<String>()
        return found.sorted { $0.displayPath < $1.displayPath }.filter { seen.insert($0.url.path).inserted }
    }
}

/// Shell-style file-name patterns (`*`, `?`), case-insensitive, matched on the whole name.
enum Glob {
    static func matches(_ name: String, pattern: String) -> Bool {
        let n = Array(name.lowercased().unicodeScalars), p = Array(pattern.lowercased().unicodeScalars)
        var i = 0, j = 0, star = -1, mark = 0
        while i < n.count {
            if j < p.count, p[j] == "?" || p[j] == n[i] {
                i += 1; j += 1
            } else if j < p.count, p[j] == "*" {
                star = j; mark = i; j += 1
            } else if star >= 0 {
                j = star + 1; mark += 1; i = mark
            } else {
                return false
            }
        }
        while j < p.count, p[j] == "*" { j += 1 }
        return j == p.count
    }
}
