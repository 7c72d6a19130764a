import Diagnostics
import Foundation
import Liquid
import Markdown
import WebText
import Yams

/// `{% include_svg file_path=VAR %}`: the site's SVG file as an image.
enum IncludeSVGTag: KongTag {
    static let name = "include_svg"

    /// `{% include_svg file_path=VAR %}` → an image of the site's SVG file (not inlined: an SVG can carry script).
    static func render(_ call: LiquidTagCall, _ env: RenderEnvironment) -> String {
        var path = ""
        for part in call.arguments.split(separator: " ") where part.hasPrefix("file_path=") {
            let value = String(part.dropFirst("file_path=".count))
            let quoted = value.first == "\"" || value.first == "'"
            path = quoted ? value.trimmingCharacters(in: CharacterSet(charactersIn: "'\"")) : call.context.evaluate(value).text
        }
        let src = path.hasPrefix("/") ? path : "/" + path
        return env.sink.placeholder(html: "<img class=\"svg\" src=\"\(HTMLEscaping.escape(src))\" alt=\"\">", text: "")
    }
}
