import Foundation
import HowTo

/// The site-wide pages: home, how-to index, tag index and tag pages, sitemap and search index.
struct SiteListings {
    let site: SiteConfig
    let templates: TemplateSet
    /// Every written how-to, sorted by title (then URL) for the listings.
    let summaries: [PageSummary]

    init(site: SiteConfig, templates: TemplateSet, summaries: [PageSummary]) {
        self.site = site
        self.templates = templates
        self.summaries = summaries.sorted {
            let a = $0.title.lowercased(), b = $1.title.lowercased()
            return a != b ? a < b : $0.url < $1.url
        }
    }

    /// Writes every site-wide file; returns how many HTML pages that was.
    func write(to writer: any SiteWriter) throws -> Int {
        let count = "\(summaries.count) how-to guide\(summaries.count == 1 ? "" : "s")."
        try writer.write(listing(heading: site.title, lead: "Step-by-step how-to guides. \(count)", pageTitle: site.title), to: "index.html")
        try writer.write(listing(heading: "How-to guides", lead: "Every guide on this site. \(count)", pageTitle: "How-to guides | \(site.title)"),
                          to: SitePaths.file(forURL: SitePaths.howToIndex))

        let byTag = Dictionary(grouping: summaries.flatMap { summary in Set(summary.tags).map { ($0, summary) } }, by: \.0)
            .mapValues { $0.map(\.1) }
        let tags = byTag.keys.sorted()
        let tagCloud: [[String: Any]] = tags.map { ["name": $0, "url": SitePaths.tag($0), "count": byTag[$0]?.count ?? 0] }
        try writer.write(templates.render(.tags, base(pageTitle: "Tags | \(site.title)", description: "How-to guides by tag.").merging(["tags": tagCloud]) { $1 }),
                          to: SitePaths.file(forURL: SitePaths.tagIndex))
        for tag in tags {
            let pages = byTag[tag] ?? []
            var context = base(pageTitle: "Tag: \(tag) | \(site.title)", description: "How-to guides tagged \(tag).")
            context["tag"] = tag
            context["count"] = pages.count
            context["plural"] = pages.count != 1
            context["pages"] = pages.map(Self.card)
            context["hasVerification"] = pages.contains { $0.verdict != nil }
            try writer.write(templates.render(.tag, context), to: SitePaths.file(forURL: SitePaths.tag(tag)))
        }

        try writer.write(templates.render(.sitemap, ["urls": sitemapURLs(tags: tags)]), to: "sitemap.xml")
        try writer.write(try searchIndex(), to: "search-index.json")
        return 3 + tags.count
    }

    /// The search index: one entry per how-to, sorted by URL.
    func searchIndex() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(summaries.sorted { $0.url < $1.url }), as: UTF8.self)
    }

    /// Every page URL, absolute when the site config says where the site is published.
    func sitemapURLs(tags: [String]) -> [String] {
        let paths = [SitePaths.home, SitePaths.howToIndex, SitePaths.tagIndex]
            + summaries.map(\.url).sorted()
            + tags.map(SitePaths.tag)
        return paths.map { (site.publishedURL ?? "") + $0 }
    }

    private func listing(heading: String, lead: String, pageTitle: String) -> String {
        var context = base(pageTitle: pageTitle, description: lead)
        context["heading"] = heading
        context["lead"] = lead
        context["pages"] = summaries.map(Self.card)
        context["hasVerification"] = summaries.contains { $0.verdict != nil }
        return templates.render(.index, context)
    }

    private func base(pageTitle: String, description: String) -> [String: Any] {
        ["siteTitle": site.title, "pageTitle": pageTitle, "description": description, "jsonLD": false, "hasToc": false]
    }

    /// The listing card of one how-to.
    private static func card(_ summary: PageSummary) -> [String: Any] {
        let tags = HowToPageContext.tagLinks(summary.tags)
        return [
            "url": summary.url, "title": summary.title,
            "description": summary.description.isEmpty ? false : summary.description,
            "hasTags": !tags.isEmpty, "tags": tags,
            "verdict": summary.verdict ?? false,
        ]
    }
}
