import Foundation

/// "FILE: error: WHAT", naming the file once even when the error's own text already starts with its path
/// (as errors from the stages do, for errors.csv and logs).
func fileErrorLine(_ file: String, _ error: any Error, path: String? = nil) -> String {
    fileErrorLine(file, "\(error)", path: path)
}

func fileErrorLine(_ file: String, _ text: String, path: String? = nil) -> String {
    var text = text
    for prefix in [file, path].compactMap({ $0 }) where text.hasPrefix(prefix + ": ") {
        text = String(text.dropFirst(prefix.count + 2))
        break
    }
    return "\(file): error: \(text)"
}
