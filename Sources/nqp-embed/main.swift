// nqp-embed: the build tool behind the EmbedBuiltins plugin. Writes the shipped dictionary files as Swift string
// literals (escaped so the literal's UTF-8 is the file's bytes exactly) and the git commit being built.
// Usage: nqp-embed --package DIR --dictionary-output FILE --build-info-output FILE [--dictionary FILE]...
import Foundation

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("nqp-embed: error: \(message)\n".utf8))
    exit(1)
}

var package = ""
var dictionaryOutput = ""
var buildInfoOutput = ""
var dictionaries: [String] = []
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    guard let value = arguments.next() else { fail("\(argument) needs a value") }
    switch argument {
    case "--package": package = value
    case "--dictionary-output": dictionaryOutput = value
    case "--build-info-output": buildInfoOutput = value
    case "--dictionary": dictionaries.append(value)
    default: fail("unknown argument \(argument)")
    }
}
guard !package.isEmpty, !dictionaryOutput.isEmpty, !buildInfoOutput.isEmpty else {
    fail("usage: nqp-embed --package DIR --dictionary-output FILE --build-info-output FILE [--dictionary FILE]...")
}

/// A Swift string literal whose UTF-8 equals `text`'s: quotes, backslashes and every control, format or
/// line-separator scalar are escaped, everything else is written as is.
func literal(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": out += "\\\\"
        case "\"": out += "\\\""
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .privateUse, .unassigned, .surrogate:
                out += "\\u{" + String(scalar.value, radix: 16) + "}"
            default:
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}

var source = """
    // Generated at build time by nqp-embed (EmbedBuiltins plugin) from the files in dictionaries/.
    // Edit those files, not this one; a test checks that these copies equal them byte for byte.

    let generatedDictionaryFiles: [(name: String, text: String)] = [

    """
for path in dictionaries {
    guard let data = FileManager.default.contents(atPath: path) else { fail("\(path): cannot read the file") }
    guard let text = String(validating: [UInt8](data), as: UTF8.self) else {
        fail("\(path): the file is not UTF-8; save it as UTF-8")
    }
    let name = URL(fileURLWithPath: path).lastPathComponent
    source += "    (name: \(literal(name)), text: \(literal(text))),\n"
}
source += "]\n"

/// The commit checked out in the package folder, or "unknown" outside a git checkout or without git.
func gitCommit(package: String) -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git", "-C", package, "rev-parse", "HEAD"]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { return "unknown" }
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let commit = String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    guard process.terminationStatus == 0, commit.count == 40, commit.allSatisfy(\.isHexDigit) else { return "unknown" }
    return commit
}

let buildInfo = """
    // Generated at build time by nqp-embed (EmbedBuiltins plugin): the git commit the binary was built from.

    let generatedGitCommit = \(literal(gitCommit(package: package)))

    """

func write(_ text: String, to path: String) {
    // Unchanged content is not rewritten, so an unchanged input does not force a recompile.
    if let existing = FileManager.default.contents(atPath: path), existing == Data(text.utf8) { return }
    do {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
        fail("\(path): cannot write the generated file (\(error))")
    }
}
write(source, to: dictionaryOutput)
write(buildInfo, to: buildInfoOutput)
