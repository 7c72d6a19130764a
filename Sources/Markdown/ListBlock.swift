public import Diagnostics

/// A bullet or ordered list.
public struct ListBlock: Sendable, Hashable {
    /// Whether the list is numbered.
    public var ordered: Bool
    /// The first number of an ordered list (1 for bullet lists).
    public var start: Int
    /// Whether items are not separated by blank lines.
    public var tight: Bool
    /// Each item's blocks.
    public var items: [[Block]]
    /// Attributes from an attribute list after the list.
    public var attributes: Attributes
    /// Where the list starts.
    public var location: SourceLocation

    /// Creates a list.
    public init(ordered: Bool, start: Int = 1, tight: Bool, items: [[Block]], attributes: Attributes = Attributes(), location: SourceLocation) {
        self.ordered = ordered
        self.start = start
        self.tight = tight
        self.items = items
        self.attributes = attributes
        self.location = location
    }
}
