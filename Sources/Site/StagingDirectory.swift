import Diagnostics
import Foundation
import HowTo
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A temporary sibling of the output directory that a build writes into and then swaps into place,
/// so a failed build leaves the previous output untouched.
struct StagingDirectory: Sendable {
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
        guard Self.isPlainRelative(relativePath) else { throw SiteError.unsafeOutputPath(relativePath) }
        let path = root.path + "/" + relativePath
        if let slash = path.lastIndex(of: "/") { try Self.makeDirectories(String(path[..<slash])) }
        try Self.writeFile(text, to: path)
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

    /// Copies the files of the folder `source` (inside `sourceRoot`) to `relativePath`, as plain files:
    /// a link is followed only when it stays inside `sourceRoot` (else it is an error at the link), so
    /// the site never holds a link. A missing source copies nothing.
    func copyFolder(_ source: String, within sourceRoot: SourceRoot, to relativePath: String) throws {
        guard FileManager.default.fileExists(atPath: source), let walker = FileManager.default.enumerator(atPath: source) else { return }
        try Self.makeDirectories(root.path + "/" + relativePath)
        while let entry = walker.nextObject() as? String {
            let file = (source as NSString).appendingPathComponent(entry)
            let target = root.path + "/" + relativePath + "/" + entry
            let bytes: [UInt8]?
            do {
                guard let real = try sourceRoot.resolve(file) else { continue }
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: real, isDirectory: &isDirectory), isDirectory.boolValue {
                    try Self.makeDirectories(target)
                    continue
                }
                bytes = try sourceRoot.contents(of: file)
            } catch let error as SourceRootError {
                throw DiagnosticError([.error(at: SourceLocation(file: file, line: 1), "\(error)")])
            }
            guard let bytes else { throw SiteError.fileSystem(path: file, reason: "cannot read the asset") }
            try Self.writeFile(bytes, to: target)
        }
    }

    /// A path of plain names (`a/b.html`): no empty, `.` or `..` segment, no leading `/`, no NUL.
    static func isPlainRelative(_ path: String) -> Bool {
        !path.isEmpty && !path.utf8.contains(0) && !path.split(separator: "/", omittingEmptySubsequences: false).contains { $0.isEmpty || $0 == "." || $0 == ".." }
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
