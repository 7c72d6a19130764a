#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Writes files created with their final permissions, so a key is never readable by others, even briefly.
enum PrivateFile {
    static func write(_ text: String, to path: String, mode: mode_t) throws {
        unlink(path)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw TestPKIError.cannotWrite(path: path, errno: errno) }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        // The umask may have cleared bits of `mode`; set it exactly.
        guard fchmod(descriptor, mode) == 0 else { throw TestPKIError.cannotWrite(path: path, errno: errno) }
        do { try handle.write(contentsOf: Data(text.utf8)) } catch { throw TestPKIError.cannotWrite(path: path, errno: EIO) }
    }

    /// Creates `path` with mode 0700 (and any missing parents) if it does not exist yet.
    static func makeDirectory(_ path: String) throws {
        if mkdir(path, 0o700) == 0 || errno == EEXIST { return }
        guard errno == ENOENT else { throw TestPKIError.cannotWrite(path: path, errno: errno) }
        let parent = (path as NSString).deletingLastPathComponent
        guard !parent.isEmpty, parent != path else { throw TestPKIError.cannotWrite(path: path, errno: ENOENT) }
        try makeDirectory(parent)
        guard mkdir(path, 0o700) == 0 || errno == EEXIST else { throw TestPKIError.cannotWrite(path: path, errno: errno) }
    }
}
