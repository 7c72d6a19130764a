import Diagnostics
import Foundation
import Liquid
import Markdown
import Yams

/// `{% entity_example %}` (Kong's `blocks/entity_example.rb`): one entity as a decK file snippet.
enum EntityExampleBlock: KongBlock {
    static let name = "entity_example"

    /// `{% entity_example %}` (singular) → the decK file snippet (documentation, not a step).
    static func render(_ call: LiquidBlockCall, _ env: RenderEnvironment) throws -> String {
        let yaml = try BlockYAML(call.body, at: call.bodyLocation, block: "entity_example")
        var (entries, reader) = try yaml.mapping("entity_example")
        guard let typeNode = entries["type"], let type = reader.string(typeNode, "type"), let data = entries["data"] else {
            reader.diagnostics.append(.error(at: call.location, "entity_example needs `type` and `data`"))
            throw DiagnosticError(reader.diagnostics)
        }
        if reader.diagnostics.hasErrors { throw DiagnosticError(reader.diagnostics) }
        let formats = entries["formats"].map { reader.strings($0, "formats") } ?? env.tools
        if !formats.isEmpty, !formats.contains("deck") {
            env.sink.report([.warning(at: call.location, "entity_example renders only the `deck` format here, not \(formats.joined(separator: ", "))")])
        }
        let plural = ["target": "upstreams", "sni": "certificates"][type] ?? type + "s"
        var variables: [String: EntityExamples.Variable] = [:]
        for (name, _, spec) in entries["variables"].flatMap({ reader.mapping($0, "variables") }) ?? [] {
            let value = spec.mapping?["value"]?.string.map { $0.hasPrefix("$") ? String($0.dropFirst()) : $0 } ?? name.uppercased()
            variables[name] = EntityExamples.Variable(value: value, literalBlock: spec.mapping?["literal_block"]?.bool ?? false)
        }
        let node = Yams.Node([(Yams.Node(plural), Yams.Node([data]))])
        let body = EntityExamples.deckData(node, variables: variables)
        return "\n\n```yaml\n_format_version: \"3.0\"\n\(body)```\n{: data-file=\"kong.yaml\" }\n\n"
    }
}
