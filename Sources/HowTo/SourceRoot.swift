import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A folder (the content root, the templates folder) whose files are read only when they resolve inside
/// it after following links, so that hostile content cannot link to `/proc/self/environ` or a secret
/// elsewhere on the machine and have it published. Jekyll refuses such links the same way.
public struct SourceRoot: Sendable, Hashable {
    /// The folder as the user named it (used in messages).
    public let path: String
    /// Whether links may point outside on purpose (`--allow-links-outside-root`).
    public let allowsLinksOutside: Bool
    /// The folder as an absolute path, links not followed.
    let lexical: String
    /// The folder with every link followed; nil when it does not exist.
    let resolved: String?

    /// The environment variable that allows links outside every root, like `--allow-links-outside-root`.
    public static let allowLinksOutsideVariable = "HOWTO_ALLOW_LINKS_OUTSIDE_ROOT"

    /// Creates a root for the folder at `path`.
    public init(_ path: String, allowLinksOutside: Bool = false) {
        self.path = path
        allowsLinksOutside = allowLinksOutside
        lexical = Self.absolute(path)
        resolved = Self.realPath(path)
    }

    /// Whether `file`, links not followed, is the root or lies under it.
    public func lexicallyContains(_ file: String) -> Bool {
        Self.isInside(Self.absolute(file), lexical)
    }

    /// The path to read for `file`, a path under this root: nil when there is no such file; throws when
    /// `file` lies outside the root, or a link takes it outside (unless links outside are allowed).
    public func resolve(_ file: String) throws(SourceRootError) -> String? {
        guard lexicallyContains(file) else { throw SourceRootError(file: file, target: nil, root: path) }
        guard let real = Self.realPath(file) else { return nil }
        if allowsLinksOutside { return real }
        guard let resolved, Self.isInside(real, resolved) else { throw SourceRootError(file: file, target: real, root: path) }
        return real
    }

    /// The bytes of `file` (see `resolve(_:)`); nil when there is no such file, it cannot be read, or it is
    /// not a regular file (a folder, or a FIFO or device that would block or never end).
    public func contents(of file: String) throws(SourceRootError) -> [UInt8]? {
        guard let real = try resolve(file) else { return nil }
        return Self.regularFileBytes(real)
    }

    /// The bytes of a regular file; nil for anything else or on a read error. Opened non-blocking and checked
    /// with `fstat` before reading, so a FIFO never blocks (and no Foundation attribute dictionary is built).
    static func regularFileBytes(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var filled = 0
        while true {
            if filled == bytes.count { bytes.append(contentsOf: [UInt8](repeating: 0, count: 4096)) }
            let count = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { break }
            filled += count
        }
        bytes.removeSubrange(filled...)
        return bytes
    }

    /// `path` made absolute, with `.`, `..` and repeated slashes removed (links not followed).
    public static func absolute(_ path: String) -> String {
        let base = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var parts: [Substring] = []
        for part in base.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": _ = parts.popLast()
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// `realpath(3)`: every link followed; nil when the file does not exist.
    static func realPath(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    private static func isInside(_ path: String, _ folder: String) -> Bool {
        path == folder || path.hasPrefix(folder == "/" ? "/" : folder + "/")
    }
}
