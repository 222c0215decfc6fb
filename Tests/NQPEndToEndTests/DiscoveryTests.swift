import Foundation
import NQPTestSupport
import Testing

/// What is under the reports folder but cannot be a report: FIFOs and links to devices used to hang `run` and
/// `status` forever; unreadable folders and dangling links vanished from the panel without a word. Now each is
/// skipped without being opened, listed (warning, errors.csv, manifest.json) and the run exits 3.
@Suite("report discovery: nothing hangs, nothing vanishes", .serialized)
struct DiscoveryTests {
    /// Runs nqp with a deadline: a hang is a test failure, not a stuck CI job. As root (where permissions do not
    /// apply) it runs as `nobody` through setpriv, so an unreadable folder is unreadable.
    static func nqp(_ workspace: Workspace, _ arguments: [String], unprivileged: Bool = false,
                    deadline: TimeInterval = 120) throws -> (status: Int32, stderr: String, stdout: String) {
        let process = Process()
        if unprivileged, geteuid() == 0 {
            // A copy inside the workspace: the build folder may sit where `nobody` cannot reach (e.g. /root).
            let binary = workspace.root.appendingPathComponent("nqp-unprivileged")
            if !FileManager.default.fileExists(atPath: binary.path) {
                try FileManager.default.copyItem(at: NQPBinary.url, to: binary)
                chmod(binary.path, 0o755)
            }
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", binary.path] + arguments
        } else {
            process.executableURL = NQPBinary.url
            process.arguments = arguments
        }
        process.currentDirectoryURL = workspace.root
        let errors = workspace.root.appendingPathComponent("stderr-\(UUID().uuidString).txt")
        let output = workspace.root.appendingPathComponent("stdout-\(UUID().uuidString).txt")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: errors)
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let start = Date()
        while process.isRunning, Date().timeIntervalSince(start) < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            Issue.record("nqp \(arguments.joined(separator: " ")) hung (killed after \(deadline) s)")
        }
        process.waitUntilExit()
        defer { try? FileManager.default.removeItem(at: errors); try? FileManager.default.removeItem(at: output) }
        return (process.terminationStatus, try String(contentsOf: errors, encoding: .utf8),
                try String(contentsOf: output, encoding: .utf8))
    }

    @Test func fifoDeviceLinksDanglingLinksAndUnreadableFoldersAreListedAndExitThree() throws {
        let workspace = try Workspace("nqp-discovery")
        defer {
            chmod(workspace.reports.appendingPathComponent("locked").path, 0o755)
            workspace.remove()
        }
        let reports = workspace.reports
        #expect(mkfifo(reports.appendingPathComponent("000777_2021_pipe.html").path, 0o644) == 0)
        try FileManager.default.createSymbolicLink(atPath: reports.appendingPathComponent("000778_2021_zero.html").path,
                                                   withDestinationPath: "/dev/zero")
        try FileManager.default.createSymbolicLink(atPath: reports.appendingPathComponent("000779_2021_gone.html").path,
                                                   withDestinationPath: "nowhere/missing.html")
        let locked = reports.appendingPathComponent("locked")
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: reports.appendingPathComponent("300059_2021_示例财讯.html"),
                                         to: locked.appendingPathComponent("000780_2021_hidden.html"))
        // Everything readable by the unprivileged user, except the locked folder.
        _ = try runCommand("/bin/chmod", ["-R", "a+rwX", workspace.root.path])
        #expect(chmod(locked.path, 0o000) == 0)

        let status = try Self.nqp(workspace, ["status", "--config", workspace.config.path], unprivileged: true)
        #expect(status.status == 0, "\(status.stderr)")
        #expect((status.stdout + status.stderr).contains("000777_2021_pipe.html"), "status lists the FIFO")

        let run = try Self.nqp(workspace, ["run", "--config", workspace.config.path, "--quiet"], unprivileged: true)
        #expect(run.status == 3, "exit 3: \(run.stderr.suffix(1500))")
        for (name, reason) in [("000777_2021_pipe.html", "FIFO"), ("000778_2021_zero.html", "character device"),
                               ("000779_2021_gone.html", "does not exist"), ("locked/", "cannot list this folder")] {
            #expect(run.stderr.contains(name) && run.stderr.contains(reason), "warning for \(name)")
            let errors = parseCSV(try Data(contentsOf: workspace.output().appendingPathComponent("errors.csv")))
            #expect(errors.contains { $0[0].hasSuffix(name) && $0[2] == "discover" && $0[3].contains(reason) },
                    "errors.csv lists \(name)")
            let warnings = try workspace.manifest()["warnings"] as? [String] ?? []
            #expect(warnings.contains { $0.contains(name) }, "manifest lists \(name)")
        }
        // The other reports are in the panel as usual.
        let panel = parseCSV(try Data(contentsOf: workspace.output().appendingPathComponent("panel.csv")))
        #expect(panel.contains { $0.first == "000001" })
        // Still reported on the next run, which has nothing new to read.
        let again = try Self.nqp(workspace, ["run", "--config", workspace.config.path, "--quiet"], unprivileged: true)
        #expect(again.status == 3, "\(again.stderr.suffix(600))")
    }
}
