/// The HowTo module: the page model of a how-to (Kong developer-docs style). It reads the typed
/// front matter with Yams, expands the body's Liquid (site variables, includes, Kong blocks), parses
/// the result once with the Markdown module, and derives both the page HTML and the step plan
/// from that one block tree.
public import Diagnostics
public import HowToPlan
import Foundation

/// Loads site data and how-to pages from a content directory.
public struct ContentLoader: Sendable {
    /// The content directory, e.g. `content`.
    public let root: String
    /// Whether warnings (unknown keys, unknown tags) count as errors.
    public let strict: Bool
    /// Include files, read once per loader.
    let includes: IncludeStore
    /// The root every file read must resolve inside (pages under it, includes, site data).
    public let sourceRoot: SourceRoot
    /// The folder of the how-tos: `how-to/` in our layout, `_how-tos/` in a Kong docs tree (`app/`).
    public let howToFolder: String
    /// Whether pages highlight their code blocks (on for the site, off for checks and plans).
    public let highlightsCode: Bool

    /// Creates a loader for the content directory `root`; `allowLinksOutsideRoot` follows links that
    /// lead out of it (off by default: such files are refused, see `SourceRoot`).
    public init(root: String, strict: Bool = false, allowLinksOutsideRoot: Bool = false, highlightsCode: Bool = false) {
        self.root = root
        self.strict = strict
        self.highlightsCode = highlightsCode
        sourceRoot = SourceRoot(root, allowLinksOutside: allowLinksOutsideRoot)
        includes = IncludeStore(root: (root as NSString).appendingPathComponent("_includes"), contentRoot: sourceRoot)
        howToFolder = Self.howToFolder(in: root)
    }

    /// `ROOT/_how-tos` when it is there (Kong's Jekyll collection), else `ROOT/how-to`.
    public static func howToFolder(in root: String) -> String {
        var isFolder: ObjCBool = false
        let kong = (root as NSString).appendingPathComponent("_how-tos")
        if FileManager.default.fileExists(atPath: kong, isDirectory: &isFolder), isFolder.boolValue { return kong }
        return (root as NSString).appendingPathComponent("how-to")
    }

    /// The how-to's path inside the how-to folder without `.md` (`gateway/x`); its URL without a permalink
    /// is `/how-to/<that>/`, as Kong's `permalink: /how-to/:path/` default gives.
    public func collectionPath(of file: String) -> String {
        var relative = SourceRoot.absolute(file)
        let folder = SourceRoot.absolute(howToFolder) + "/"
        if relative.hasPrefix(folder) {
            relative.removeFirst(folder.count)
        } else if let range = relative.range(of: "/how-to/", options: .backwards) ?? relative.range(of: "/_how-tos/", options: .backwards) {
            relative = String(relative[range.upperBound...])
        } else {
            relative = (relative as NSString).lastPathComponent
        }
        if relative.hasSuffix(".md") { relative.removeLast(3) }
        return relative
    }

    /// Reads `content/_data/site.yml` (defaults when absent); throws `DiagnosticError` on bad YAML.
    public func loadSite() throws -> SiteConfig {
        try readSite()
    }

    /// Loads, validates and renders one how-to for a topology; the page is nil when any error was found.
    public func load(page path: String, site: SiteConfig, topology: Topology = .onPrem) -> (page: HowToPage?, diagnostics: [Diagnostic]) {
        let bytes: [UInt8]?
        do {
            // A how-to named from outside the root is the caller's choice; one under it must stay inside.
            bytes = sourceRoot.lexicallyContains(path) ? try sourceRoot.contents(of: path) : FileManager.default.contents(atPath: path).map { [UInt8]($0) }
        } catch {
            return (nil, [.error(at: SourceLocation(file: path, line: 1), "\(error)")])
        }
        guard let bytes else {
            return (nil, [.error(at: SourceLocation(file: path, line: 1), "cannot read the file")])
        }
        var loading = PageLoading(loader: self, path: path, site: site, topology: topology)
        let page = loading.run(bytes: bytes)
        var diagnostics = loading.diagnostics
        if strict { diagnostics = diagnostics.strict() }
        return (diagnostics.hasErrors ? nil : page, diagnostics)
    }

    /// Every `*.md` under the how-to folder (`how-to/**` or Kong's `_how-tos/**`), sorted.
    public func howToPaths() -> [String] {
        let base = howToFolder
        guard let walker = FileManager.default.enumerator(atPath: base) else { return [] }
        var paths: [String] = []
        while let relative = walker.nextObject() as? String {
            if relative.hasSuffix(".md") { paths.append((base as NSString).appendingPathComponent(relative)) }
        }
        return paths.sorted()
    }
}
