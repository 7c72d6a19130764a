import ArgumentParser
import Foundation
import Site

/// Options of the commands that make the docs site (`build`, `serve`): templates and verification results.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The templates directory (Mustache templates and assets).",
        discussion: "Default: ./templates when there is one, else the templates built into howto."))
    var templates: String?

    @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp(
        "JSON reports of `howto test --report json:PATH`, or folders of them: each page shows its last verification.",
        valueName: "path"))
    var results: [String] = []

    /// `--templates`, else `./templates` when there is one, else nil (the built-in templates).
    var templatesFolder: String? {
        templates ?? (FileManager.default.fileExists(atPath: "templates") ? "templates" : nil)
    }

    /// The reports of `--results`; a report that cannot be read exits 2 with its reason.
    func verificationResults() throws -> VerificationResults {
        do {
            return try VerificationResults(paths: results)
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode.badInput
        }
    }
}
