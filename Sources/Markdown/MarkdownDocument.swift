/// Markdown over libcmark: one cmark parse gives a Sendable block tree with source locations
/// and the HTML page body.
///
/// cmark parses; this module only adds what cmark 0.30 lacks: kramdown attribute lists
/// (`{:.info}`, `{: key="v" }`, `## Title {#id}`), Runme-style info-string attributes
/// (```` ```sh { background=true } ````), pipe tables, heading ids and anchors, callouts and
/// code-block chrome. The attribute-list and table-row scanners are hand-written because
/// no library provides them for cmark. C types never leave `CmarkConverter`.
public import Diagnostics

/// A parsed markdown document: blocks, HTML, plain text, headings and diagnostics.
public struct MarkdownDocument: Sendable {
    /// The top-level blocks in order.
    public var blocks: [Block]
    /// The rendered HTML body.
    public var html: String
    /// The document's text without markup or code blocks (for search).
    public var plainText: String
    /// Every heading in document order, with its final id.
    public var headings: [Heading]
    /// Problems found (malformed attribute lists are errors), in source order.
    public var diagnostics: [Diagnostic]

    /// Creates a document from its parts.
    public init(blocks: [Block], html: String, plainText: String, headings: [Heading], diagnostics: [Diagnostic]) {
        self.blocks = blocks
        self.html = html
        self.plainText = plainText
        self.headings = headings
        self.diagnostics = diagnostics
    }

    /// Parses `text` with cmark once, building the block tree and the HTML.
    ///
    /// `sourceLines[i - 1]` is the original location of the text's line `i` (the text may come
    /// out of a template expansion); without it line `i` is `file:i`.
    public static func parse(
        _ text: String,
        file: String,
        sourceLines: [SourceLocation]? = nil,
        options: MarkdownOptions = MarkdownOptions()
    ) -> MarkdownDocument {
        var converter = CmarkConverter(source: SourceText(text, file: file, sourceLines: sourceLines), options: options)
        return converter.run()
    }

    /// Every block in document order, containers before their children.
    public var allBlocks: [Block] {
        var out: [Block] = []
        func visit(_ blocks: [Block]) {
            for block in blocks {
                out.append(block)
                visit(block.children)
            }
        }
        visit(blocks)
        return out
    }
}
