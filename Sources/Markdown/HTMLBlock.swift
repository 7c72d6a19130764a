public import Diagnostics

/// A raw HTML block (escaped or omitted in the HTML unless raw HTML is allowed).
public struct HTMLBlock: Sendable, Hashable {
    /// The HTML as written.
    public var literal: String
    /// Where the block starts.
    public var location: SourceLocation

    /// Creates an HTML block.
    public init(literal: String, location: SourceLocation) {
        self.literal = literal
        self.location = location
    }
}
