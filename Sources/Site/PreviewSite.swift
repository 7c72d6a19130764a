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

    private let contentRoot: String
    private let templatesRoot: String?
    private let strict: Bool
    private let allowLinksOutsideRoot: Bool
    private let results: VerificationResults
    private let files = MemorySite()

    private var inputs: SiteInputs?
    /// Every how-to's path as the loader names it, sorted (the order collisions are decided in).
    private var paths: [String] = []
    /// The loader's path of each how-to, by absolute path (what the watcher reports).
    private var byAbsolutePath: [String: String] = [:]
    /// Each how-to as last loaded.
    private var loaded: [String: (diagnostics: [Diagnostic], page: HowToPage?)] = [:]
    /// The URL of each how-to that loaded.
    private var pageURLs: [String: String] = [:]
    /// The includes each how-to read, as absolute paths.
    private var dependencies: [String: Set<String>] = [:]
    /// The errors of each how-to that failed to load.
    private var failing: [String: [Diagnostic]] = [:]
    /// The summary of the version last written of each how-to.
    private var summaries: [String: PageSummary] = [:]
    private var urls: Set<String> = []
    private var collisions: [Diagnostic] = []
    /// Errors that stop every page: bad site data or templates, no how-to at all.
    private var setupProblems: [Diagnostic] = []
    /// The summaries the listings were last written with, in path order.
    private var listed: [PageSummary]?
    /// What, changed, rebuilds everything: the site configuration files, the templates and site data folders.
    private var wholeSiteFiles: Set<String> = []
    private var wholeSiteFolders: [String] = []
    /// The how-to folder, absolute.
    private var howToFolder = ""

    /// A preview of `contentRoot` with the templates of `templatesRoot` (nil: the built-in ones).
    public init(contentRoot: String, templatesRoot: String?, strict: Bool = false, allowLinksOutsideRoot: Bool = false,
                results: VerificationResults = VerificationResults()) {
        self.contentRoot = contentRoot
        self.templatesRoot = templatesRoot
        self.strict = strict
        self.allowLinksOutsideRoot = allowLinksOutsideRoot
        self.results = results
    }

    /// Lets go of the inputs (the unpacked built-in templates are removed); the preview builds again if used.
    public func close() {
        inputs = nil
    }

    /// The errors that keep pages from their latest version, by file and line; empty when every page is current.
    public var problems: [Diagnostic] {
        setupProblems + collisions + failing.keys.sorted().flatMap { failing[$0] ?? [] }
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
        let all: SiteBuilder.LoadedPages
        do {
            inputs = try await SiteInputs(contentRoot: contentRoot, templatesRoot: templatesRoot, strict: strict,
                                          allowLinksOutsideRoot: allowLinksOutsideRoot)
            all = try await SiteBuilder.loadAll(inputs.loader, site: inputs.site)
        } catch {
            setupProblems = Self.diagnostics(of: error, at: templatesRoot ?? contentRoot)
            return Rebuild(rewritten: [], diagnostics: setupProblems, full: true, duration: clock.now - start)
        }
        setupProblems = []
        self.inputs = inputs
        wholeSiteFiles = Set(inputs.loader.siteConfigurationFiles.map(SourceRoot.absolute))
        wholeSiteFolders = ((templatesRoot.map { [$0] } ?? []) + inputs.loader.siteDataFolders).map(SourceRoot.absolute)
        howToFolder = SourceRoot.absolute(inputs.loader.howToFolder)
        paths = all.paths
        byAbsolutePath = Dictionary(paths.map { (SourceRoot.absolute($0), $0) }) { first, _ in first }
        let previous = MemorySite()
        previous.replaceAll(with: files)
        let fresh = MemorySite()
        do {
            try fresh.copyFolder(inputs.assetsFolder, within: inputs.templatesSource, to: "assets")
        } catch {
            setupProblems = Self.diagnostics(of: error, at: inputs.assetsFolder)
        }
        let lastWritten = summaries
        (loaded, pageURLs, dependencies, failing, summaries) = ([:], [:], [:], [:], [:])
        for (index, path) in paths.enumerated() { record(all.pages[index], for: path) }
        collisions = all.collisions
        urls = all.urls
        var written = await render(paths, with: inputs, into: fresh)
        // A page that failed keeps its last good version.
        for path in failing.keys {
            guard let summary = lastWritten[path], let bytes = previous.file(SitePaths.file(forURL: summary.url)) else { continue }
            try? fresh.write(bytes: bytes, to: SitePaths.file(forURL: summary.url))
            summaries[path] = summary
        }
        listed = nil
        written += writeListings(with: inputs, into: fresh)
        files.replaceAll(with: fresh)
        return Rebuild(rewritten: written.sorted(), diagnostics: all.pages.flatMap(\.diagnostics) + collisions,
                       full: true, duration: clock.now - start)
    }

    /// Rebuilds what the files at `changedPaths` (changed, added or removed) reach.
    public func update(_ changedPaths: Set<String>) async -> Rebuild {
        let clock = ContinuousClock()
        let start = clock.now
        guard let current = inputs, setupProblems.isEmpty else { return await build() }
        let changed = Set(changedPaths.map(SourceRoot.absolute))
        if changed.contains(where: { path in wholeSiteFiles.contains(path) || wholeSiteFolders.contains { Self.path(path, isUnder: $0) } }) {
            return await build()
        }

        // What happened to how-tos: edited, added, removed. A folder moved in is read again; one moved out or
        // deleted takes its how-tos with it; other files there (an editor's temporary files) change nothing.
        var edited: Set<String> = [], added: [String] = [], removed: [String] = [], others: Set<String> = []
        var rescan = false
        for path in changed {
            guard Self.path(path, isUnder: howToFolder) else { others.insert(path); continue }
            var isFolder: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
            guard path.hasSuffix(".md"), !isFolder.boolValue else {
                if isFolder.boolValue {
                    rescan = true
                } else if !exists {
                    removed += byAbsolutePath.filter { $0.key.hasPrefix(path + "/") }.map(\.value)
                }
                continue
            }
            if let known = byAbsolutePath[path] {
                if exists { edited.insert(known) } else { removed.append(known) }
            } else if exists {
                added.append(current.loader.howToFolder + path.dropFirst(howToFolder.count))
            }
        }
        if rescan {
            let now = current.loader.howToPaths()
            let present = Set(now)
            added += now.filter { loaded[$0] == nil && !added.contains($0) }
            removed += paths.filter { !present.contains($0) && !removed.contains($0) }
        }
        var affected = edited.union(added).union(failing.keys)
        if !others.isEmpty {
            for (path, includes) in dependencies where !includes.isDisjoint(with: others) { affected.insert(path) }
        }
        affected.subtract(removed)
        guard !affected.isEmpty || !removed.isEmpty else {
            return Rebuild(rewritten: [], diagnostics: [], full: false, duration: clock.now - start)
        }

        let inputs = others.isEmpty ? current : current.reloadingIncludes()
        self.inputs = inputs
        var written: [String] = []
        for path in removed {
            if let summary = summaries.removeValue(forKey: path) {
                files.remove([SitePaths.file(forURL: summary.url)])
                written.append(SitePaths.file(forURL: summary.url))
            }
            (loaded[path], pageURLs[path], dependencies[path], failing[path]) = (nil, nil, nil, nil)
        }
        if !added.isEmpty || !removed.isEmpty {
            let gone = Set(removed)
            paths = (paths.filter { !gone.contains($0) } + added).sorted()
            byAbsolutePath = Dictionary(paths.map { (SourceRoot.absolute($0), $0) }) { first, _ in first }
        }
        let targets = affected.sorted()
        let site = inputs.site
        let reloaded = (try? await Parallel.map(targets.count) { inputs.loader.load(page: targets[$0], site: site) }) ?? []
        for (index, path) in targets.enumerated() where index < reloaded.count {
            record((reloaded[index].diagnostics, reloaded[index].page), for: path)
        }
        let (newURLs, newCollisions) = SiteBuilder.assignURLs(paths: paths, urls: paths.map { pageURLs[$0] }, loader: inputs.loader)
        collisions = newCollisions
        let everyPage = newURLs != urls
        urls = newURLs
        written += await render(everyPage ? paths : targets, with: inputs, into: files)
        written += writeListings(with: inputs, into: files)
        return Rebuild(rewritten: written.sorted(), diagnostics: reloaded.flatMap { $0.diagnostics } + newCollisions,
                       full: false, duration: clock.now - start)
    }

    /// Keeps what a load of the how-to at `path` gave.
    private func record(_ result: (diagnostics: [Diagnostic], page: HowToPage?), for path: String) {
        loaded[path] = result
        pageURLs[path] = result.page?.url
        dependencies[path] = result.page.map { Set($0.includes.map(SourceRoot.absolute)) }
        let errors = result.diagnostics.filter { $0.severity == .error }
        failing[path] = errors.isEmpty ? nil : errors
    }

    /// Renders the how-tos at `paths` into `writer`; returns the files written. A page with errors, or one
    /// whose URL an earlier how-to has, is not written; an unpublished one is removed.
    private func render(_ paths: [String], with inputs: SiteInputs, into writer: MemorySite) async -> [String] {
        let colliding = Set(collisions.map(\.location.file))
        let renderer = inputs.renderer(urls: urls, writer: writer, results: results)
        let jobs = paths.filter { !colliding.contains($0) }
        let pages = jobs.map { loaded[$0] ?? ([], nil) }
        let outcomes: [HowToRenderer.Outcome]
        do {
            outcomes = try await Parallel.map(jobs.count) { try renderer.render(pages[$0]) }
        } catch {
            setupProblems = Self.diagnostics(of: error, at: contentRoot)
            return []
        }
        var written: [String] = []
        for (index, path) in jobs.enumerated() {
            let outcome = outcomes[index]
            let before = summaries[path]
            if let summary = outcome.summary {
                if let before, before.url != summary.url { writer.remove([SitePaths.file(forURL: before.url)]) }
                summaries[path] = summary
                written.append(SitePaths.file(forURL: summary.url))
            } else if !outcome.diagnostics.hasErrors, let before {
                // Unpublished now: the page goes.
                writer.remove([SitePaths.file(forURL: before.url)])
                summaries[path] = nil
                written.append(SitePaths.file(forURL: before.url))
            }
        }
        return written
    }

    /// Writes the listings again when the pages they show changed; returns the files written.
    private func writeListings(with inputs: SiteInputs, into writer: MemorySite) -> [String] {
        let current = paths.compactMap { summaries[$0] }
        guard current != listed else { return [] }
        listed = current
        let recorder = RecordingWriter(base: writer)
        writer.remove([], folders: ["tags"])
        do {
            _ = try SiteListings(site: inputs.site, templates: inputs.templates, summaries: current).write(to: recorder)
        } catch {
            setupProblems = Self.diagnostics(of: error, at: contentRoot)
        }
        return recorder.paths
    }

    /// Whether `path` is `folder` or lies under it (both absolute).
    private static func path(_ path: String, isUnder folder: String) -> Bool {
        path == folder || path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
    }

    /// An error as located diagnostics: its own when it has them, else one at `file`.
    private static func diagnostics(of error: any Error, at file: String) -> [Diagnostic] {
        if let error = error as? DiagnosticError { return error.diagnostics }
        return [.error(at: SourceLocation(file: file, line: 1), "\(error)")]
    }
}
