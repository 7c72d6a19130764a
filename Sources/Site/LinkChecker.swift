import Diagnostics
import Foundation

/// Checks internal links: a link to `/how-to/x/` needs that page, and `#id` needs that id on the target page.
/// Related resources and next steps may name how-tos that are not in this site: the site sends those upstream.
struct LinkChecker: Sendable {
    /// The links and ids of one loaded how-to.
    struct Page: Sendable {
        /// The file, for diagnostics.
        var sourcePath: String
        /// The page URL, `/how-to/x/`.
        var url: String
        /// Every id the rendered page carries.
        var anchors: Set<String>
        /// Every distinct link target in the rendered content (body, items, FAQs, TL;DR).
        var links: [String]
        /// Every distinct `related_resources` and `next_steps` URL.
        var resourceLinks: [String]
    }

    /// URLs of every how-to in the content, loaded or not.
    let knownURLs: Set<String>
    /// Ids per page URL, for the pages that loaded.
    let anchorsByURL: [String: Set<String>]

    /// Indexes the loaded pages; `knownURLs` also holds pages that failed to load (already reported).
    init(pages: [Page], knownURLs: Set<String>) {
        self.knownURLs = knownURLs
        anchorsByURL = Dictionary(pages.map { ($0.url, $0.anchors) }, uniquingKeysWith: { a, _ in a })
    }

    /// The broken links of `page`, located in its source file where the URL is written.
    func check(_ page: Page) -> [Diagnostic] {
        var problems: [(url: String, message: String)] = []
        for link in page.links {
            if let message = problem(with: link, on: page, upstreamAllowed: false) { problems.append((link, message)) }
        }
        for link in page.resourceLinks {
            if let message = problem(with: link, on: page, upstreamAllowed: true) { problems.append((link, message)) }
        }
        guard !problems.isEmpty else { return [] }
        let text = (try? String(contentsOfFile: page.sourcePath, encoding: .utf8)) ?? ""
        let locator = SourceLocator(path: page.sourcePath, text: text)
        var diagnostics: [Diagnostic] = []
        for (url, message) in problems {
            let locations = locator.locations(of: url)
            for location in locations.isEmpty ? [SourceLocation(file: page.sourcePath, line: 1)] : locations {
                diagnostics.append(.error(at: location, message))
            }
        }
        return diagnostics.sorted { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) }
    }

    /// Why `link` is broken, nil when it is fine (including every link outside the site, and links to
    /// how-tos that are not in the site when `upstreamAllowed`).
    func problem(with link: String, on page: Page, upstreamAllowed: Bool) -> String? {
        let fragment = link.firstIndex(of: "#").map { String(link[link.index(after: $0)...]) } ?? ""
        let target: String
        if link.hasPrefix("#") {
            target = page.url
        } else if let path = LinkResolver.sitePath(of: link) {
            target = path
        } else {
            return nil
        }
        let isHowTo = target.hasPrefix(SitePaths.howToIndex) && target != SitePaths.howToIndex
        guard target == page.url || isHowTo else { return nil }
        guard knownURLs.contains(target) else {
            if upstreamAllowed { return nil }
            return "the link \(link) points to \(target), which is not a how-to of this site"
        }
        guard !fragment.isEmpty, let anchors = anchorsByURL[target], !anchors.contains(fragment) else { return nil }
        let onPage = target == page.url ? "this page" : target
        return "the link \(link) points to #\(fragment), but \(onPage) has no heading or section with that id"
    }
}
