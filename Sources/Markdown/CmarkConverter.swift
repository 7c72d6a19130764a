internal import CCmark
import Diagnostics

/// Runs one cmark parse and copies the tree into Sendable values while rendering HTML.
///
/// Every cmark pointer lives and dies inside `run()`. Pass 1 (`collect`) reads attribute lists
/// and records which block each one belongs to; pass 2 (`build`) copies blocks out and swaps
/// blocks that need our HTML (headings, code, tables, callouts, attributed blocks) for cmark
/// custom blocks holding that HTML; cmark then renders the whole document once.
struct CmarkConverter {
    /// Containers nested deeper than this are rendered by cmark as they are, without our extras.
    static let maxDepth = 64

    let source: SourceText
    let options: MarkdownOptions
    var diagnostics: [Diagnostic] = []
    /// Attribute lists attached to a block.
    var attached: [OpaquePointer: Attributes] = [:]
    /// Attributes from code-fence info strings.
    var infoAttributes: [OpaquePointer: Attributes] = [:]
    /// Paragraphs that were only attribute lists, unlinked from the tree and freed at the end.
    var removed: Set<OpaquePointer> = []
    var slugger = Slugger()
    var headings: [Heading] = []
    var plainText = ""

    init(source: SourceText, options: MarkdownOptions) {
        self.source = source
        self.options = options
    }

    var renderOptions: Int32 { options.allowRawHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT }

    mutating func run() -> MarkdownDocument {
        let parsed = source.bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parse_document($0.baseAddress, $0.count, CMARK_OPT_DEFAULT) }
        }
        guard let root = parsed else {
            return MarkdownDocument(blocks: [], html: "", plainText: "", headings: [], diagnostics: [])
        }
        defer {
            cmark_node_free(root)
            removed.forEach { cmark_node_free($0) }
        }
        cmark_consolidate_text_nodes(root)
        collect(in: root, depth: 0)
        removed.forEach { cmark_node_unlink($0) }
        let blocks = build(in: root, depth: 0, quoteDepth: 0)
        let html = PlaceholderReplacer(options.placeholders).replace(in: render(root))
        return MarkdownDocument(blocks: blocks, html: html, plainText: plainText, headings: headings, diagnostics: diagnostics)
    }

    // MARK: cmark helpers

    func render(_ node: OpaquePointer) -> String {
        guard let html = cmark_render_html(node, renderOptions) else { return "" }
        defer { cmark_get_default_mem_allocator().pointee.free(html) }
        return String(cString: html)
    }

    /// Swaps `node` for a custom block that renders as `html`, and frees `node`.
    func replace(_ node: OpaquePointer, html: String) {
        guard let custom = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return }
        cmark_node_set_on_enter(custom, html)
        cmark_node_replace(node, custom)
        cmark_node_free(node)
    }

    static func string(_ pointer: UnsafePointer<CChar>?) -> String { pointer.map { String(cString: $0) } ?? "" }

    /// The text and code literals under `node`; line breaks become spaces.
    static func inlineText(_ node: OpaquePointer) -> String {
        var out = ""
        guard let iterator = cmark_iter_new(node) else { return out }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: out += string(cmark_node_get_literal(child))
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: out += " "
            default: break
            }
        }
        return out
    }

    /// The inline text split into styled runs (adjacent runs of one style merged).
    static func inlineSpans(_ node: OpaquePointer) -> [InlineSpan] {
        var spans: [InlineSpan] = []
        guard let iterator = cmark_iter_new(node) else { return [InlineSpan("")] }
        defer { cmark_iter_free(iterator) }
        var strong = 0, emphasis = 0
        var links: [String] = []
        func add(_ text: String, _ style: InlineSpan.Style) {
            if let last = spans.last, last.style == style {
                spans[spans.count - 1].text += text
            } else {
                spans.append(InlineSpan(text, style: style))
            }
        }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let child = cmark_iter_get_node(iterator) else { continue }
            let step = event == CMARK_EVENT_ENTER ? 1 : -1
            switch cmark_node_get_type(child) {
            case CMARK_NODE_STRONG: strong += step
            case CMARK_NODE_EMPH: emphasis += step
            case CMARK_NODE_LINK:
                if step > 0 { links.append(string(cmark_node_get_url(child))) } else { links.removeLast() }
            case CMARK_NODE_CODE where step > 0: add(string(cmark_node_get_literal(child)), .code)
            case CMARK_NODE_TEXT where step > 0, CMARK_NODE_SOFTBREAK where step > 0, CMARK_NODE_LINEBREAK where step > 0:
                let text = cmark_node_get_type(child) == CMARK_NODE_TEXT ? string(cmark_node_get_literal(child)) : " "
                add(text, links.last.map { .link($0) } ?? (strong > 0 ? .strong : emphasis > 0 ? .emphasis : .plain))
            default: break
            }
        }
        return spans.isEmpty ? [InlineSpan("")] : spans
    }

    static func children(of node: OpaquePointer) -> [OpaquePointer] {
        var out: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let c = child {
            out.append(c)
            child = cmark_node_next(c)
        }
        return out
    }

    static func startLine(_ node: OpaquePointer) -> Int { Int(cmark_node_get_start_line(node)) }
    static func endLine(_ node: OpaquePointer) -> Int { Int(cmark_node_get_end_line(node)) }

    func location(of node: OpaquePointer) -> SourceLocation {
        source.location(line: Self.startLine(node), column: max(1, Int(cmark_node_get_start_column(node))))
    }

    mutating func attach(_ attributes: Attributes, to node: OpaquePointer) {
        attached[node] = (attached[node] ?? Attributes()).merging(attributes)
        if let id = attributes.id { slugger.reserve(id) }
    }

    /// Reads the list opening at `open` in `bytes` (at `shift` bytes from where it sits on `line`): an error
    /// yields nil, what kramdown would drop is a warning.
    mutating func readList(_ bytes: ArraySlice<UInt8>, open: Int, line: Int, shift: Int = 0) -> Attributes? {
        switch AttributeListParser(bytes: bytes).parse(openingAt: open) {
        case .success(let parsed):
            for warning in parsed.warnings {
                diagnostics.append(.warning(at: source.location(line: line, byteIndex: warning.index + shift), warning.error.description))
            }
            return parsed.attributes
        case .failure(let failure):
            diagnostics.append(.error(at: source.location(line: line, byteIndex: failure.index + shift), failure.error.description))
            return nil
        }
    }
}
