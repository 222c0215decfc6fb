import Foundation

/// A small, fast, seedable generator (SplitMix64) so randomized tests are repeatable: same seed, same case.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

public enum TestPaths {
    /// The repository root (this file is Tests/NQPTestSupport/TestSupport.swift).
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared/realdata` beside the checkout, when it exists. Tests that need it skip cleanly otherwise.
    public static let realData: URL? = {
        let url = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/realdata")
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
            ? url : nil
    }()

    public static var hasRealData: Bool { realData != nil }

    /// A fresh empty temporary directory.
    public static func temporaryDirectory(_ prefix: String = "nqp-test") throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(prefix)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Runs a command and returns its exit status, standard output and standard error.
public struct CommandResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

public func runCommand(_ executable: String, _ arguments: [String], currentDirectory: URL? = nil,
                       environment: [String: String]? = nil) throws -> CommandResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let currentDirectory { process.currentDirectoryURL = currentDirectory }
    if let environment { process.environment = environment }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    // Read both pipes concurrently so a chatty child cannot block on a full pipe.
    let group = DispatchGroup()
    nonisolated(unsafe) var errData = Data()
    group.enter()
    DispatchQueue.global().async {
        errData = err.fileHandleForReading.readDataToEndOfFile()
        group.leave()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return CommandResult(status: process.terminationStatus,
                         stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData, as: UTF8.self))
}

/// Looks an executable up on PATH (for optional external readers such as Rscript or readstat).
public func which(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for dir in path.split(separator: ":") {
        let candidate = "\(dir)/\(name)"
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
}

/// The `nqp` executable that `swift test` built next to the test bundle.
public enum NQPBinary {
    public static var url: URL {
        // On Linux the test bundle's main bundle is the products folder (.build/debug); on macOS it is the
        // .xctest bundle inside it.
        var folder = Bundle.main.bundleURL
        if folder.pathExtension == "xctest" { folder.deleteLastPathComponent() }
        return folder.appendingPathComponent("nqp")
    }

    public static var exists: Bool { FileManager.default.isExecutableFile(atPath: url.path) }

    /// Runs `nqp` with `arguments` in `directory`.
    public static func run(_ arguments: [String], in directory: URL? = nil) throws -> CommandResult {
        try runCommand(url.path, arguments, currentDirectory: directory)
    }
}

extension FileManager {
    /// Copies `source` to `destination` recursively, replacing nothing (the destination must not exist).
    public func copyTree(_ source: URL, to destination: URL) throws {
        try createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
        try copyItem(at: source, to: destination)
    }
}
