import Foundation

/// A report file found on disk.
public struct DiscoveredFile: Sendable, Hashable {
    public var url: URL
    /// How outputs name the file: relative to the configuration's folder (or as given on the command line).
    public var displayPath: String
}

/// Something under the reports paths that could not be taken as a report: a folder that cannot be listed, a
/// symbolic link to nothing, or a matching name that is not a regular file (a FIFO, a device such as
/// `/dev/zero`, a socket) — never opened, since reading those blocks or never ends. A run lists each as a warning
/// in its summary, `errors.csv` and `manifest.json`, and exits 3 (README "Exit codes").
public struct DiscoveryProblem: Sendable, Hashable, CustomStringConvertible {
    public var displayPath: String
    public var reason: String

    public var description: String { "\(displayPath): \(reason)" }
}

/// Finds report files: explicit files are taken as they are; folders are searched recursively (following
/// symbolic links to folders once each) for regular files whose names match the include patterns and not the
/// exclude patterns. Sorted by display path (determinism).
public enum ReportDiscovery {
    /// The files found and what was skipped.
    public struct Scan: Sendable {
        public var files: [DiscoveredFile]
        public var problems: [DiscoveryProblem]
    }

    public static func files(in paths: [String], relativeTo base: URL? = nil, include: [String],
                             exclude: [String]) throws(PipelineError) -> [DiscoveredFile] {
        try scan(paths, relativeTo: base, include: include, exclude: exclude).files
    }

    public static func scan(_ paths: [String], relativeTo base: URL? = nil, include: [String],
                            exclude: [String]) throws(PipelineError) -> Scan {
        var walker = Walker(include: include, exclude: exclude)
        for path in paths {
            let url = base.map { path.hasPrefix("/") ? URL(fileURLWithPath: path) : $0.appendingPathComponent(path) }
                ?? URL(fileURLWithPath: path)
            var info = stat()
            guard stat(url.path, &info) == 0 else {
                if lstat(url.path, &info) == 0 {
                    walker.problems.append(DiscoveryProblem(displayPath: path, reason: Walker.danglingReason(url)))
                    continue
                }
                throw .missingInput(path: url.path)
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                walker.walk(folder: url, display: path.hasSuffix("/") ? String(path.dropLast()) : path, info: info)
            case S_IFREG:
                walker.files.append(DiscoveredFile(url: url, displayPath: path))
            default:
                walker.problems.append(DiscoveryProblem(displayPath: path, reason: Walker.notRegular(info)))
            }
        }
        var seen = Set<String>()
        let files = walker.files.sorted { $0.displayPath < $1.displayPath }.filter { seen.insert($0.url.path).inserted }
        return Scan(files: files, problems: walker.problems.sorted { $0.displayPath < $1.displayPath })
    }

    private struct Walker {
        let include: [String]
        let exclude: [String]
        var files: [DiscoveredFile] = []
        var problems: [DiscoveryProblem] = []
        /// Folders already walked (device, inode): a link back up the tree is walked once.
        var visited = Set<[UInt64]>()

        init(include: [String], exclude: [String]) {
            self.include = include
            self.exclude = exclude
        }

        func wanted(_ name: String) -> Bool {
            include.contains { Glob.matches(name, pattern: $0) } && !exclude.contains { Glob.matches(name, pattern: $0) }
        }

        mutating func walk(folder: URL, display: String, info: stat) {
            guard visited.insert([UInt64(info.st_dev), UInt64(info.st_ino)]).inserted else { return }
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            } catch {
                let reason = (error as NSError).userInfo[NSUnderlyingErrorKey].map { "\($0)" } ?? error.localizedDescription
                problems.append(DiscoveryProblem(displayPath: display + "/",
                    reason: "cannot list this folder (\(Self.reason(reason))); its reports are missing from this run — "
                        + "fix its permissions or remove it from reports.paths"))
                return
            }
            for name in names.sorted() where !name.hasPrefix(".") {
                let url = folder.appendingPathComponent(name)
                let shown = display + "/" + name
                var own = stat(), target = stat()
                guard lstat(url.path, &own) == 0 else { continue }   // vanished while listing
                let isLink = (own.st_mode & S_IFMT) == S_IFLNK
                guard stat(url.path, &target) == 0 else {
                    if isLink { problems.append(DiscoveryProblem(displayPath: shown, reason: Self.danglingReason(url))) }
                    continue
                }
                switch target.st_mode & S_IFMT {
                case S_IFDIR:
                    walk(folder: url, display: shown, info: target)
                case S_IFREG:
                    if wanted(name) { files.append(DiscoveredFile(url: url, displayPath: shown)) }
                default:
                    if wanted(name) { problems.append(DiscoveryProblem(displayPath: shown, reason: Self.notRegular(target))) }
                }
            }
        }

        static func reason(_ text: String) -> String {
            text.lowercased().contains("permission") ? "permission denied" : text
        }

        static func danglingReason(_ url: URL) -> String {
            let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)) ?? "?"
            return "symbolic link to \(String(target.prefix(200))), which does not exist (or loops); "
                + "fix or remove the link"
        }

        static func notRegular(_ info: stat) -> String {
            let kind: String
            switch info.st_mode & S_IFMT {
            case S_IFIFO: kind = "a FIFO (named pipe)"
            case S_IFCHR: kind = "a character device"
            case S_IFBLK: kind = "a block device"
            case S_IFSOCK: kind = "a socket"
            default: kind = "not a regular file"
            }
            return "\(kind), not a report file; skipped without opening it (reading it could block forever)"
        }
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
