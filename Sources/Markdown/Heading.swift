public import Diagnostics

/// A heading: level 1-6, its plain text, and its (unique per document) id.
public struct Heading: Sendable, Hashable {
    /// 1 to 6.
    public var level: Int
    /// The heading's text without markup or attribute list.
    public var text: String
    /// The anchor id: `{#id}` if given, else a slug of the text, deduplicated.
    public var id: String
    /// Attributes from an attribute list on or after the heading line.
    public var attributes: Attributes
    /// Where the heading starts.
    public var location: SourceLocation

    /// Creates a heading.
    public init(level: Int, text: String, id: String, attributes: Attributes = Attributes(), location: SourceLocation) {
        self.level = level
        self.text = text
        self.id = id
        self.attributes = attributes
        self.location = location
    }
}
