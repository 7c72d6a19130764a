internal import CCmark
import WebText

/// kramdown's span attribute lists: `![alt](src){: .shadow width="300" }` sets the image's attributes, and
/// one after inline HTML (dropped when raw HTML is off) is read and removed, never shown as text.
extension CmarkConverter {
    /// Applies and strips every span attribute list that follows an image or inline HTML in `paragraph`.
    mutating func collectSpanAttributes(in paragraph: OpaquePointer) {
        var targets: [OpaquePointer] = []
        guard let iterator = cmark_iter_new(paragraph) else { return }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_IMAGE || type == CMARK_NODE_HTML_INLINE, let next = cmark_node_next(node),
                  cmark_node_get_type(next) == CMARK_NODE_TEXT, Self.string(cmark_node_get_literal(next)).hasPrefix("{:")
            else { continue }
            targets.append(node)
        }
        cmark_iter_free(iterator)
        // Innermost first: an image inside another's alt text is replaced before the outer one frees its subtree.
        for node in targets.reversed() { applySpanAttributes(to: node, in: paragraph) }
    }

    private mutating func applySpanAttributes(to node: OpaquePointer, in paragraph: OpaquePointer) {
        guard let text = cmark_node_next(node) else { return }
        let literal = Array(Self.string(cmark_node_get_literal(text)).utf8)
        guard let close = literal.firstIndex(of: UInt8(ascii: "}")) else { return }
        let line = Self.startLine(text) > 0 ? Self.startLine(text) : Self.startLine(paragraph)
        let shift = max(0, Int(cmark_node_get_start_column(text)) - 1)
        let attributes = readList(literal[...close], open: 0, line: line, shift: shift)
        let rest = literal[(close + 1)...]
        if rest.isEmpty {
            cmark_node_unlink(text)
            cmark_node_free(text)
        } else {
            cmark_node_set_literal(text, String(decoding: rest, as: UTF8.self))
        }
        guard let attributes, cmark_node_get_type(node) == CMARK_NODE_IMAGE, let custom = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { return }
        let url = Self.string(cmark_node_get_url(node))
        let source = options.allowRawHTML || Self.isSafeURL(url) ? url : ""
        var html = "<img src=\"\(HTMLEscaping.escape(source))\" alt=\"\(HTMLEscaping.escape(Self.inlineText(node)))\""
        let title = Self.string(cmark_node_get_title(node))
        if !title.isEmpty { html += " title=\"\(HTMLEscaping.escape(title))\"" }
        html += HTMLEscaping.attributes(attributes, options: options) + " />"
        cmark_node_set_on_enter(custom, html)
        cmark_node_replace(node, custom)
        cmark_node_free(node)
    }

    /// cmark's safe-mode rule for link and image targets: no `javascript:`, `vbscript:`, `file:`, and `data:`
    /// only for PNG, GIF, JPEG and WebP images.
    static func isSafeURL(_ url: String) -> Bool {
        let lower = url.lowercased()
        if lower.hasPrefix("data:") {
            return ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains { lower.hasPrefix($0) }
        }
        return !["javascript:", "vbscript:", "file:"].contains { lower.hasPrefix($0) }
    }
}
