import Foundation
import Diagnostics
import Liquid
import Yams
import Markdown

/// `{% table %}` YAML `columns: [{title, key}]`, `rows: [{key: markdown}]`: an HTML table whose cells are
/// inline markdown; a row's `code` shows as code (Kong's `table.rb`).
enum TableBlock: KongBlock {
    static let name = "table"

    static func render(_ call: LiquidBlockCall, _ env: RenderEnvironment) throws -> String {
        let yaml = try BlockYAML(call.body, at: call.bodyLocation, block: name)
        let (entries, _) = try yaml.mapping(name)
        let columns = (entries["columns"]?.sequence ?? []).map { ($0.mapping?["title"]?.string ?? "", $0.mapping?["key"]?.string ?? "") }
        guard !columns.isEmpty else {
            throw DiagnosticError([.error(at: call.location, "`table` needs `columns: [{title: ..., key: ...}]`")])
        }
        var html = "<table>\n<thead><tr>" + columns.map { "<th>\(inline($0.0, env, call))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        var text = columns.map(\.0).joined(separator: " | ")
        for row in entries["rows"]?.sequence ?? [] {
            let cells = columns.map { column -> String in
                let value = row.mapping?[column.1]
                let raw = value?.string ?? (value.map { RequestSnippet.json($0, indent: 2) } ?? "")
                return column.1 == "code" && !raw.isEmpty ? "`\(raw)`" : raw
            }
            html += "<tr>" + cells.map { "<td>\(inline($0, env, call))</td>" }.joined() + "</tr>\n"
            text += "\n" + cells.joined(separator: " | ")
        }
        html += "</tbody>\n</table>"
        return "\n\n" + env.sink.placeholder(html: html, text: text) + "\n\n"
    }

    /// A cell's markdown as HTML without the paragraph around a single line.
    private static func inline(_ text: String, _ env: RenderEnvironment, _ call: LiquidBlockCall) -> String {
        var html = env.markdown(text, at: call.bodyLocation, variables: RenderEnvironment.flatten(call.context)).document.html.trimmingCharacters(in: .whitespacesAndNewlines)
        if html.hasPrefix("<p>"), html.hasSuffix("</p>"), html.components(separatedBy: "<p>").count == 2 { html = String(html.dropFirst(3).dropLast(4)) }
        return html
    }
}
