/// The Preview module: `howto serve`. A Hummingbird server answers from the in-memory ``PreviewSite``,
/// a Linux inotify watcher feeds it the files that changed, and server-sent events tell open pages to
/// reload or to show the content's errors. The watcher is written on inotify directly (Glibc), as no
/// package of the mirror watches files.
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The files that change under some folders, as Linux inotify reports them, in batches.
public struct FileWatcher: Sendable {
    /// A folder to follow: its subfolders too when `recursive`.
    public struct Folder: Sendable, Hashable {
        /// The folder's absolute path.
        public var path: String
        /// Whether its subfolders are followed too (folders created later included).
        public var recursive: Bool

        /// A folder to follow.
        public init(path: String, recursive: Bool) {
            self.path = path
            self.recursive = recursive
        }
    }

    /// Why watching cannot start.
    public enum WatchError: Error, CustomStringConvertible {
        /// inotify refused: the reason from the system.
        case unavailable(String)

        public var description: String {
            switch self {
            case .unavailable(let reason):
                "cannot watch for changes: \(reason) (on Linux, raise fs.inotify.max_user_watches or max_user_instances)"
            }
        }
    }

    /// Events arriving within this many milliseconds of each other are one batch (an editor's save is several events).
    public static let settleMilliseconds: Int32 = 2

    private let folders: [Folder]

    /// A watcher of `folders`; nothing is watched until ``changes()`` is iterated.
    public init(folders: [Folder]) {
        self.folders = folders
    }

    /// The paths that changed (written and closed, moved in or out, deleted), one set per batch, until the
    /// iteration ends. Throws when inotify cannot watch the folders.
    public func changes() throws -> AsyncStream<Set<String>> {
        #if canImport(Glibc)
        let descriptor = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard descriptor >= 0 else { throw WatchError.unavailable(String(cString: strerror(errno))) }
        let state = WatchState(descriptor: descriptor)
        for folder in folders {
            try state.add(folder.path, recursive: folder.recursive)
        }
        let (stream, continuation) = AsyncStream<Set<String>>.makeStream()
        let stopped = Atomic<Bool>(false)
        continuation.onTermination = { _ in stopped.store(true, ordering: .relaxed) }
        Thread.detachNewThread {
            defer { close(descriptor) }
            while !stopped.load(ordering: .relaxed) {
                guard state.wait(milliseconds: 200) else { continue }
                var batch = state.drain()
                // Take what follows within the settle time into the same batch.
                while state.wait(milliseconds: Self.settleMilliseconds) {
                    batch.formUnion(state.drain())
                }
                if !batch.isEmpty { continuation.yield(batch) }
            }
            continuation.finish()
        }
        return stream
        #else
        throw WatchError.unavailable("file watching needs Linux inotify")
        #endif
    }
}

#if canImport(Glibc)
/// The inotify descriptor and the folder of each watch; used by the watcher's one thread.
private final class WatchState: @unchecked Sendable {
    let descriptor: Int32
    private var folders: [Int32: (path: String, recursive: Bool)] = [:]
    private static let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_CREATE | IN_DELETE_SELF)

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Watches `path`, and when `recursive` every folder under it (but not hidden ones such as `.git`).
    func add(_ path: String, recursive: Bool) throws {
        let watch = inotify_add_watch(descriptor, path, Self.mask)
        guard watch >= 0 else {
            if errno == ENOENT || errno == ENOTDIR { return }
            throw FileWatcher.WatchError.unavailable("\(path): \(String(cString: strerror(errno)))")
        }
        folders[watch] = (path, recursive)
        guard recursive, let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
        for name in names where !name.hasPrefix(".") {
            let child = (path as NSString).appendingPathComponent(name)
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: child, isDirectory: &isFolder), isFolder.boolValue {
                try add(child, recursive: true)
            }
        }
    }

    /// Whether events are waiting, after at most `milliseconds`.
    func wait(milliseconds: Int32) -> Bool {
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&poller, 1, milliseconds) > 0
    }

    /// The paths of the waiting events; a new folder is watched and its files count as changed.
    func drain() -> Set<String> {
        var paths: Set<String> = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= count {
                let (watch, mask, length) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                    let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    return (event.wd, event.mask, Int(event.len))
                }
                let nameStart = offset + MemoryLayout<inotify_event>.size
                let nameBytes = buffer[nameStart..<min(nameStart + length, count)].prefix { $0 != 0 }
                offset = nameStart + length
                guard let folder = folders[watch] else { continue }
                if mask & UInt32(IN_IGNORED) != 0 { folders[watch] = nil; continue }
                let name = String(decoding: nameBytes, as: UTF8.self)
                let path = name.isEmpty ? folder.path : (folder.path as NSString).appendingPathComponent(name)
                if mask & UInt32(IN_ISDIR) != 0 {
                    if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0, folder.recursive, !name.hasPrefix(".") {
                        try? add(path, recursive: true)
                        paths.formUnion(Self.files(under: path))
                    } else if mask & UInt32(IN_MOVED_FROM | IN_DELETE) != 0 {
                        paths.insert(path)  // its files went with it
                    }
                    continue
                }
                // A file's creation is followed by its close; the close is the change.
                if mask & UInt32(IN_CREATE) != 0 { continue }
                paths.insert(path)
            }
        }
        return paths
    }

    /// Every file under `folder` (a folder moved in brings its files).
    private static func files(under folder: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        var files: [String] = []
        while let relative = walker.nextObject() as? String {
            files.append((folder as NSString).appendingPathComponent(relative))
        }
        return files
    }
}
#endif
