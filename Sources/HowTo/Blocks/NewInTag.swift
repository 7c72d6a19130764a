import Diagnostics
import Foundation
import Liquid
import Markdown
import WebText
import Yams

/// `{% new_in 3.4 %}`: a version badge (Kong's `tags/new_in.rb`).
enum NewInTag: KongTag {
    static let name = "new_in"

    /// `{% new_in 3.4 %}` → a `v3.4+` badge (the argument may also name a variable).
    static func render(_ call: LiquidTagCall, _ env: RenderEnvironment) -> String {
        var version = call.arguments.trimmingCharacters(in: CharacterSet(charactersIn: "'\" "))
        if version.first?.isNumber != true { version = call.context.evaluate(call.arguments).text }
        let label = "v\(version)+"
        return env.sink.placeholder(html: "<span class=\"badge new-in\">\(HTMLEscaping.escape(label))</span>", text: label)
    }
}
