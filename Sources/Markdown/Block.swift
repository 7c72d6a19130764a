public import Diagnostics

/// One block of a markdown document, copied out of cmark's tree.
public enum Block: Sendable, Hashable {
    /// `#`-style or underlined heading.
    case heading(Heading)
    /// Prose.
    case paragraph(Paragraph)
    /// Fenced or indented code.
    case code(CodeBlock)
    /// `>` quote or callout.
    case blockQuote(BlockQuote)
    /// Bullet or ordered list.
    case list(ListBlock)
    /// Pipe table.
    case table(Table)
    /// Raw HTML block.
    case html(HTMLBlock)
    /// `---` rule.
    case thematicBreak(SourceLocation)

    /// Where the block starts.
    public var location: SourceLocation {
        switch self {
        case .heading(let b): b.location
        case .paragraph(let b): b.location
        case .code(let b): b.location
        case .blockQuote(let b): b.location
        case .list(let b): b.location
        case .table(let b): b.location
        case .html(let b): b.location
        case .thematicBreak(let location): location
        }
    }

    /// The block's attribute list (empty for blocks that take none).
    public var attributes: Attributes {
        switch self {
        case .heading(let b): b.attributes
        case .paragraph(let b): b.attributes
        case .code(let b): b.attributes
        case .blockQuote(let b): b.attributes
        case .list(let b): b.attributes
        case .table(let b): b.attributes
        case .html, .thematicBreak: Attributes()
        }
    }

    /// The blocks directly inside this one (quote children, then list items in order).
    public var children: [Block] {
        switch self {
        case .blockQuote(let b): b.children
        case .list(let b): b.items.flatMap { $0 }
        default: []
        }
    }
}
