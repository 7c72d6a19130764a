public import Diagnostics

/// A paragraph, as plain text.
public struct Paragraph: Sendable, Hashable {
    /// The text without markup (line breaks become spaces).
    public var text: String
    /// The same text split into styled runs.
    public var spans: [InlineSpan]
    /// Attributes from an attribute list after the paragraph.
    public var attributes: Attributes
    /// Where the paragraph starts.
    public var location: SourceLocation

    /// Creates a paragraph.
    public init(text: String, spans: [InlineSpan]? = nil, attributes: Attributes = Attributes(), location: SourceLocation) {
        self.text = text
        self.spans = spans ?? [InlineSpan(text)]
        self.attributes = attributes
        self.location = location
    }
}
