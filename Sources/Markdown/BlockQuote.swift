public import Diagnostics

/// A block quote, possibly a callout (`{:.info}`, `{:.warning}`, ...).
public struct BlockQuote: Sendable, Hashable {
    /// The blocks inside.
    public var children: [Block]
    /// Attributes from an attribute list before or after the quote.
    public var attributes: Attributes
    /// The callout kind (`info`, `warning`, ...) when a class names one, else nil.
    public var callout: String?
    /// Where the quote starts.
    public var location: SourceLocation

    /// Creates a block quote.
    public init(children: [Block], attributes: Attributes = Attributes(), callout: String? = nil, location: SourceLocation) {
        self.children = children
        self.attributes = attributes
        self.callout = callout
        self.location = location
    }
}
