/// A heading of the page body (H2 headings are step sections).
public struct Heading: Sendable, Hashable {
    /// 1 to 6.
    public var level: Int
    /// The heading text without markup.
    public var text: String
    /// The anchor id given to the heading in the HTML.
    public var id: String

    /// Creates a heading.
    public init(level: Int, text: String, id: String) {
        self.level = level
        self.text = text
        self.id = id
    }
}
