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

    @OptionGroup var site: SiteOptions

    func run() async throws {
        var builder = SiteBuilder(contentRoot: options.root, templatesRoot: site.templatesFolder, outputDir: output, strict: options.strict,
                                  allowLinksOutsideRoot: links.allowed)
        builder.results = try site.verificationResults()
        do {
            let report = try await builder.build()
            DiagnosticPrinter.print(report.diagnostics)
            print("built \(report.howToCount) how-tos, \(report.pagesWritten) pages into \(output)/ in \(String(format: "%.2f", report.duration.milliseconds / 1000)) s")
        } catch let error as DiagnosticError {
            DiagnosticPrinter.print(error.diagnostics)
            throw ExitCode.badInput
        } catch let error as SiteError {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw error.isBadInput ? ExitCode.badInput : ExitCode.internalError
        }
    }
}
