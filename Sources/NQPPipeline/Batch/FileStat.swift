import Foundation

/// What `stat(2)` says about an input file: enough to decide cheaply whether it may have changed.
///
/// `path` is the key under which the state store remembers the file (the caller chooses: usually the path
/// relative to the input folder, so moving the whole folder does not invalidate the state); `location` is where
/// the file is on disk, used for hashing.
struct FileStat: Sendable, Hashable, Codable {
    /// The key in the state store and the `file` column of `errors.csv`.
    var path: String
    /// The file system path to read when the content must be hashed.
    var location: String
    /// Size in bytes.
    var size: Int64
    /// Modification time in nanoseconds since 1970 (`st_mtim`).
    var modificationTimeNanoseconds: Int64

    init(path: String, location: String? = nil, size: Int64, modificationTimeNanoseconds: Int64) {
        self.path = path
        self.location = location ?? path
        self.size = size
        self.modificationTimeNanoseconds = modificationTimeNanoseconds
    }

    /// Stats the file at `location` (following symlinks); `path` defaults to `location`.
    init(location: String, path: String? = nil) throws(BatchError) {
        var info = stat()
        guard stat(location, &info) == 0 else {
            throw .fileUnreadable(path: location, reason: errnoDescription(errno))
        }
        #if canImport(Darwin)
        let time = info.st_mtimespec
        #else
        let time = info.st_mtim
        #endif
        self.init(path: path ?? location, location: location, size: Int64(info.st_size),
                  modificationTimeNanoseconds: Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec))
    }
}
