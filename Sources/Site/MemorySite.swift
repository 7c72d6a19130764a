import Synchronization

/// A site held in memory, file by file, for the preview server: written by builds, read by requests.
final class MemorySite: SiteWriter {
    private let files = Mutex<[String: [UInt8]]>([:])

    func write(_ text: String, to relativePath: String) throws {
        try write(bytes: Array(text.utf8), to: relativePath)
    }

    func write(bytes: [UInt8], to relativePath: String) throws {
        guard SitePaths.isPlainRelative(relativePath) else { throw SiteError.unsafeOutputPath(relativePath) }
        files.withLock { $0[relativePath] = bytes }
    }

    /// Folders are implied by the files' paths.
    func makeFolder(_ relativePath: String) throws {
        guard SitePaths.isPlainRelative(relativePath) else { throw SiteError.unsafeOutputPath(relativePath) }
    }

    /// The file at `relativePath`, nil when there is none.
    func file(_ relativePath: String) -> [UInt8]? {
        files.withLock { $0[relativePath] }
    }

    /// Whether `relativePath` is a folder of the site (some file lies under it).
    func isFolder(_ relativePath: String) -> Bool {
        let prefix = relativePath.hasSuffix("/") ? relativePath : relativePath + "/"
        return files.withLock { $0.keys.contains { $0.hasPrefix(prefix) } }
    }

    /// Removes the files at `relativePaths` and every file under a folder of `folders`.
    func remove(_ relativePaths: some Sequence<String>, folders: [String] = []) {
        files.withLock { files in
            for path in relativePaths { files[path] = nil }
            for folder in folders {
                for key in files.keys where key.hasPrefix(folder + "/") { files[key] = nil }
            }
        }
    }

    /// Replaces every file with those of `other` (a complete build).
    func replaceAll(with other: MemorySite) {
        let copied = other.files.withLock { $0 }
        files.withLock { $0 = copied }
    }
}
