public import Diagnostics

/// A fenced or indented code block with its info string and attributes.
public struct CodeBlock: Sendable, Hashable {
    /// The whole fence info string, e.g. `sh { background=true }`.
    public var info: String
    /// The first word of the info string, e.g. `sh`; nil when there is none.
    public var language: String?
    /// The code, ending with a newline when not empty.
    public var literal: String
    /// Info-string attributes (`{ key=value }`) overlaid by the attribute list after the block.
    public var attributes: Attributes
    /// Where the block (its opening fence) starts.
    public var location: SourceLocation

    /// Creates a code block.
    public init(info: String = "", language: String? = nil, literal: String, attributes: Attributes = Attributes(), location: SourceLocation) {
        self.info = info
        self.language = language
        self.literal = literal
        self.attributes = attributes
        self.location = location
    }
}
