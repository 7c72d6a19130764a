import HowTo
import Markdown

/// The ids a rendered how-to page carries: headings, the fixed sections, prerequisite, cleanup and FAQ items.
struct PageAnchors: Sendable {
    /// Ids of the sections every how-to template may render.
    static let sectionIDs = ["content", "tldr", "prerequisites", "cleanup", "faqs", "next-steps"]

    /// One id per prerequisite item, in order.
    let prerequisiteIDs: [String]
    /// One id per cleanup item, in order.
    let cleanupIDs: [String]
    /// One id per FAQ, in order.
    let faqIDs: [String]
    /// Every id on the page.
    let all: Set<String>

    /// Allocates item ids after the heading ids, so they never collide with them; `stepCount` steps get `step-N`.
    init(page: HowToPage, stepCount: Int) {
        var slugger = Slugger()
        for id in page.headings.map(\.id) + Self.sectionIDs { slugger.reserve(id) }
        prerequisiteIDs = page.prerequisites.map { slugger.id(for: $0.title) }
        cleanupIDs = page.cleanup.map { slugger.id(for: $0.title) }
        faqIDs = page.faqs.map { slugger.id(for: $0.question) }
        let itemHeadingIDs = (page.prerequisites + page.cleanup).flatMap(\.headingIDs)
        all = Set(page.headings.map(\.id) + page.nestedHeadingIDs + Self.sectionIDs + prerequisiteIDs + cleanupIDs + faqIDs + itemHeadingIDs
            + (0..<stepCount).map { "step-\($0 + 1)" })
    }
}
