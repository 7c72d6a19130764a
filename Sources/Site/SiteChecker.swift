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
        let paths = loader.howToPaths()
        var diagnostics: [Diagnostic] = []
        do {
            try SiteBuilder.checkUniqueURLs(paths)
        } catch let error as DiagnosticError {
            diagnostics += error.diagnostics
        } catch {}

        // The transform does not throw, so neither does the map.
        let loaded = (try? await Parallel.map(paths.count) { index -> Loaded in
            let (page, diagnostics) = loader.load(page: paths[index], site: site)
            return Loaded(diagnostics: diagnostics, page: page.map(Self.linkPage))
        }) ?? []
        let pages = loaded.compactMap(\.page)
        let checker = LinkChecker(pages: pages, knownURLs: Set(paths.map(SitePaths.howTo(sourcePath:))))
        for result in loaded {
            diagnostics += result.diagnostics
            if let page = result.page { diagnostics += checker.check(page) }
        }
        return diagnostics
    }

    /// One loaded how-to: its diagnostics and, when it loaded, what the link check needs.
    private struct Loaded: Sendable {
        var diagnostics: [Diagnostic]
        var page: LinkChecker.Page?
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
