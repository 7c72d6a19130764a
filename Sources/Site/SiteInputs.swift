import Diagnostics
import Foundation
import HowTo

/// What every page of one build shares: the content loader, the site configuration and the templates
/// (unpacked from the binary when no folder is given, for as long as this value lives).
struct SiteInputs: Sendable {
    private(set) var loader: ContentLoader
    let site: SiteConfig
    let templates: TemplateSet
    /// The templates folder, a file read from it must resolve inside.
    let templatesSource: SourceRoot
    /// The folder copied to the site's `assets/`.
    let assetsFolder: String
    /// The unpacked built-in templates; removed when the last copy of these inputs goes.
    private let embedded: EmbeddedTemplateFolder?

    /// Reads the site configuration and the templates; throws `DiagnosticError` or `SiteError` on bad input.
    init(contentRoot: String, templatesRoot: String?, strict: Bool, allowLinksOutsideRoot: Bool) async throws {
        loader = ContentLoader(root: contentRoot, strict: strict, allowLinksOutsideRoot: allowLinksOutsideRoot, highlightsCode: true)
        site = try loader.loadSite()
        embedded = templatesRoot == nil ? try EmbeddedTemplateFolder() : nil
        let folder = templatesRoot ?? embedded?.path ?? ""
        templatesSource = SourceRoot(folder, allowLinksOutside: allowLinksOutsideRoot)
        templates = try await TemplateSet(folder: templatesSource)
        assetsFolder = (folder as NSString).appendingPathComponent("assets")
    }

    /// The same inputs with a fresh loader (no include read yet), for a rebuild after includes changed.
    func reloadingIncludes() -> SiteInputs {
        var copy = self
        copy.loader = ContentLoader(root: loader.root, strict: loader.strict, allowLinksOutsideRoot: loader.sourceRoot.allowsLinksOutside,
                                    highlightsCode: loader.highlightsCode)
        return copy
    }

    /// The renderer of the how-to pages, linking to `urls` (the how-tos') and the site-wide pages.
    func renderer(urls: Set<String>, writer: any SiteWriter, results: VerificationResults) -> HowToRenderer {
        HowToRenderer(
            templates: templates,
            context: HowToPageContext(
                siteTitle: site.title,
                links: LinkResolver(localPaths: urls.union([SitePaths.home, SitePaths.howToIndex, SitePaths.tagIndex]),
                                    upstreamBaseURL: site.upstreamBaseURL),
                names: ProductNames(site: site),
                assetPaths: SiteBuilder.assetPaths(in: assetsFolder)),
            writer: writer, results: results)
    }
}
