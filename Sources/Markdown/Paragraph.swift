public import Diagnostics

/// A paragraph, as plain text.
public struct Paragraph: Sendable, Hashable {
    /// The text without markup (line breaks become spaces).
    public var text: String
    /// Attributes from an attribute list after the paragraph.
    public var attributes: Attributes
    /// Where the paragraph starts.
    public var location: SourceLocation

    /// Creates a paragraph.
    public init(text: String, attributes: Attributes = Attributes(), location: SourceLocation) {
        self.text = text
        self.attributes = attributes
        self.location = location
    }
}
