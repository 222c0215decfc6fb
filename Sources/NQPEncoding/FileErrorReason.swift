import Foundation

/// What went wrong with a file operation, in plain words and without the path (messages name the path once,
/// themselves). Replaces Foundation's "The operation could not be completed" wording, which on Linux says
/// neither what happened nor what to do.
public enum FileErrorReason {
    /// "no such file or folder", "permission denied", "it is a folder, not a file", … for Foundation and POSIX
    /// errors; other errors' own descriptions.
    public static func describe(_ error: any Error) -> String {
        let nsError = error as NSError
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
