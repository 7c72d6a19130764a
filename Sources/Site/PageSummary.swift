/// What the site-wide pages (indexes, tags, search, sitemap) need to know about one how-to.
struct PageSummary: Sendable, Codable, Equatable {
    /// The page URL, e.g. `/how-to/x/`.
    var url: String
    /// The page title.
    var title: String
    /// The description, empty when absent.
    var description: String
    /// The tags, in front-matter order.
    var tags: [String]
    /// The search aliases.
    var aliases: [String]
    /// The text of the body's H2 and H3 headings.
    var headings: [String]
    /// The last verification's outcome (`passed`, `failed`, `unverified`), nil when the build has no results.
    var verdict: String?
}
