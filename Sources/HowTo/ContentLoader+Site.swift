import Diagnostics
import Foundation
import Liquid
import Yams

extension ContentLoader {
    /// The path of the site data file.
    var siteDataPath: String { (root as NSString).appendingPathComponent("_data/site.yml") }

    /// The names Jekyll gives its site configuration, looked for beside the content root and above it.
    static let jekyllConfigNames = ["_config.yml", "jekyll.yml"]

    /// The folders a change in which alters the site configuration (`_data/`, Kong's `_data/` included).
    public var siteDataFolders: [String] { [(root as NSString).appendingPathComponent("_data")] }

    /// Every file the site configuration may be read from, in the order ``loadSite()`` looks (most need not exist).
    public var siteConfigurationFiles: [String] {
        [siteDataPath] + Self.configurationFolders(of: root).flatMap { folder in
            Self.jekyllConfigNames.map { (folder as NSString).appendingPathComponent($0) }
        }
    }

    /// The content root and the folder above it, where a Jekyll configuration may sit.
    private static func configurationFolders(of root: String) -> [String] {
        [root, (SourceRoot.absolute(root) as NSString).deletingLastPathComponent]
    }

    /// Reads `_data/site.yml` into a `SiteConfig`; without it, the Jekyll configuration beside or above
    /// the root (Kong's `jekyll.yml`: its top-level keys are `site.*`); neither gives the defaults.
    func readSite() throws(DiagnosticError) -> SiteConfig {
        var site = try readSiteVariables()
        if site.variables["data"] == nil {
            let data = SiteData(folder: (root as NSString).appendingPathComponent("_data"), sourceRoot: sourceRoot)
            site.variables["data"] = .dictionary(try data.load(names: referencedDataNames()))
        }
        return site
    }

    /// `_data/site.yml`, else the Jekyll configuration beside or above the root, else the defaults.
    private func readSiteVariables() throws(DiagnosticError) -> SiteConfig {
        if let site = try readSite(at: siteDataPath, within: sourceRoot) { return site }
        for folder in Self.configurationFolders(of: root) {
            for name in Self.jekyllConfigNames {
                // The configuration is read within its own folder: a link out of it is refused like any other.
                let path = (folder as NSString).appendingPathComponent(name)
                if let site = try readSite(at: path, within: SourceRoot(folder, allowLinksOutside: sourceRoot.allowsLinksOutside)) {
                    return site
                }
            }
        }
        return SiteConfig()
    }

    /// The `site.data.NAME` entries the how-tos and includes name (a file that cannot be read names none).
    private func referencedDataNames() -> Set<String> {
        var names: Set<String> = []
        let includesFolder = (root as NSString).appendingPathComponent("_includes")
        let includes = (FileManager.default.enumerator(atPath: includesFolder)?.allObjects as? [String] ?? [])
            .map { (includesFolder as NSString).appendingPathComponent($0) }
        for path in howToPaths() + includes {
            if let bytes = try? sourceRoot.contents(of: path) { SiteData.referencedNames(in: bytes, into: &names) }
        }
        return names
    }

    /// The site configuration in one YAML file; nil when there is no such file.
    private func readSite(at path: String, within folder: SourceRoot) throws(DiagnosticError) -> SiteConfig? {
        let data: [UInt8]?
        do {
            data = try folder.contents(of: path)
        } catch {
            throw DiagnosticError([.error(at: SourceLocation(file: path, line: 1), "\(error)")])
        }
        guard let data else { return nil }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw DiagnosticError([.error(at: SourceLocation(file: path, line: 1), "site data is not UTF-8 text")])
        }
        var reader = YAMLReader(file: path, firstLine: 1)
        let root = reader.compose(text)
        if reader.diagnostics.hasErrors { throw DiagnosticError(reader.diagnostics) }
        guard let root else { return SiteConfig() }
        guard let pairs = reader.mapping(root, "site data") else { throw DiagnosticError(reader.diagnostics) }
        var site = SiteConfig()
        for (key, _, value) in pairs {
            site.variables[key] = LiquidValue(yaml: value)
            switch key {
            case "title": site.title = reader.string(value, key) ?? site.title
            case "upstream_base_url": site.upstreamBaseURL = reader.string(value, key) ?? site.upstreamBaseURL
            case "links" where !pairs.contains { $0.key == "upstream_base_url" }:
                // Kong's `links.web` is where its site lives: pages not built here are linked there.
                if let web = value.mapping?["web"]?.string { site.upstreamBaseURL = web }
            case "allow_raw_html": site.allowRawHTML = reader.bool(value, key) ?? false
            default: break
            }
        }
        if reader.diagnostics.hasErrors { throw DiagnosticError(reader.diagnostics) }
        return site
    }
}
