public import Diagnostics

/// A pipe table (GFM syntax): header cells, column alignments and body rows, as markdown text.
public struct Table: Sendable, Hashable {
    /// How a column's cells are aligned.
    public enum Alignment: String, Sendable, Hashable {
        /// No alignment given (`---`).
        case none
        /// `:---`
        case left
        /// `:---:`
        case center
        /// `---:`
        case right
    }

    /// The header row's cells (inline markdown, trimmed, `\|` unescaped).
    public var header: [String]
    /// One alignment per column.
    public var alignments: [Alignment]
    /// Body rows, each padded or cut to the header's width.
    public var rows: [[String]]
    /// Attributes from an attribute list after the table.
    public var attributes: Attributes
    /// Where the table starts.
    public var location: SourceLocation

    /// Creates a table.
    public init(header: [String], alignments: [Alignment], rows: [[String]], attributes: Attributes = Attributes(), location: SourceLocation) {
        self.header = header
        self.alignments = alignments
        self.rows = rows
        self.attributes = attributes
        self.location = location
    }
}
