import Diagnostics
import Foundation

/// Checks internal links: `#id` needs that id on the target page, and a link to `/how-to/x/` should name a
/// how-to of this site. A docs tree may hold only part of a collection, so a how-to that is not here is a
/// warning in the body (the page sends it upstream) and fine in related resources and next steps.
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
    /// Where links to pages not in this site go.
    let upstreamBaseURL: String

    /// Indexes the loaded pages; `knownURLs` also holds pages that failed to load (already reported).
    init(pages: [Page], knownURLs: Set<String>, upstreamBaseURL: String) {
        self.knownURLs = knownURLs
        self.upstreamBaseURL = upstreamBaseURL.hasSuffix("/") ? String(upstreamBaseURL.dropLast()) : upstreamBaseURL
        anchorsByURL = Dictionary(pages.map { ($0.url, $0.anchors) }, uniquingKeysWith: { a, _ in a })
    }

    /// The broken links of `page` (errors) and its links to how-tos that are not here (warnings), located in
    /// its source file where the URL is written.
    func check(_ page: Page) -> [Diagnostic] {
        var problems: [(url: String, problem: Problem)] = []
        for link in page.links {
            if let problem = problem(with: link, on: page, upstreamAllowed: false) { problems.append((link, problem)) }
        }
        for link in page.resourceLinks {
            if let problem = problem(with: link, on: page, upstreamAllowed: true) { problems.append((link, problem)) }
        }
        guard !problems.isEmpty else { return [] }
        let text = (try? String(contentsOfFile: page.sourcePath, encoding: .utf8)) ?? ""
        let locator = SourceLocator(path: page.sourcePath, text: text)
        var diagnostics: [Diagnostic] = []
        for (url, problem) in problems {
            let locations = locator.locations(of: url)
            for location in locations.isEmpty ? [SourceLocation(file: page.sourcePath, line: 1)] : locations {
                diagnostics.append(problem.isError ? .error(at: location, problem.message) : .warning(at: location, problem.message))
            }
        }
        return diagnostics.sorted { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) }
    }

    /// What is wrong with a link, and whether it is broken (an error) or only leaves the site (a warning).
    struct Problem: Equatable {
        var message: String
        var isError: Bool
    }

    /// What is wrong with `link`, nil when it is fine (including every link outside the site, and links to
    /// how-tos that are not in the site when `upstreamAllowed`).
    func problem(with link: String, on page: Page, upstreamAllowed: Bool) -> Problem? {
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
            if upstreamAllowed || target == page.url { return nil }
            return Problem(
                message: "the link \(link) points to \(target), which is not a how-to of this site; the page sends it to \(upstreamBaseURL)\(target), check that it is there",
                isError: false)
        }
        guard !fragment.isEmpty, let anchors = anchorsByURL[target], !anchors.contains(fragment) else { return nil }
        let onPage = target == page.url ? "this page" : target
        return Problem(message: "the link \(link) points to #\(fragment), but \(onPage) has no heading or section with that id", isError: true)
    }
}
