public import Diagnostics
import Foundation
import HowTo

/// The site as the preview server holds it (`howto serve`): built once in memory, then rebuilt only where
/// a change reaches: the changed how-tos, the how-tos that read a changed include, every page when the set
/// of URLs changed, and the listings when what they show changed. Templates and site data rebuild it all.
/// A page that breaks keeps its last good version; ``problems`` says why.
public actor PreviewSite {
    /// What one build or rebuild did.
    public struct Rebuild: Sendable {
        /// The site files written (`how-to/x/index.html`, `index.html`), empty when the change reached no page.
        public var rewritten: [String]
        /// The diagnostics of the how-tos loaded again (every how-to after a full build).
        public var diagnostics: [Diagnostic]
        /// Whether everything was built again (the first build, templates or site data changed).
        public var full: Bool
        /// How long it took.
        public var duration: Duration
    }

    /// One how-to as last loaded, and what was last written for it.
    private struct Entry: Sendable {
        var loaded: (diagnostics: [Diagnostic], page: HowToPage?)
        /// The summary of the last version written, nil when none was.
        var summary: PageSummary?
    }

    private let contentRoot: String
    private let templatesRoot: String?
    private let strict: Bool
    private let allowLinksOutsideRoot: Bool
    private let results: VerificationResults
    private let files = MemorySite()

    private var inputs: SiteInputs?
    private var entries: [String: Entry] = [:]
    private var urls: Set<String> = []
    private var collisions: [Diagnostic] = []
    /// Errors that stop every page: bad site data or templates, no how-to at all.
    private var setupProblems: [Diagnostic] = []
    /// The summaries the listings were last written with, in path order.
    private var listed: [PageSummary]?

    /// A preview of `contentRoot` with the templates of `templatesRoot` (nil: the built-in ones).
    public init(contentRoot: String, templatesRoot: String?, strict: Bool = false, allowLinksOutsideRoot: Bool = false,
                results: VerificationResults = VerificationResults()) {
        self.contentRoot = contentRoot
        self.templatesRoot = templatesRoot
        self.strict = strict
        self.allowLinksOutsideRoot = allowLinksOutsideRoot
        self.results = results
    }

    /// The errors that keep pages from their latest version, by file and line; empty when every page is current.
    public var problems: [Diagnostic] {
        let pages = entries.keys.sorted().flatMap { entries[$0]?.loaded.diagnostics.filter { $0.severity == .error } ?? [] }
        return setupProblems + collisions + pages
    }

    /// The site file at `relativePath` (`how-to/x/index.html`), nil when there is none.
    public nonisolated func file(_ relativePath: String) -> [UInt8]? {
        files.file(relativePath)
    }

    /// Whether `relativePath` names a folder of the site.
    public nonisolated func isFolder(_ relativePath: String) -> Bool {
        files.isFolder(relativePath)
    }

    /// The folders whose changes the preview follows: the content and the templates with their subfolders,
    /// and the folder above the content alone, where Kong's `jekyll.yml` sits.
    public nonisolated var watchedFolders: [(path: String, recursive: Bool)] {
        let content = SourceRoot.absolute(contentRoot)
        let above = Set(ContentLoader(root: contentRoot).siteConfigurationFiles.map { SourceRoot.absolute(($0 as NSString).deletingLastPathComponent) })
            .subtracting([content])
        return [(content, true)] + (templatesRoot.map { [(SourceRoot.absolute($0), true)] } ?? []) + above.sorted().map { ($0, false) }
    }

    /// Builds every page from scratch; pages that fail keep the version an earlier build wrote.
    public func build() async -> Rebuild {
        let clock = ContinuousClock()
        let start = clock.now
        let inputs: SiteInputs
        let loaded: SiteBuilder.LoadedPages
        do {
            inputs = try await SiteInputs(contentRoot: contentRoot, templatesRoot: templatesRoot, strict: strict,
                                          allowLinksOutsideRoot: allowLinksOutsideRoot)
            loaded = try await SiteBuilder.loadAll(inputs.loader, site: inputs.site)
        } catch {
            setupProblems = Self.diagnostics(of: error, at: templatesRoot ?? contentRoot)
            return Rebuild(rewritten: [], diagnostics: setupProblems, full: true, duration: clock.now - start)
        }
        setupProblems = []
        self.inputs = inputs
        let paths = inputs.loader.howToPaths()
        let previous = MemorySite()
        previous.replaceAll(with: files)
        let fresh = MemorySite()
        var written: [String] = []
        do {
            try fresh.copyFolder(inputs.assetsFolder, within: inputs.templatesSource, to: "assets")
        } catch {
            setupProblems = Self.diagnostics(of: error, at: inputs.assetsFolder)
        }
        var old = entries
        entries = [:]
        for (index, path) in paths.enumerated() {
            entries[path] = Entry(loaded: loaded.pages[index], summary: nil)
        }
        collisions = loaded.collisions
        urls = loaded.urls
        written += await render(paths, with: inputs, into: fresh)
        // A page that failed keeps its last good version.
        for path in paths where entries[path]?.summary == nil {
            guard let summary = old.removeValue(forKey: path)?.summary, entries[path]?.loaded.page == nil,
                  let bytes = previous.file(SitePaths.file(forURL: summary.url)) else { continue }
            try? fresh.write(bytes: bytes, to: SitePaths.file(forURL: summary.url))
            entries[path]?.summary = summary
        }
        listed = nil
        written += writeListings(with: inputs, into: fresh)
        files.replaceAll(with: fresh)
        return Rebuild(rewritten: written.sorted(), diagnostics: loaded.pages.flatMap(\.diagnostics) + collisions,
                       full: true, duration: clock.now - start)
    }

    /// Rebuilds what the files at `changedPaths` (absolute, changed, added or removed) reach.
    public func update(_ changedPaths: Set<String>) async -> Rebuild {
        let clock = ContinuousClock()
        let start = clock.now
        guard let current = inputs, setupProblems.isEmpty else { return await build() }
        let changed = Set(changedPaths.map(SourceRoot.absolute))
        let loader = current.loader
        let siteFiles = Set(loader.siteConfigurationFiles.map(SourceRoot.absolute))
        let wholeSiteFolders = (templatesRoot.map { [$0] } ?? []) + loader.siteDataFolders
        if changed.contains(where: { path in siteFiles.contains(path) || wholeSiteFolders.contains { Self.path(path, isUnder: $0) } }) {
            return await build()
        }

        let howToFolder = SourceRoot.absolute(loader.howToFolder)
        let changedHowTos = changed.filter { $0.hasSuffix(".md") && Self.path($0, isUnder: howToFolder) }
        let paths = loader.howToPaths()
        let existing = Set(paths)
        let removed = entries.keys.filter { !existing.contains($0) }
        var affected = Set(paths.filter { entries[$0] == nil || changedHowTos.contains(SourceRoot.absolute($0)) })
        let changedOthers = changed.subtracting(changedHowTos)
        for (path, entry) in entries where existing.contains(path) {
            // A page that failed may be fixed by any change; one that loaded depends on the includes it read.
            if entry.loaded.page == nil || entry.loaded.page?.includes.contains(where: { changedOthers.contains(SourceRoot.absolute($0)) }) == true {
                affected.insert(path)
            }
        }
        guard !affected.isEmpty || !removed.isEmpty else {
            return Rebuild(rewritten: [], diagnostics: [], full: false, duration: clock.now - start)
        }

        let inputs = changedOthers.isEmpty ? current : current.reloadingIncludes()
        self.inputs = inputs
        var written: [String] = []
        for path in removed {
            if let summary = entries.removeValue(forKey: path)?.summary {
                files.remove([SitePaths.file(forURL: summary.url)])
                written.append(SitePaths.file(forURL: summary.url))
            }
        }
        let targets = affected.sorted()
        let site = inputs.site
        let reloaded = (try? await Parallel.map(targets.count) { inputs.loader.load(page: targets[$0], site: site) }) ?? []
        for (index, path) in targets.enumerated() where index < reloaded.count {
            let (page, diagnostics) = reloaded[index]
            entries[path, default: Entry(loaded: (diagnostics, page), summary: nil)].loaded = (diagnostics, page)
        }
        let (newURLs, newCollisions) = SiteBuilder.assignURLs(paths: paths, pages: paths.map { entries[$0]?.loaded.page }, loader: inputs.loader)
        collisions = newCollisions
        let everyPage = newURLs != urls
        urls = newURLs
        written += await render(everyPage ? paths : targets, with: inputs, into: files)
        written += writeListings(with: inputs, into: files)
        return Rebuild(rewritten: written.sorted(), diagnostics: reloaded.flatMap { $0.diagnostics } + newCollisions,
                       full: false, duration: clock.now - start)
    }

    /// Renders the how-tos at `paths` into `writer`; returns the files written. A page with errors, or one
    /// whose URL an earlier how-to has, is not written; an unpublished one is removed.
    private func render(_ paths: [String], with inputs: SiteInputs, into writer: MemorySite) async -> [String] {
        let colliding = Set(collisions.map(\.location.file))
        let renderer = inputs.renderer(urls: urls, writer: writer, results: results)
        let jobs = paths.filter { !colliding.contains($0) }
        let loaded = jobs.map { entries[$0]?.loaded ?? ([], nil) }
        let outcomes: [HowToRenderer.Outcome]
        do {
            outcomes = try await Parallel.map(jobs.count) { try renderer.render(loaded[$0]) }
        } catch {
            setupProblems = Self.diagnostics(of: error, at: contentRoot)
            return []
        }
        var written: [String] = []
        for (index, path) in jobs.enumerated() {
            let outcome = outcomes[index]
            let before = entries[path]?.summary
            if let summary = outcome.summary {
                if let before, before.url != summary.url { writer.remove([SitePaths.file(forURL: before.url)]) }
                entries[path]?.summary = summary
                written.append(SitePaths.file(forURL: summary.url))
            } else if !outcome.diagnostics.hasErrors, let before {
                // Unpublished now: the page goes.
                writer.remove([SitePaths.file(forURL: before.url)])
                entries[path]?.summary = nil
                written.append(SitePaths.file(forURL: before.url))
            }
        }
        return written
    }

    /// Writes the listings again when the pages they show changed; returns the files written.
    private func writeListings(with inputs: SiteInputs, into writer: MemorySite) -> [String] {
        let summaries = entries.keys.sorted().compactMap { entries[$0]?.summary }
        guard summaries != listed else { return [] }
        listed = summaries
        let recorder = RecordingWriter(base: writer)
        writer.remove([], folders: ["tags"])
        do {
            _ = try SiteListings(site: inputs.site, templates: inputs.templates, summaries: summaries).write(to: recorder)
        } catch {
            setupProblems = Self.diagnostics(of: error, at: contentRoot)
        }
        return recorder.paths
    }

    /// Whether `path` is `folder` or lies under it.
    private static func path(_ path: String, isUnder folder: String) -> Bool {
        let folder = SourceRoot.absolute(folder)
        return path == folder || path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
    }

    /// An error as located diagnostics: its own when it has them, else one at `file`.
    private static func diagnostics(of error: any Error, at file: String) -> [Diagnostic] {
        if let error = error as? DiagnosticError { return error.diagnostics }
        return [.error(at: SourceLocation(file: file, line: 1), "\(error)")]
    }
}
