/// The Site module: the docs site of the how-tos (`howto build`) and the content linter (`howto check`).
/// Pages are rendered with swift-mustache templates from `templates/`; assets (CSS, JS, icons) are copied
/// as they are. Builds write into a staging directory that replaces the output only when nothing failed.
import Diagnostics
import Foundation
import HowTo

/// Builds the static site: one page per how-to, indexes, tag pages, sitemap and search index.
public struct SiteBuilder: Sendable {
    /// The content folder (`content`), holding `how-to/`, `_includes/` and `_data/`.
    public let contentRoot: String
    /// The folder of Mustache templates, with an `assets/` subfolder copied to the site; nil for the ones built in.
    public let templatesRoot: String?
    /// Where the site goes (`site`); replaced as a whole when the build succeeds.
    public let outputDir: String
    /// Whether warnings count as errors.
    public let strict: Bool
    /// Whether links out of the content and templates folders are followed (off: they are errors).
    public let allowLinksOutsideRoot: Bool
    /// The last verification of each how-to, shown on its page and the listings (`--results`).
    public var results = VerificationResults()

    /// Creates a builder.
    public init(contentRoot: String, templatesRoot: String?, outputDir: String, strict: Bool = false, allowLinksOutsideRoot: Bool = false) {
        self.contentRoot = contentRoot
        self.templatesRoot = templatesRoot
        self.outputDir = outputDir
        self.strict = strict
        self.allowLinksOutsideRoot = allowLinksOutsideRoot
    }

    /// Builds the site; throws `DiagnosticError` when the content has errors (the output is then untouched).
    public func build() async throws -> BuildReport {
        let clock = ContinuousClock()
        let start = clock.now
        let inputs = try await SiteInputs(contentRoot: contentRoot, templatesRoot: templatesRoot, strict: strict,
                                          allowLinksOutsideRoot: allowLinksOutsideRoot)
        // Swift may end a value's life after its last use: unpacked built-in templates must outlive the build.
        defer { withExtendedLifetime(inputs) {} }
        let loaded = try await Self.loadAll(inputs.loader, site: inputs.site)
        if !loaded.collisions.isEmpty { throw DiagnosticError(loaded.collisions) }

        let staging = try StagingDirectory(outputPath: outputDir)
        do {
            try staging.copyFolder(inputs.assetsFolder, within: inputs.templatesSource, to: "assets")
            let renderer = inputs.renderer(urls: loaded.urls, writer: staging, results: results)
            let outcomes = try await Parallel.map(loaded.pages.count) { try renderer.render(loaded.pages[$0]) }
            let diagnostics = outcomes.flatMap(\.diagnostics)
            if diagnostics.hasErrors { throw DiagnosticError(diagnostics) }

            let summaries = outcomes.compactMap(\.summary)
            let listings = SiteListings(site: inputs.site, templates: inputs.templates, summaries: summaries)
            let listingPages = try listings.write(to: staging)
            try staging.commit()
            return BuildReport(
                pagesWritten: summaries.count + listingPages, howToCount: summaries.count,
                duration: clock.now - start, diagnostics: diagnostics)
        } catch {
            staging.discard()
            throw error
        }
    }

    /// Every how-to of the content loaded in parallel, with the URL each is written to.
    struct LoadedPages: Sendable {
        /// The how-to files, sorted.
        var paths: [String]
        /// One entry per how-to file, in path order: its diagnostics and its page when it loaded.
        var pages: [(diagnostics: [Diagnostic], page: HowToPage?)]
        /// The URL of every how-to: its `permalink`, else `/how-to/<path>/` (also for pages that failed to load).
        var urls: Set<String>
        /// An error for each how-to whose URL an earlier one already has.
        var collisions: [Diagnostic]
    }

    /// Loads every how-to; throws `DiagnosticError` when the content holds none.
    static func loadAll(_ loader: ContentLoader, site: SiteConfig) async throws -> LoadedPages {
        let paths = loader.howToPaths()
        guard !paths.isEmpty else {
            throw DiagnosticError([.error(
                at: SourceLocation(file: loader.root, line: 1),
                "no how-to found: put them in \(loader.root)/how-to/ (or Kong's \(loader.root)/_how-tos/)")])
        }
        // The transform does not throw, so neither does the map.
        let pages = try await Parallel.map(paths.count) { index -> (diagnostics: [Diagnostic], page: HowToPage?) in
            let (page, diagnostics) = loader.load(page: paths[index], site: site)
            return (diagnostics, page)
        }
        let (urls, collisions) = assignURLs(paths: paths, urls: pages.map { $0.page?.url }, loader: loader)
        return LoadedPages(paths: paths, pages: pages, urls: urls, collisions: collisions)
    }

    /// The URL of every how-to (its page's, from `urls`, else the one its path gives) and an error for each
    /// how-to whose URL an earlier one (in path order) already has.
    static func assignURLs(paths: [String], urls: [String?], loader: ContentLoader) -> (urls: Set<String>, collisions: [Diagnostic]) {
        var seen: [String: String] = [:]
        var collisions: [Diagnostic] = []
        for (index, path) in paths.enumerated() {
            let url = urls[index] ?? "/how-to/\(loader.collectionPath(of: path))/"
            if let first = seen[url] {
                collisions.append(.error(at: SourceLocation(file: path, line: 1), "this how-to has the same URL \(url) as \(first): change one's permalink or file name"))
            } else {
                seen[url] = path
            }
        }
        return (Set(seen.keys), collisions)
    }

    /// `/assets/<relative path>` of every file under the assets folder.
    static func assetPaths(in folder: String) -> Set<String> {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        var paths: Set<String> = []
        while let relative = walker.nextObject() as? String {
            paths.insert("/assets/" + relative)
        }
        return paths
    }
}
