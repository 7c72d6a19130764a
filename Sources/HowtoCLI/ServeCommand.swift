import ArgumentParser
import Diagnostics
import Foundation
import Preview
import Site
#if canImport(Glibc)
import Glibc
#endif

/// `howto serve`: the docs site from memory, rebuilt where a save reaches, reloaded in open pages.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the docs site: rebuilt on every save, reloaded in the browser, errors shown on the page.",
        discussion: """
            Watches the content, its includes and data, and the templates. A save rebuilds only what it reaches
            (the page, pages that include the file, the listings when they change); a save that breaks a page keeps
            the last good version and shows the errors in the console and over the page. Ctrl-C or SIGTERM stops it.
            """)

    @OptionGroup var options: ContentOptions
    @OptionGroup var links: LinkOptions
    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "The port to listen on (0: any free port).")
    var port = 4000

    @Flag(name: .long, help: "Open the site in the default browser (xdg-open).")
    var open = false

    func run() async throws {
        let preview = PreviewSite(contentRoot: options.root, templatesRoot: site.templatesFolder, strict: options.strict,
                                  allowLinksOutsideRoot: links.allowed, results: try site.verificationResults())
        let first = await preview.build()
        DiagnosticPrinter.print(first.diagnostics)
        if first.rewritten.isEmpty, first.diagnostics.hasErrors { throw ExitCode.badInput }
        StandardStream.output.write("built \(first.rewritten.filter { $0.hasSuffix(".html") }.count) pages in \(Self.milliseconds(first.duration))\n")

        // A parent may start us with SIGINT and SIGTERM blocked (Foundation's Process does); they must stop us.
        var stopping = sigset_t()
        sigemptyset(&stopping)
        sigaddset(&stopping, SIGTERM)
        sigaddset(&stopping, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &stopping, nil)

        let watcher = FileWatcher(folders: preview.watchedFolders.map { FileWatcher.Folder(path: $0.path, recursive: $0.recursive) })
        let open = self.open
        do {
            try await PreviewServer(site: preview).run(
                host: host, port: port, watcher: watcher,
                onRunning: { url in
                    StandardStream.output.write("serving \(url) (Ctrl-C stops)\n")
                    if open { Self.openInBrowser(url) }
                },
                onRebuild: { rebuild in
                    DiagnosticPrinter.print(rebuild.diagnostics)
                    let pages = rebuild.rewritten.filter { $0.hasSuffix(".html") }
                    let what = rebuild.full ? "the whole site (\(pages.count) pages)" : pages.isEmpty ? "no page" : pages.joined(separator: ", ")
                    StandardStream.output.write("rebuilt \(what) in \(Self.milliseconds(rebuild.duration))\n")
                })
        } catch {
            // The server stops only by a signal: what it throws is about the folders to watch or where to listen.
            await preview.close()
            let reason = error is FileWatcher.WatchError ? "\(error)"
                : "cannot serve on \(host):\(port): \(error) (is another server on that port? choose one with --port)"
            StandardStream.error.write("error: \(reason)\n")
            throw ExitCode.badInput
        }
        // The server's event loops may hold the site past this point: let go of its unpacked templates now.
        await preview.close()
        StandardStream.output.write("stopped\n")
    }

    private static func milliseconds(_ duration: Duration) -> String {
        String(format: "%.1f ms", duration.milliseconds)
    }

    /// Opens `url` with the desktop's browser, if there is one; nothing happens when there is not.
    private static func openInBrowser(_ url: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xdg-open", url]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try? process.run()
    }
}
