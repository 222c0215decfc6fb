import Foundation

/// What went wrong with a file operation, in plain words and without the path (messages name the path once,
/// themselves). Replaces Foundation's "The operation could not be completed" wording, which on Linux says
/// neither what happened nor what to do.
public enum FileErrorReason {
    /// "no such file or folder", "permission denied", "it is a folder, not a file", … for Foundation and POSIX
    /// errors; other errors' own descriptions (never a Swift enum dump or "… error 1." when the error has text).
    public static func describe(_ error: any Error) -> String {
        // Foundation bridges a decoding error to a Cocoa error whose text ("The data is missing.") drops the key.
        if let decoding = error as? DecodingError { return text(of: decoding) }
        let nsError = error as NSError
        // A Swift error bridges to a domain named after its type, and its `localizedDescription` names only the
        // type and a case number; its own text says more.
        guard type(of: error) is NSError.Type || [NSCocoaErrorDomain, NSPOSIXErrorDomain].contains(nsError.domain)
                || nsError.userInfo[NSUnderlyingErrorKey] != nil else { return swiftText(error) }
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
           underlying.domain == NSPOSIXErrorDomain, let text = posix(Int32(underlying.code)) {
            return text
        }
        if nsError.domain == NSPOSIXErrorDomain, let text = posix(Int32(nsError.code)) { return text }
        if nsError.domain == NSCocoaErrorDomain {
            switch CocoaError.Code(rawValue: nsError.code) {
            case .fileNoSuchFile, .fileReadNoSuchFile: return "no such file or folder"
            case .fileReadNoPermission, .fileWriteNoPermission: return "permission denied"
            case .fileWriteOutOfSpace: return "no space left on the device"
            case .fileWriteVolumeReadOnly: return "the file system is read-only"
            case .fileWriteFileExists: return "a file of that name already exists"
            case .fileReadInapplicableStringEncoding, .fileReadCorruptFile: return "the file's text is not in the expected encoding"
            default: break
            }
        }
        let text = nsError.localizedDescription
        for prefix in ["The operation could not be completed. ", "The operation couldn’t be completed. "]
            where text.hasPrefix(prefix) {
            return String(text.dropFirst(prefix.count))
        }
        return text
    }

    static func swiftText(_ error: any Error) -> String {
        if let text = (error as? any LocalizedError)?.errorDescription { return text }
        return String(describing: error)
    }

    /// A decoding error as its message and the key path it happened at (`at items[2].name: …`).
    static func text(of error: DecodingError) -> String {
        func at(_ context: DecodingError.Context) -> String {
            let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined()
            let trimmed = path.hasPrefix(".") ? String(path.dropFirst()) : path
            return trimmed.isEmpty ? "" : "at \(trimmed): "
        }
        func detail(_ context: DecodingError.Context) -> String {
            context.debugDescription + (context.underlyingError.map { " (\(describe($0)))" } ?? "")
        }
        switch error {
        case let .keyNotFound(key, context):
            return at(context) + "missing key '\(key.stringValue)'"
        case let .typeMismatch(_, context), let .valueNotFound(_, context), let .dataCorrupted(context):
            return at(context) + detail(context)
        @unknown default:
            return String(describing: error)
        }
    }

    static func posix(_ code: Int32) -> String? {
        switch code {
        case ENOENT: "no such file or folder"
        case EACCES, EPERM: "permission denied"
        case EISDIR: "it is a folder, not a file"
        case ENOTDIR: "a part of the path is a file, not a folder"
        case ENOSPC: "no space left on the device"
        case EROFS: "the file system is read-only"
        case EEXIST: "a file of that name already exists"
        case ENAMETOOLONG: "the path is too long"
        case ELOOP: "too many levels of symbolic links"
        case EMFILE, ENFILE: "too many open files; raise the limit (ulimit -n) or use fewer --jobs"
        default: nil
        }
    }
}
