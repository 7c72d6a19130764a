import Markdown
import Mustache
import WebText

/// HTML escaping for templates with WebText's byte-level escaper: the same five characters as
/// swift-mustache's own HTML content type (`<`, `>`, `&`, `"`, `'`), which walks Characters through a
/// dictionary and cost about 8% of a site build. `TemplateSet` puts every template under it.
struct HTMLContentType: MustacheContentType {
    /// The name templates select it by (`{{% CONTENT_TYPE: HOWTO_HTML }}`).
    static let name = "HOWTO_HTML"

    /// Registers the content type with swift-mustache (once; later calls do nothing).
    static let register: Void = MustacheContentTypes.register(HTMLContentType(), named: name)

    func escapeText(_ text: String) -> String {
        HTMLEscaping.escape(text, apostrophes: true)
    }
}
