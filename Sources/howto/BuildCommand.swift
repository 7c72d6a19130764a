import ArgumentParser
import Diagnostics
import Foundation
import Site

/// `howto build`: the docs site into `site/`, atomically.
struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "build", abstract: "Build the docs site (HTML, index, tags, search, sitemap).")

    @OptionGroup var options: ContentOptions
    @OptionGroup var links: LinkOptions

    @Option(name: .long, help: "Where the site goes; replaced atomically, untouched on error.")
    var output: String = "site"

    @Option(name: .long, help: ArgumentHelp(
        "The templates directory (Mustache templates and assets).",
        discussion: "Default: ./templates when there is one, else the templates built into howto."))
    var templates: String?

    @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp(
        "JSON reports of `howto test --report json:PATH`, or folders of them: each page shows its last verification.",
        valueName: "path"))
    var results: [String] = []

    func run() async throws {
        let folder = templates ?? (FileManager.default.fileExists(atPath: "templates") ? "templates" : nil)
        var builder = SiteBuilder(contentRoot: options.root, templatesRoot: folder, outputDir: output, strict: options.strict,
                                  allowLinksOutsideRoot: links.allowed)
        do {
            builder.results = try VerificationResults(paths: results)
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(2)
        }
        do {
            let report = try await builder.build()
            DiagnosticPrinter.print(report.diagnostics)
            let seconds = Double(report.duration.components.seconds) + Double(report.duration.components.attoseconds) / 1e18
            print("built \(report.howToCount) how-tos, \(report.pagesWritten) pages into \(output)/ in \(String(format: "%.2f", seconds)) s")
        } catch let error as DiagnosticError {
            DiagnosticPrinter.print(error.diagnostics)
            throw ExitCode(2)
        } catch let error as SiteError {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(error.isBadInput ? 2 : 3)
        }
    }
}
