/// A run of a paragraph's text with one style, for renderers that are not HTML (the terminal).
public struct InlineSpan: Sendable, Hashable {
    /// How a run is marked up in the source.
    public enum Style: Sendable, Hashable {
        /// Ordinary text.
        case plain
        /// `` `code` ``.
        case code
        /// `**strong**`.
        case strong
        /// `*emphasis*`.
        case emphasis
        /// `[text](destination)`.
        case link(String)
    }

    /// The run's text (line breaks become spaces).
    public var text: String
    /// Its style; the innermost one wins when styles nest.
    public var style: Style

    /// Creates a span.
    public init(_ text: String, style: Style = .plain) {
        self.text = text
        self.style = style
    }
}
