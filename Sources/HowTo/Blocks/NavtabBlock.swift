import Diagnostics
import Foundation
import Liquid
import Markdown
import WebText
import Yams

/// `{% navtab "Title" %}` (Kong's `blocks/navtabs.rb`): one tab of a `navtabs` set.
enum NavtabBlock: KongBlock {
    static let name = "navtab"

    /// `{% navtab "Title" %}` → its body parsed on its own (lines map to the source), referenced by a token.
    static func render(_ call: LiquidBlockCall, _ env: RenderEnvironment) throws -> String {
        let (title, slug) = title(call, env)
        guard !title.isEmpty else {
            throw DiagnosticError([.error(at: call.location, "`navtab` needs a title, e.g. `{% navtab \"CLI\" %}`")])
        }
        let (document, diagnostics) = env.markdown(call.rawBody, at: call.bodyLocation, variables: RenderEnvironment.flatten(call.context))
        _ = diagnostics // Liquid problems in the body were already reported by the enclosing render.
        env.sink.report(document.diagnostics)
        return "\n" + env.sink.tab(KongSink.Tab(title: title, slug: slug, document: document)) + "\n"
    }

    /// `"Title" slug=x` → the tab's title (a quoted Liquid template, as Kong renders it, or a `{{ variable }}`) and its slug.
    private static func title(_ call: LiquidBlockCall, _ env: RenderEnvironment) -> (String, String) {
        let args = call.arguments
        var title: String
        var rest = Substring(args)
        if let quote = args.first, quote == "\"" || quote == "'", let end = args.dropFirst().firstIndex(of: quote) {
            title = String(args[args.index(after: args.startIndex)..<end])
            let rendered = env.liquid(title, at: call.location, variables: RenderEnvironment.flatten(call.context))
            env.sink.report(rendered.diagnostics)
            title = rendered.output
            rest = args[args.index(after: end)...]
        } else {
            let word = args.split(separator: " ").first.map(String.init) ?? ""
            title = word.hasPrefix("{{") ? call.context.evaluate(word.trimmingCharacters(in: CharacterSet(charactersIn: "{} "))).text : word
            rest = args.dropFirst(word.count)
        }
        let slug = rest.split(separator: " ").first { $0.hasPrefix("slug=") }
            .map { String($0.dropFirst(5)).trimmingCharacters(in: CharacterSet(charactersIn: "'\"")) } ?? JekyllSlug.slug(title)
        title = title.trimmingCharacters(in: .whitespaces)
        return (title, slug)
    }
}
