public import HowToPlan
public import Markdown

/// A loaded how-to: typed front matter, rendered body and its executable plan, from one parse.
public struct HowToPage: Sendable {
    /// The path as given, e.g. `content/how-to/configure-hashicorp-vault-with-oauth2.md`.
    public var sourcePath: String
    /// The file name without `.md`, e.g. `configure-hashicorp-vault-with-oauth2`.
    public var slug: String
    /// The page URL, e.g. `/how-to/configure-hashicorp-vault-with-oauth2/`.
    public var url: String
    /// The front matter, with Liquid in strings already rendered.
    public var frontMatter: FrontMatter
    /// The rendered body (Kong blocks expanded, placeholders replaced).
    public var bodyHTML: String
    /// The body in reading order (Kong blocks resolved for the plan's topology), for the terminal.
    public var passages: [Passage]
    /// Every heading of the body, in order (H2 = step sections).
    public var headings: [Heading]
    /// The ids of headings inside Kong blocks (tab and topology content): anchors the outline does not list.
    public var nestedHeadingIDs: [String]
    /// The body as plain text, for search.
    public var plainText: String
    /// Rendered prerequisite items.
    public var prerequisites: [RenderedItem]
    /// Rendered cleanup items.
    public var cleanup: [RenderedItem]
    /// Rendered FAQs.
    public var faqs: [FAQ]
    /// The TL;DR answer rendered to HTML, nil when empty.
    public var tldrHTML: String?
    /// The executable plan for the requested topology.
    public var plan: Plan
    /// The include files the page read, directly or through other includes (what a change to them affects).
    public var includes: [String]

    /// Creates a page.
    public init(
        sourcePath: String, slug: String, url: String, frontMatter: FrontMatter, bodyHTML: String, passages: [Passage] = [],
        headings: [Heading], nestedHeadingIDs: [String] = [], plainText: String, prerequisites: [RenderedItem], cleanup: [RenderedItem],
        faqs: [FAQ], tldrHTML: String?, plan: Plan, includes: [String] = []
    ) {
        self.includes = includes
        self.sourcePath = sourcePath
        self.slug = slug
        self.url = url
        self.frontMatter = frontMatter
        self.bodyHTML = bodyHTML
        self.passages = passages
        self.headings = headings
        self.nestedHeadingIDs = nestedHeadingIDs
        self.plainText = plainText
        self.prerequisites = prerequisites
        self.cleanup = cleanup
        self.faqs = faqs
        self.tldrHTML = tldrHTML
        self.plan = plan
    }
}
