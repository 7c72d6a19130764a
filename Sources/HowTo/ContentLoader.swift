/// The HowTo module: the page model of a how-to (Kong developer-docs style). It reads the typed
/// front matter with Yams, expands the body's Liquid (site variables, includes, Kong blocks), parses
/// the result once with the Markdown module, and derives both the page HTML and the step plan
/// from that one block tree.
public import Diagnostics
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

    /// Creates a loader for the content directory `root`; `allowLinksOutsideRoot` follows links that
    /// lead out of it (off by default: such files are refused, see `SourceRoot`).
    public init(root: String, strict: Bool = false, allowLinksOutsideRoot: Bool = false) {
        self.root = root
        self.strict = strict
        sourceRoot = SourceRoot(root, allowLinksOutside: allowLinksOutsideRoot)
        includes = IncludeStore(root: (root as NSString).appendingPathComponent("_includes"), contentRoot: sourceRoot)
    }

    /// Reads `content/_data/site.yml` (defaults when absent); throws `DiagnosticError` on bad YAML.
    public func loadSite() throws -> SiteConfig {
        try readSite()
    }

    /// Loads, validates and renders one how-to for a topology; the page is nil when any error was found.
    public func load(page path: String, site: SiteConfig, topology: String = "on-prem") -> (page: HowToPage?, diagnostics: [Diagnostic]) {
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

    /// Every `how-to/**/*.md` under the content root, sorted.
    public func howToPaths() -> [String] {
        let base = (root as NSString).appendingPathComponent("how-to")
        guard let walker = FileManager.default.enumerator(atPath: base) else { return [] }
        var paths: [String] = []
        while let relative = walker.nextObject() as? String {
            if relative.hasSuffix(".md") { paths.append((base as NSString).appendingPathComponent(relative)) }
        }
        return paths.sorted()
    }
}
