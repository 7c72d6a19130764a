public import HowToPlan

/// A rendered prerequisite or cleanup item: title, HTML body and icon.
public struct RenderedItem: Sendable, Hashable {
    /// The item title, Liquid rendered.
    public var title: String
    /// The item body rendered to HTML.
    public var html: String
    /// The icon URL from the front matter, if any.
    public var iconURL: String?
    /// The deployment topology the item belongs to (`konnect`, `on-prem`), nil when it applies to both.
    public var topology: Topology?
    /// The item body in reading order, for the terminal.
    public var passages: [Passage]
    /// The ids of the headings in the body (a prerequisite's own `#### Set up keys`, which pages link to).
    public var headingIDs: [String]

    /// Creates a rendered item.
    public init(title: String, html: String, iconURL: String? = nil, topology: Topology? = nil, passages: [Passage] = [],
                headingIDs: [String] = []) {
        self.title = title
        self.html = html
        self.iconURL = iconURL
        self.topology = topology
        self.passages = passages
        self.headingIDs = headingIDs
    }
}
