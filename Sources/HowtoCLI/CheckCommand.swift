import ArgumentParser
import Diagnostics
import Site

/// `howto check`: lint every how-to (front matter, Liquid, includes, links, anchors).
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Lint all content; exit 2 on any error.")

    @OptionGroup var options: ContentOptions
    @OptionGroup var links: LinkOptions

    @Argument(help: "The content directory (same as --content).")
    var directory: String?

    func run() async throws {
        let diagnostics = await SiteChecker(
            contentRoot: directory ?? options.root, strict: options.strict, allowLinksOutsideRoot: links.allowed).check()
        DiagnosticPrinter.print(diagnostics)
        if diagnostics.hasErrors { throw ExitCode.badInput }
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        print("checked \(directory ?? options.root): no errors\(warnings > 0 ? ", \(warnings) warning(s)" : "")")
    }
}
