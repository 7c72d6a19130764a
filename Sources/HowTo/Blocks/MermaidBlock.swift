import Foundation
import Liquid
import Markdown
import WebText
import Yams

/// `{% mermaid %}`: the diagram's source in a labelled block; nothing is fetched to draw it (Kong's
/// `mermaid.rb` leaves a `<pre class="mermaid">` for a script from a CDN).
enum MermaidBlock: KongBlock {
    static let name = "mermaid"

    static func render(_ call: LiquidBlockCall, _ env: RenderEnvironment) throws -> String {
        let source = call.body.trimmingCharacters(in: .newlines)
        let html = "<figure class=\"diagram\"><figcaption>Diagram (Mermaid source)</figcaption><pre class=\"mermaid\"><code>"
            + HTMLEscaping.escape(source) + "</code></pre></figure>"
        return "\n\n" + env.sink.placeholder(html: html, text: source) + "\n\n"
    }
}
