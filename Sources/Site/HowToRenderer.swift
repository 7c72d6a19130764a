import Diagnostics
import HowTo
import Markdown

/// Loads, renders and writes one how-to page; what the site-wide pages need comes back as a summary.
struct HowToRenderer: Sendable {
    /// The result of one how-to: its diagnostics, and its summary when a page was written.
    struct Outcome: Sendable {
        var diagnostics: [Diagnostic]
        var summary: PageSummary?
    }

    let templates: TemplateSet
    let context: HowToPageContext
    let writer: any SiteWriter
    /// The last verification of each how-to (`--results`).
    let results: VerificationResults

    /// Writes a loaded how-to at its URL unless it has errors or is unpublished.
    func render(_ loaded: (diagnostics: [Diagnostic], page: HowToPage?)) throws -> Outcome {
        let diagnostics = loaded.diagnostics
        guard let page = loaded.page, !diagnostics.hasErrors else { return Outcome(diagnostics: diagnostics, summary: nil) }
        let fm = page.frontMatter
        if fm.published == false { return Outcome(diagnostics: diagnostics, summary: nil) }
        let verification = results.verification(of: page.sourcePath)
        let html = templates.render(.howTo, try context.make(for: page, verification: verification))
        try writer.write(html, to: SitePaths.file(forURL: page.url))
        let summary = PageSummary(
            url: page.url,
            title: fm.title,
            description: fm.description ?? "",
            tags: fm.tags,
            aliases: fm.searchAliases,
            headings: page.headings.filter { $0.level <= 3 }.map(\.text),
            verdict: verification.map { VerificationBadge.outcome($0.verdict) })
        return Outcome(diagnostics: diagnostics, summary: summary)
    }
}
