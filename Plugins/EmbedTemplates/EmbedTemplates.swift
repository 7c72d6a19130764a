import Foundation
import PackagePlugin

/// Embeds the project's `templates/` folder (Mustache templates and assets) into the `Site` module, so that
/// `howto build` has its default templates from any folder and the binary needs no files beside it.
@main struct EmbedTemplates: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let templates = context.package.directoryURL.appending(path: "templates")
        let files = (FileManager.default.enumerator(at: templates, includingPropertiesForKeys: [.isRegularFileKey])?.allObjects ?? [])
            .compactMap { $0 as? URL }
            .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedTemplates.swift")
        return [.buildCommand(displayName: "Embedding templates/ into \(target.name)",
                              executable: try context.tool(named: "TemplateEmbedder").url,
                              arguments: [templates.path, output.path], inputFiles: files, outputFiles: [output])]
    }
}
