import Foundation
import NQPEncoding

/// SHA-256 of file contents, the identity of a report in the state store.
///
/// The digest is NQPEncoding's SHA-256 (the one dictionaries are hashed with); files are streamed in 1 MiB chunks
/// so memory stays flat for large reports.
public enum ContentHash {
    /// Lower-case hex SHA-256 of `bytes`.
    public static func sha256Hex(of bytes: some Collection<UInt8>) -> String {
        SHA256.hex(bytes)
    }

    /// Lower-case hex SHA-256 of the file at `location`, read in chunks.
    public static func sha256Hex(ofFileAt location: String) throws(BatchError) -> String {
        let fd = open(location, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .fileUnreadable(path: location, reason: errnoDescription(errno)) }
        defer { close(fd) }
        let hasher = Hasher256()
        let chunkSize = 1 << 20
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let count = read(fd, buffer.baseAddress, chunkSize)
            if count < 0 {
                if errno == EINTR { continue }
                throw .fileUnreadable(path: location, reason: errnoDescription(errno))
            }
            if count == 0 { break }
            hasher.update(UnsafeRawBufferPointer(rebasing: buffer[0..<count]).bindMemory(to: UInt8.self))
        }
        return Hex.string(hasher.finish())
    }
}
