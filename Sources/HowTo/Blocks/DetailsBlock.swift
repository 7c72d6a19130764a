import Foundation
import Liquid
import Markdown
import WebText
import Yams

/// `{% details %}` YAML `summary`, `content`: a collapsible section (Kong's `details.rb`).
enum DetailsBlock: KongBlock {
    static let name = "details"

    static func render(_ call: LiquidBlockCall, _ env: RenderEnvironment) throws -> String {
        let yaml = try BlockYAML(call.body, at: call.bodyLocation, block: name)
        let (entries, _) = try yaml.mapping(name)
        let summary = entries["summary"]?.string ?? ""
        let content = env.parsed(entries["content"]?.string ?? "", at: call.bodyLocation).document
        let html = "<details><summary>\(HTMLEscaping.escape(summary))</summary>\n\(content.html)</details>"
        return "\n\n" + env.sink.placeholder(html: html, text: summary + "\n" + content.plainText) + "\n\n"
    }
}
