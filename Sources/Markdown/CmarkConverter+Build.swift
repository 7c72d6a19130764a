internal import CCmark
import Diagnostics
import Highlight
import WebText

/// Pass 2: copy blocks into Sendable values and swap in our HTML where cmark's is not enough.
extension CmarkConverter {
    mutating func build(in parent: OpaquePointer, depth: Int, quoteDepth: Int) -> [Block] {
        var blocks: [Block] = []
        for node in Self.children(of: parent) {
            if let block = build(node, depth: depth, quoteDepth: quoteDepth) { blocks.append(block) }
        }
        return blocks
    }

    private mutating func build(_ node: OpaquePointer, depth: Int, quoteDepth: Int) -> Block? {
        let location = location(of: node)
        let attributes = attached[node] ?? Attributes()
        let deeper = depth < Self.maxDepth
        switch cmark_node_get_type(node) {
        case CMARK_NODE_PARAGRAPH:
            if let table = table(node, quoteDepth: quoteDepth, attributes: attributes, location: location) {
                return .table(table)
            }
            let spans = Self.inlineSpans(node)
            let text = spans.count == 1 ? spans[0].text : spans.map(\.text).joined()
            appendPlain(text)
            addAttributes(attributes, to: node)
            return .paragraph(Paragraph(text: text, spans: spans, attributes: attributes, location: location))
        case CMARK_NODE_HEADING:
            return .heading(heading(node, attributes: attributes, location: location))
        case CMARK_NODE_CODE_BLOCK:
            let code = codeBlock(node, attributes: attributes, location: location)
            replace(node, html: options.codeBlockHTML?(code) ?? codeBlockHTML(code))
            return .code(code)
        case CMARK_NODE_BLOCK_QUOTE:
            let children = deeper ? build(in: node, depth: depth + 1, quoteDepth: quoteDepth + 1) : []
            let callout = attributes.classes.first { options.calloutClasses.contains($0) }
            if let callout {
                var shown = attributes
                shown.classes.removeAll { $0 == callout }
                let inner = Self.strip(render(node), prefix: "<blockquote>\n", suffix: "</blockquote>\n")
                let open = "<div\(HTMLEscaping.attributes(shown, extraClasses: ["callout", "callout-\(callout)"], options: options)) role=\"note\">\n"
                replace(node, html: open + inner + "</div>\n")
            } else {
                addAttributes(attributes, to: node)
            }
            return .blockQuote(BlockQuote(children: children, attributes: attributes, callout: callout, location: location))
        case CMARK_NODE_LIST:
            let items = deeper ? Self.children(of: node).map { build(in: $0, depth: depth + 1, quoteDepth: quoteDepth) } : []
            let list = ListBlock(
                ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                start: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST ? Int(cmark_node_get_list_start(node)) : 1,
                tight: cmark_node_get_list_tight(node) != 0,
                items: items, attributes: attributes, location: location)
            addAttributes(attributes, to: node)
            return .list(list)
        case CMARK_NODE_HTML_BLOCK:
            return .html(HTMLBlock(literal: Self.string(cmark_node_get_literal(node)), location: location))
        case CMARK_NODE_THEMATIC_BREAK:
            return .thematicBreak(location)
        default:
            return nil
        }
    }

    // MARK: blocks

    private mutating func heading(_ node: OpaquePointer, attributes: Attributes, location: SourceLocation) -> Heading {
        let level = Int(cmark_node_get_heading_level(node))
        let text = Self.inlineText(node)
        let id = attributes.id ?? slugger.id(for: text)
        var shown = attributes
        shown.id = id
        let inner = Self.strip(render(node), prefix: "<h\(level)>", suffix: "</h\(level)>\n")
        let anchor = options.headingAnchors
            ? " <a class=\"anchor\" href=\"#\(HTMLEscaping.escape(id))\" aria-label=\"Link to this section: \(HTMLEscaping.escape(text))\">#</a>"
            : ""
        replace(node, html: "<h\(level)\(attributeHTML(shown))>\(inner)\(anchor)</h\(level)>\n")
        let heading = Heading(level: level, text: text, id: id, attributes: attributes, location: location)
        headings.append(heading)
        appendPlain(text)
        return heading
    }

    private func codeBlock(_ node: OpaquePointer, attributes: Attributes, location: SourceLocation) -> CodeBlock {
        let info = Self.string(cmark_node_get_fence_info(node))
        let word = info.prefix { $0 != " " && $0 != "\t" && $0 != "{" }
        let merged = (infoAttributes[node] ?? Attributes()).merging(attributes)
        return CodeBlock(info: info, language: word.isEmpty ? nil : String(word),
                         literal: Self.string(cmark_node_get_literal(node)), attributes: merged, location: location)
    }

    /// `<div class="code-block" data-lang="sh"><button ...>Copy</button><pre><code class="language-sh">...`.
    func codeBlockHTML(_ code: CodeBlock) -> String {
        var html = "<div\(HTMLEscaping.attributes(code.attributes, extraClasses: ["code-block"], options: options))"
        if let language = code.language { html += " data-lang=\"\(HTMLEscaping.escape(language))\"" }
        html += ">"
        if !code.attributes.hasClass("no-copy-code") {
            html += "<button class=\"copy-button\" type=\"button\" aria-label=\"Copy\">Copy</button>"
        }
        html += "<pre><code"
        if let language = code.language { html += " class=\"language-\(HTMLEscaping.escape(language))\"" }
        return html + ">\(options.highlightsCode ? Self.highlightedHTML(code) : HTMLEscaping.escape(code.literal))</code></pre></div>\n"
    }

    /// The code's text as HTML, its tokens in `<span class="hl-KIND">` when the highlighter knows its language.
    static func highlightedHTML(_ code: CodeBlock) -> String {
        guard let word = code.language, let language = CodeLanguage(fence: word) else { return HTMLEscaping.escape(code.literal) }
        var html = ""
        for token in Highlighter.tokens(code.literal, language: language) {
            if token.kind == .plain {
                html += HTMLEscaping.escape(token.text)
            } else {
                html += "<span class=\"hl-\(token.kind.rawValue)\">\(HTMLEscaping.escape(token.text))</span>"
            }
        }
        return html
    }

    // MARK: tables

    private mutating func table(_ node: OpaquePointer, quoteDepth: Int, attributes: Attributes, location: SourceLocation) -> Table? {
        let first = Self.startLine(node), last = Self.endLine(node)
        guard last > first else { return nil }
        let second = source.line(first + 1)
        guard second.contains(UInt8(ascii: "-")), second.contains(UInt8(ascii: "|")) else { return nil }
        let column = max(1, Int(cmark_node_get_start_column(node)))
        let lines = (first...last).filter { attributeListOpen(line: $0) == nil }.map { line in
            // The first line starts at the paragraph's column (after any list marker).
            line == first ? source.line(line).dropFirst(column - 1) : content(of: line, quoteDepth: quoteDepth)
        }
        guard let parsed = PipeTable.parse(lines) else { return nil }
        let table = Table(header: parsed.header, alignments: parsed.alignments, rows: parsed.rows, attributes: attributes, location: location)
        replace(node, html: tableHTML(table))
        for cell in parsed.header + parsed.rows.joined() { appendPlain(cell) }
        return table
    }

    /// A line without the `>` markers of the quotes it sits in.
    private func content(of line: Int, quoteDepth: Int) -> ArraySlice<UInt8> {
        var bytes = source.line(line)
        for _ in 0..<quoteDepth {
            while let c = bytes.first, AttributeListParser.isBlank(c) { bytes = bytes.dropFirst() }
            if bytes.first == UInt8(ascii: ">") { bytes = bytes.dropFirst() }
        }
        return bytes
    }

    private func tableHTML(_ table: Table) -> String {
        func row(_ cells: [String], tag: String) -> String {
            var html = "<tr>\n"
            for (cell, alignment) in zip(cells, table.alignments) {
                let style = alignment == .none ? "" : " style=\"text-align: \(alignment.rawValue)\""
                html += "<\(tag)\(style)>\(inlineHTML(cell))</\(tag)>\n"
            }
            return html + "</tr>\n"
        }
        var html = "<table\(attributeHTML(table.attributes))>\n<thead>\n" + row(table.header, tag: "th") + "</thead>\n"
        if !table.rows.isEmpty { html += "<tbody>\n" + table.rows.map { row($0, tag: "td") }.joined() + "</tbody>\n" }
        return html + "</table>\n"
    }

    /// A cell's inline markdown rendered by cmark; a leading no-break space keeps it a paragraph.
    private func inlineHTML(_ markdown: String) -> String {
        guard !markdown.isEmpty else { return "" }
        let text = "\u{A0}" + markdown
        guard let html = cmark_markdown_to_html(text, text.utf8.count, renderOptions) else { return "" }
        defer { cmark_get_default_mem_allocator().pointee.free(html) }
        return Self.strip(String(cString: html), prefix: "<p>\u{A0}", suffix: "</p>\n")
    }

    // MARK: helpers

    private func attributeHTML(_ attributes: Attributes) -> String {
        HTMLEscaping.attributes(attributes, options: options)
    }

    private mutating func appendPlain(_ text: String) {
        guard !text.isEmpty else { return }
        if !plainText.isEmpty { plainText += "\n" }
        plainText += text
    }

    static func strip(_ html: String, prefix: String, suffix: String) -> String {
        var inner = Substring(html).utf8[...]
        if inner.starts(with: prefix.utf8) { inner = inner.dropFirst(prefix.utf8.count) }
        if inner.count >= suffix.utf8.count, inner.suffix(suffix.utf8.count).elementsEqual(suffix.utf8) {
            inner = inner.dropLast(suffix.utf8.count)
        }
        return String(Substring(inner))
    }

    /// Renders `node` with `attributes` on its first tag (`<p>` → `<p class="x">`); a paragraph
    /// of a tight list has no tag and stays as it is.
    private func addAttributes(_ attributes: Attributes, to node: OpaquePointer) {
        guard !attributes.isEmpty else { return }
        let html = render(node)
        guard html.hasPrefix("<"), let end = html.utf8.dropFirst().firstIndex(where: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: ">") }) else { return }
        replace(node, html: String(html[..<end]) + attributeHTML(attributes) + String(html[end...]))
    }
}
