import Synchronization

/// A site writer that passes every file on to another and remembers which it wrote.
final class RecordingWriter: SiteWriter {
    private let base: any SiteWriter
    private let written = Mutex<[String]>([])

    init(base: any SiteWriter) {
        self.base = base
    }

    /// The files written so far, in the order they were.
    var paths: [String] { written.withLock { $0 } }

    func write(_ text: String, to relativePath: String) throws {
        try base.write(text, to: relativePath)
        written.withLock { $0.append(relativePath) }
    }

    func write(bytes: [UInt8], to relativePath: String) throws {
        try base.write(bytes: bytes, to: relativePath)
        written.withLock { $0.append(relativePath) }
    }

    func makeFolder(_ relativePath: String) throws {
        try base.makeFolder(relativePath)
    }
}
