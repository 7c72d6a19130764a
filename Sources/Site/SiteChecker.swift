public import Diagnostics
import Foundation
import HowTo

/// Lints all content (`howto check`): front matter, Liquid, includes, internal links and anchors.
public struct SiteChecker: Sendable {
    /// The content folder (`content`).
    public let contentRoot: String
    /// Whether warnings count as errors.
    public let strict: Bool
    /// Whether links out of the content folder are followed (off: they are errors).
    public let allowLinksOutsideRoot: Bool

    /// Creates a checker.
    public init(contentRoot: String, strict: Bool = false, allowLinksOutsideRoot: Bool = false) {
        self.contentRoot = contentRoot
        self.strict = strict
        self.allowLinksOutsideRoot = allowLinksOutsideRoot
    }

    /// Every diagnostic, page by page in path order (link problems after each page's own).
    public func check() async -> [Diagnostic] {
        let loader = ContentLoader(root: contentRoot, strict: strict, allowLinksOutsideRoot: allowLinksOutsideRoot)
        let site: SiteConfig
        do {
            site = try loader.loadSite()
        } catch let error as DiagnosticError {
            return error.diagnostics
        } catch {
            return [.error(at: SourceLocation(file: contentRoot, line: 1), "\(error)")]
        }
        let loaded: SiteBuilder.LoadedPages
        do {
            loaded = try await SiteBuilder.loadAll(loader, site: site)
        } catch let error as DiagnosticError {
            return error.diagnostics
        } catch {
            return [.error(at: SourceLocation(file: contentRoot, line: 1), "\(error)")]
        }
        let linkPages = loaded.pages.map { $0.page.map(Self.linkPage) }
        let checker = LinkChecker(pages: linkPages.compactMap { $0 }, knownURLs: loaded.urls, upstreamBaseURL: site.upstreamBaseURL)
        var diagnostics = loaded.collisions
        for (result, linkPage) in zip(loaded.pages, linkPages) {
            diagnostics += result.diagnostics
            if let linkPage { diagnostics += loader.strict ? checker.check(linkPage).strict() : checker.check(linkPage) }
        }
        return diagnostics
    }

    /// The ids and link targets of a loaded page.
    static func linkPage(_ page: HowToPage) -> LinkChecker.Page {
        let steps = page.frontMatter.noWrap == true ? 0 : StepSections(html: page.bodyHTML).steps.count
        let anchors = PageAnchors(page: page, stepCount: steps)
        var html = [page.bodyHTML] + page.prerequisites.map(\.html) + page.cleanup.map(\.html) + page.faqs.map(\.answerHTML)
        if let tldr = page.tldrHTML { html.append(tldr) }
        let fm = page.frontMatter
        var seen: Set<String> = []
        let links = html.flatMap(HTMLLinks.hrefs(in:)).filter { seen.insert($0).inserted }
        let resourceLinks = (fm.relatedResources + fm.nextSteps).map(\.url).filter { seen.insert($0).inserted }
        return LinkChecker.Page(sourcePath: page.sourcePath, url: page.url, anchors: anchors.all, links: links, resourceLinks: resourceLinks)
    }
}
