/// A link in `related_resources` or `next_steps`: text (Liquid rendered) and URL.
public struct Link: Sendable, Hashable, Codable {
    /// The link text, Liquid already rendered.
    public var text: String
    /// The URL as written: relative (`/gateway/...`, ends in `/`) or absolute.
    public var url: String

    /// Creates a link.
    public init(text: String, url: String) {
        self.text = text
        self.url = url
    }

    /// Whether the URL points inside the docs site (starts with `/`, not `//`).
    public var isRelative: Bool { url.hasPrefix("/") && !url.hasPrefix("//") }
}
