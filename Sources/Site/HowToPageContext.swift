import HowTo
import HowToPlan
import Markdown

/// Builds the Mustache context of one how-to page (the `how-to` template).
struct HowToPageContext: Sendable {
    /// The site title shown in the header.
    let siteTitle: String
    /// Local versus upstream links.
    let links: LinkResolver
    /// Product and topology display names.
    let names: ProductNames
    /// Site-relative paths of the bundled assets (`/assets/icons/x.svg`), to drop icons that do not exist.
    let assetPaths: Set<String>

    /// The context for `page`; absent values are `false` so sections never fall back to outer keys.
    func make(for page: HowToPage, verification: Verification? = nil) throws -> [String: Any] {
        let fm = page.frontMatter
        let sections = fm.noWrap == true
            ? StepSections(intro: page.bodyHTML)
            : StepSections(html: page.bodyHTML)
        let anchors = PageAnchors(page: page, stepCount: sections.steps.count)

        let prerequisites = items(page.prerequisites, ids: anchors.prerequisiteIDs, open: true)
        let cleanup = items(page.cleanup, ids: anchors.cleanupIDs, open: false)
        let faqs: [[String: Any]] = zip(page.faqs, anchors.faqIDs).map { faq, id in
            ["id": id, "questionHTML": faq.questionHTML, "answerHTML": links.rewriteLinks(inHTML: faq.answerHTML)]
        }
        let steps: [[String: Any]] = sections.steps.map { step in
            ["number": step.number, "html": links.rewriteLinks(inHTML: step.html), "topology": step.topology ?? false]
        }
        let related = linkList(fm.relatedResources)
        let nextSteps = linkList(fm.nextSteps)
        let minVersions: [[String: Any]] = fm.minVersion.keys.sorted().map { product in
            ["product": names.product(product), "version": fm.minVersion[product] ?? ""]
        }
        let worksOn = fm.worksOn.map { names.topology($0) }
        let tags = Self.tagLinks(fm.tags)
        let description = fm.description.flatMap { $0.isEmpty ? nil : $0 }

        var toc: [[String: Any]] = []
        if page.tldrHTML != nil { toc.append(["id": "tldr", "text": "TL;DR", "level": 2]) }
        if !prerequisites.isEmpty { toc.append(["id": "prerequisites", "text": "Prerequisites", "level": 2]) }
        for heading in page.headings where heading.level == 2 || heading.level == 3 {
            toc.append(["id": heading.id, "text": heading.text, "level": heading.level])
        }
        if !cleanup.isEmpty { toc.append(["id": "cleanup", "text": "Cleanup", "level": 2]) }
        if !faqs.isEmpty { toc.append(["id": "faqs", "text": "FAQs", "level": 2]) }
        if !nextSteps.isEmpty { toc.append(["id": "next-steps", "text": "Next steps", "level": 2]) }

        return [
            "siteTitle": siteTitle,
            "pageTitle": "How to: \(fm.title) | \(siteTitle)",
            "title": fm.title,
            "slug": page.slug,
            "pageTopology": Self.defaultTopology(fm.worksOn),
            "description": description ?? false,
            "jsonLD": page.faqs.isEmpty ? false : FAQSchema(faqs: page.faqs).scriptText(),
            "tldr": page.tldrHTML.map { links.rewriteLinks(inHTML: $0) } ?? false,
            "hasPrerequisites": !prerequisites.isEmpty,
            "prerequisites": prerequisites,
            "intro": sections.intro.isEmpty ? false : links.rewriteLinks(inHTML: sections.intro),
            "hasSteps": !steps.isEmpty,
            "steps": steps,
            "hasCleanup": !cleanup.isEmpty,
            "cleanup": cleanup,
            "hasFAQs": !faqs.isEmpty,
            "faqs": faqs,
            "hasNextSteps": !nextSteps.isEmpty,
            "nextSteps": nextSteps,
            "hasRelated": !related.isEmpty,
            "related": related,
            "hasMinVersions": !minVersions.isEmpty,
            "minVersions": minVersions,
            "hasWorksOn": !worksOn.isEmpty,
            "worksOn": worksOn,
            "hasTools": !fm.tools.isEmpty,
            "tools": fm.tools,
            "hasTags": !tags.isEmpty,
            "tags": tags,
            "hasToc": !toc.isEmpty,
            "toc": toc,
            "verification": VerificationBadge.context(verification),
        ]
    }

    /// The topology the page shows: on-prem when it works there, else the first listed (content for the
    /// other topology is hidden by the stylesheet).
    static func defaultTopology(_ worksOn: [String]) -> String {
        worksOn.contains("on-prem") ? "on-prem" : worksOn.first ?? "on-prem"
    }

    /// `[{name, url}]` for tag pills linking to the tag pages.
    static func tagLinks(_ tags: [String]) -> [[String: Any]] {
        tags.map { ["name": $0, "url": SitePaths.tag($0)] }
    }

    private func items(_ items: [RenderedItem], ids: [String], open: Bool) -> [[String: Any]] {
        zip(items, ids).map { item, id in
            let icon = item.iconURL.flatMap { assetPaths.contains($0) ? $0 : nil }
            return [
                "id": id,
                "title": item.title,
                "html": links.rewriteLinks(inHTML: item.html),
                "iconURL": icon ?? false,
                "topology": item.topology?.rawValue ?? false,
                "open": open,
            ]
        }
    }

    private func linkList(_ list: [Link]) -> [[String: Any]] {
        list.map { link in
            let url = links.resolve(link.url)
            return ["text": link.text, "url": url, "external": !links.isLocal(link.url)]
        }
    }
}
