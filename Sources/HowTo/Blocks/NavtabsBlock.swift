import Diagnostics
import Foundation
import Liquid
import Markdown
import WebText
import Yams

/// `{% navtabs "group" %}` (Kong's `blocks/navtabs.rb`): a tab set; its first tab is the executed path.
enum NavtabsBlock: KongBlock {
    static let name = "navtabs"

    /// `{% navtabs "group" %}` → the tab set's HTML through a placeholder; the first tab is the executed path.
    static func render(_ call: LiquidBlockCall, _ env: RenderEnvironment) throws -> String {
        let tokens = call.body.split(whereSeparator: \.isWhitespace).map(String.init)
        let tabs = tokens.compactMap { env.sink.tab(for: $0) }
        guard !tabs.isEmpty else {
            throw DiagnosticError([.error(at: call.location, "`navtabs` holds no `{% navtab \"Title\" %}` ... `{% endnavtab %}` blocks")])
        }
        let stray = tokens.filter { env.sink.tab(for: $0) == nil }.joined(separator: " ")
        if !stray.isEmpty {
            env.sink.report([.warning(at: call.location, "text between `navtab` blocks is dropped: `\(stray.prefix(40))`")])
        }
        let group = call.arguments.split(separator: " ").first.map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: "'\"")) } ?? ""
        return "\n\n" + fragment(group: group, tabs: tabs, env) + "\n\n"
    }

    /// A tab set made by a block (`entity_example`'s annotations): each tab's markdown parsed on its own.
    /// Each tab's lines count from `location`, the block's, so its steps point at the block.
    static func markdown(group: String, tabs: [(title: String, slug: String, markdown: String)], at location: SourceLocation,
                         _ env: RenderEnvironment) -> String {
        let parsed = tabs.map { tab in
            let (document, _) = env.parsed(tab.markdown, at: location)
            return KongSink.Tab(title: tab.title, slug: tab.slug, document: document)
        }
        return "\n\n" + fragment(group: group, tabs: parsed, env) + "\n\n"
    }

    /// The tab set's placeholder token: buttons, then one panel per tab, the first one shown.
    private static func fragment(group: String, tabs: [KongSink.Tab], _ env: RenderEnvironment) -> String {
        var html = "<div class=\"tabs\" data-tab-group=\"\(HTMLEscaping.escape(group))\">\n<div class=\"tab-buttons\" role=\"tablist\">"
        for (i, tab) in tabs.enumerated() {
            html += "<button type=\"button\" role=\"tab\" class=\"tab-button\(i == 0 ? " active" : "")\" data-slug=\"\(HTMLEscaping.escape(tab.slug))\" aria-selected=\"\(i == 0)\">\(HTMLEscaping.escape(tab.title))</button>"
        }
        html += "</div>\n"
        for (i, tab) in tabs.enumerated() {
            html += "<div class=\"navtab-content\" role=\"tabpanel\" data-slug=\"\(HTMLEscaping.escape(tab.slug))\"\(i == 0 ? "" : " hidden")>\n\(tab.document.html)</div>\n"
        }
        html += "</div>"
        let text = tabs.map { "\($0.title)\n\($0.document.plainText)" }.joined(separator: "\n")
        return env.sink.fragment(.tabs(tabs), html: html, text: text)
    }
}
