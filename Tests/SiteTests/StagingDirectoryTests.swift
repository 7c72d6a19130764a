import Diagnostics
import Foundation
import HowTo
import Testing
@testable import Site

/// The staging folder never writes outside itself, nor through a link, and copies assets as plain files.
@Suite struct StagingDirectoryTests {
    private func scratch() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("staging-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test(arguments: ["../escape.html", "a/../../escape.html", "/etc/escape.html", "a//b.html", "./a.html", ""])
    func pathsThatLeaveTheFolderAreRefused(_ path: String) throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let staging = try StagingDirectory(outputPath: dir + "/site")
        #expect(throws: SiteError.self) { try staging.write("x", to: path) }
        #expect(!FileManager.default.fileExists(atPath: dir + "/escape.html"))
        staging.discard()
    }

    @Test func aLinkInTheStagingFolderIsNotWrittenThrough() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "keep".write(toFile: dir + "/victim.html", atomically: true, encoding: .utf8)
        let staging = try StagingDirectory(outputPath: dir + "/site")
        try FileManager.default.createSymbolicLink(atPath: staging.root.path + "/index.html", withDestinationPath: dir + "/victim.html")
        #expect(throws: SiteError.self) { try staging.write("overwritten", to: "index.html") }
        #expect(try String(contentsOfFile: dir + "/victim.html", encoding: .utf8) == "keep")
        staging.discard()
    }

    @Test func assetsAreCopiedAsFilesAndLinksOutAreRefused() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let templates = dir + "/templates"
        try FileManager.default.createDirectory(atPath: templates + "/assets/css", withIntermediateDirectories: true)
        try "body{}".write(toFile: templates + "/assets/css/site.css", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: templates + "/assets/alias.css", withDestinationPath: "css/site.css")
        let staging = try StagingDirectory(outputPath: dir + "/site")
        try staging.copyFolder(templates + "/assets", within: SourceRoot(templates), to: "assets")
        let copied = staging.root.path + "/assets/alias.css"
        #expect(try String(contentsOfFile: copied, encoding: .utf8) == "body{}")
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: copied)) == nil, "a link inside is copied as a file")

        try "secret".write(toFile: dir + "/secret.txt", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: templates + "/assets/leak.txt", withDestinationPath: dir + "/secret.txt")
        let again = try StagingDirectory(outputPath: dir + "/site2")
        let error = #expect(throws: DiagnosticError.self) {
            try again.copyFolder(templates + "/assets", within: SourceRoot(templates), to: "assets")
        }
        #expect(error?.diagnostics.first?.location.file == templates + "/assets/leak.txt")
        #expect(!FileManager.default.fileExists(atPath: again.root.path + "/assets/leak.txt"))
        staging.discard()
        again.discard()
    }
}
