import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A temporary sibling of the output directory that a build writes into and then swaps into place,
/// so a failed build leaves the previous output untouched.
struct StagingDirectory: SiteWriter {
    /// The directory the finished site ends up in.
    let output: URL
    /// Where the build writes meanwhile: `.<name>.building-<pid>` next to `output`.
    let root: URL

    /// Creates an empty staging directory next to `outputPath`.
    init(outputPath: String) throws {
        let output = URL(fileURLWithPath: outputPath).standardizedFileURL
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: output.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw SiteError.outputNotADirectory(outputPath)
        }
        let parent = output.deletingLastPathComponent()
        let pid = ProcessInfo.processInfo.processIdentifier
        root = parent.appendingPathComponent(".\(output.lastPathComponent).building-\(pid)")
        self.output = output
        let files = FileManager.default
        do {
            try files.createDirectory(at: parent, withIntermediateDirectories: true)
            if files.fileExists(atPath: root.path) { try files.removeItem(at: root) }
            try files.createDirectory(at: root, withIntermediateDirectories: true)
        } catch {
            throw SiteError.fileSystem(path: root.path, reason: error.localizedDescription)
        }
    }

    /// Writes `text` to `relativePath` (creating folders); a path with `.`/`..` segments or a leading `/`
    /// is refused, and the file is never written through a link.
    func write(_ text: String, to relativePath: String) throws {
        try Self.writeFile(text, to: try preparedPath(relativePath))
    }

    /// Writes `bytes` to `relativePath`, as ``write(_:to:)`` writes text.
    func write(bytes: [UInt8], to relativePath: String) throws {
        try Self.writeFile(bytes, to: try preparedPath(relativePath))
    }

    /// Makes the folder `relativePath` (and its parents) in the staged site.
    func makeFolder(_ relativePath: String) throws {
        guard SitePaths.isPlainRelative(relativePath) else { throw SiteError.unsafeOutputPath(relativePath) }
        try Self.makeDirectories(root.path + "/" + relativePath)
    }

    /// The staged file's path for a plain relative path, its folder made.
    private func preparedPath(_ relativePath: String) throws -> String {
        guard SitePaths.isPlainRelative(relativePath) else { throw SiteError.unsafeOutputPath(relativePath) }
        let path = root.path + "/" + relativePath
        if let slash = path.lastIndex(of: "/") { try Self.makeDirectories(String(path[..<slash])) }
        return path
    }

    /// `mkdir -p`, one `mkdir(2)` when the parent exists (FileManager's version walks and stats every
    /// ancestor, which cost about 9% of a site build).
    private static func makeDirectories(_ path: String) throws {
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        guard errno == ENOENT, let slash = path.lastIndex(of: "/"), slash > path.startIndex else {
            throw SiteError.fileSystem(path: path, reason: String(cString: strerror(errno)))
        }
        try makeDirectories(String(path[..<slash]))
        if mkdir(path, 0o755) != 0, errno != EEXIST {
            throw SiteError.fileSystem(path: path, reason: String(cString: strerror(errno)))
        }
    }

    /// A plain open/write/close: `Data.write` syncs every file to disk, which costs more than the
    /// rendering; the staging swap already keeps a failed build from touching the output.
    private static func writeFile(_ text: String, to path: String) throws {
        var text = text
        try text.withUTF8 { try writeFile($0, to: path) }
    }

    private static func writeFile(_ bytes: [UInt8], to path: String) throws {
        try bytes.withUnsafeBufferPointer { try writeFile($0, to: path) }
    }

    private static func writeFile(_ buffer: UnsafeBufferPointer<UInt8>, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { throw SiteError.fileSystem(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var offset = 0
        while offset < buffer.count {
            #if canImport(Glibc)
            let written = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            #else
            let written = Darwin.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            #endif
            if written < 0 {
                if errno == EINTR { continue }
                throw SiteError.fileSystem(path: path, reason: String(cString: strerror(errno)))
            }
            offset += written
        }
    }

    /// Moves the staged site to the output path, replacing what was there.
    func commit() throws {
        let files = FileManager.default
        let previous = root.deletingLastPathComponent()
            .appendingPathComponent(".\(output.lastPathComponent).previous-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            if files.fileExists(atPath: previous.path) { try files.removeItem(at: previous) }
            let hadOutput = files.fileExists(atPath: output.path)
            if hadOutput { try files.moveItem(at: output, to: previous) }
            do {
                try files.moveItem(at: root, to: output)
            } catch {
                if hadOutput { try? files.moveItem(at: previous, to: output) }
                throw error
            }
            if hadOutput { try files.removeItem(at: previous) }
        } catch {
            throw SiteError.fileSystem(path: output.path, reason: error.localizedDescription)
        }
    }

    /// Deletes the staged files (after a failed build).
    func discard() {
        try? FileManager.default.removeItem(at: root)
    }
}
