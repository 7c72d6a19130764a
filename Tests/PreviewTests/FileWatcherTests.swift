import Foundation
import Preview
import Testing

/// The inotify watcher reports what editors and tools do to files, in batches.
@Suite("File watcher")
struct FileWatcherTests {
    /// A new folder with a `sub/` folder in it, removed by the caller.
    static func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("watch-\(UUID().uuidString)").standardizedFileURL.path
        try FileManager.default.createDirectory(atPath: path + "/sub", withIntermediateDirectories: true)
        return path
    }

    /// The next batch that contains `path`, within five seconds.
    static func batch(containing path: String, in iterator: inout AsyncStream<Set<String>>.Iterator) async -> Set<String>? {
        let deadline = ContinuousClock.now + .seconds(5)
        while ContinuousClock.now < deadline {
            guard let batch = await iterator.next() else { return nil }
            if batch.contains(path) { return batch }
        }
        return nil
    }

    @Test("a write, an editor's rename-over save, a delete and a new subfolder's file are each reported")
    func reportsChanges() async throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let watcher = FileWatcher(folders: [.init(path: root, recursive: true)])
        var changes = try watcher.changes().makeAsyncIterator()

        try "one".write(toFile: root + "/sub/page.md", atomically: false, encoding: .utf8)
        #expect(await Self.batch(containing: root + "/sub/page.md", in: &changes) != nil, "a plain write was not reported")

        try "two".write(toFile: root + "/sub/.page.md.swp", atomically: false, encoding: .utf8)
        try FileManager.default.moveItem(atPath: root + "/sub/.page.md.swp", toPath: root + "/page2.md")
        #expect(await Self.batch(containing: root + "/page2.md", in: &changes) != nil, "a save by rename was not reported")

        try FileManager.default.removeItem(atPath: root + "/page2.md")
        #expect(await Self.batch(containing: root + "/page2.md", in: &changes) != nil, "a delete was not reported")

        try FileManager.default.createDirectory(atPath: root + "/new", withIntermediateDirectories: false)
        try await Task.sleep(for: .milliseconds(50))  // the watcher adds the new folder's watch
        try "three".write(toFile: root + "/new/page.md", atomically: false, encoding: .utf8)
        #expect(await Self.batch(containing: root + "/new/page.md", in: &changes) != nil, "a file in a new folder was not reported")
    }

    @Test("a folder watched alone does not report its subfolders' files")
    func notRecursive() async throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let watcher = FileWatcher(folders: [.init(path: root, recursive: false)])
        var changes = try watcher.changes().makeAsyncIterator()
        try "inside".write(toFile: root + "/sub/deep.md", atomically: false, encoding: .utf8)
        try "top".write(toFile: root + "/top.yml", atomically: false, encoding: .utf8)
        let batch = try #require(await Self.batch(containing: root + "/top.yml", in: &changes))
        #expect(!batch.contains(root + "/sub/deep.md"))
    }
}
