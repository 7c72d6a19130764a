import Foundation
import Testing
@testable import HowTo

/// Files are read only when they resolve inside their root after following links.
@Suite struct SourceRootTests {
    /// `root/` with `inside.md`, and `outside.md` next to it.
    private func tree() throws -> (dir: String, root: String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("source-root-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir + "/root/sub", withIntermediateDirectories: true)
        try "inside\n".write(toFile: dir + "/root/inside.md", atomically: true, encoding: .utf8)
        try "outside\n".write(toFile: dir + "/outside.md", atomically: true, encoding: .utf8)
        return (dir, dir + "/root")
    }

    @Test func filesAndLinksInsideAreRead() throws {
        let (dir, root) = try tree()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createSymbolicLink(atPath: root + "/sub/link.md", withDestinationPath: "../inside.md")
        let source = SourceRoot(root)
        #expect(try source.contents(of: root + "/inside.md") == Array("inside\n".utf8))
        #expect(try source.contents(of: root + "/sub/link.md") == Array("inside\n".utf8))
        #expect(try source.contents(of: root + "/missing.md") == nil)
        #expect(try source.contents(of: root + "/sub") == nil, "a folder is not a file")
        #expect(mkfifo(root + "/pipe.md", 0o600) == 0)
        #expect(try source.contents(of: root + "/pipe.md") == nil, "a FIFO would block the read")
    }

    @Test func linksOutAreRefusedUnlessAllowed() throws {
        let (dir, root) = try tree()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createSymbolicLink(atPath: root + "/leak.md", withDestinationPath: dir + "/outside.md")
        try FileManager.default.createSymbolicLink(atPath: root + "/env.md", withDestinationPath: "/proc/self/environ")
        let error = #expect(throws: SourceRootError.self) { try SourceRoot(root).contents(of: root + "/leak.md") }
        #expect(error?.target == SourceRoot.realPath(dir + "/outside.md"))
        #expect(error?.description.contains("pass --allow-links-outside-root or set HOWTO_ALLOW_LINKS_OUTSIDE_ROOT=1") == true)
        #expect(throws: SourceRootError.self) { try SourceRoot(root).contents(of: root + "/env.md") }
        #expect(try SourceRoot(root, allowLinksOutside: true).contents(of: root + "/leak.md") == Array("outside\n".utf8))
    }

    @Test func pathsThatLeaveTheRootAreRefusedEvenWhenLinksAreAllowed() throws {
        let (dir, root) = try tree()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let error = #expect(throws: SourceRootError.self) {
            try SourceRoot(root, allowLinksOutside: true).contents(of: root + "/sub/../../outside.md")
        }
        #expect(error?.target == nil)
        #expect(error?.description.contains("lies outside the folder") == true)
        #expect(!SourceRoot(root).lexicallyContains(root + "-sibling/x.md"), "a sibling with the same prefix is outside")
    }

    @Test func aRootThatIsItselfALinkWorks() throws {
        let (dir, root) = try tree()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createSymbolicLink(atPath: dir + "/alias", withDestinationPath: root)
        #expect(try SourceRoot(dir + "/alias").contents(of: dir + "/alias/inside.md") == Array("inside\n".utf8))
    }

    @Test func relativeRootsAndPathsAreCompared() {
        #expect(SourceRoot.absolute("a/./b//c/../d") == FileManager.default.currentDirectoryPath + "/a/b/d")
        #expect(SourceRoot.absolute("/../x") == "/x")
    }
}
