import Foundation

/// "FILE: error: WHAT", naming the file once even when the error's own text already starts with its path
/// (as errors from the stages do, for errors.csv and logs).
func fileErrorLine(_ file: String, _ error: any Error, path: String? = nil) -> String {
    "\(file): error: \(withoutLeadingPath("\(error)", file, path))"
}

/// `text` without a leading "PATH: " for any of `paths` (as typed, or absolute).
func withoutLeadingPath(_ text: String, _ paths: String?...) -> String {
    let candidates = paths.compactMap { $0 }.flatMap { [$0, URL(fileURLWithPath: $0).path] }
    for prefix in candidates where text.hasPrefix(prefix + ": ") {
        return String(text.dropFirst(prefix.count + 2))
    }
    return text
}
