import Foundation

/// The templates built into the binary (`EmbeddedTemplates`, from the project's `templates/` by the
/// `EmbedTemplates` plugin), unpacked into a private temporary folder for one build.
final class EmbeddedTemplateFolder: Sendable {
    /// The folder holding the unpacked templates and assets.
    let path: String

    /// Writes every embedded file under a new temporary folder.
    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("howto-templates-\(UUID().uuidString)").path
        for (relative, contents) in EmbeddedTemplates.files {
            let file = (path as NSString).appendingPathComponent(relative)
            try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try contents.write(toFile: file, atomically: false, encoding: .utf8)
        }
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
