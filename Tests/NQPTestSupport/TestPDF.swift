import Foundation

/// PDFs made at test time by our own generator, `Tests/Fixtures/pdfgen/pdfgen.py` (fpdf2 and a CJK font from
/// Debian; `.ci/run` installs both). Tests that need it are enabled only when it can run.
public enum TestPDF {
    /// The generator script.
    public static let script = TestPaths.repositoryRoot.appendingPathComponent("Tests/Fixtures/pdfgen/pdfgen.py")

    /// Why the generator cannot run here (no python3, fpdf2 or CJK font), or nil when it can.
    public static let unavailableReason: String? = {
        guard let python = which("python3") else { return "python3 is not installed" }
        guard let result = try? runCommand(python, [script.path, "--check"]) else { return "python3 failed to start" }
        return result.status == 0 ? nil : result.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
    }()

    public static var isAvailable: Bool {
        if let reason = unavailableReason {
            print("skipped: the test PDF generator cannot run (\(reason)); `.ci/run` installs what it needs")
            return false
        }
        return true
    }

    /// Writes the PDF described by `spec` (see the script's documentation) to `url`.
    public static func make(_ spec: [String: Any], at url: URL) throws {
        let specURL = url.deletingPathExtension().appendingPathExtension("spec.json")
        try JSONSerialization.data(withJSONObject: spec, options: [.sortedKeys]).write(to: specURL)
        defer { try? FileManager.default.removeItem(at: specURL) }
        let python = which("python3") ?? "/usr/bin/python3"
        let result = try runCommand(python, [script.path, specURL.path, url.path])
        guard result.status == 0 else {
            throw GeneratorFailure(message: "pdfgen failed (\(result.status)): \(result.stderr)")
        }
    }

    /// Body text of each page as the generator typeset it (headers, footers and page numbers excluded).
    public static func pageTexts(_ spec: [String: Any]) -> [String] {
        let pages = spec["pages"] as? [[String: Any]] ?? []
        return pages.map { page in
            var lines = page["lines"] as? [String] ?? []
            for column in page["columns"] as? [[String]] ?? [] { lines.append(contentsOf: column) }
            for row in page["table"] as? [[String]] ?? [] { lines.append(row.joined(separator: " ")) }
            return lines.joined(separator: "\n")
        }
    }

    public struct GeneratorFailure: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }
}
