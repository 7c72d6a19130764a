import Diagnostics
import Foundation
import Liquid
import Markdown

/// `{% entity_example %}` (Kong's `blocks/entity_example.rb`): one entity in each of its formats (decK, Admin API,
/// KIC), as tabs when there are several; `indent` shifts the whole output into a list item.
enum EntityExampleBlock: KongBlock {
    static let name = "entity_example"

    static func render(_ call: LiquidBlockCall, _ env: RenderEnvironment) throws -> String {
        let yaml = try BlockYAML(call.body, at: call.bodyLocation, block: "entity_example")
        let example = try EntityExample(yaml: yaml, tools: env.tools, at: call.location)
        let known = EntityExampleFormats.kongOrder.filter(example.formats.contains)
        let missing = known.filter { EntityExampleFormats.format(named: $0) == nil }
        if !missing.isEmpty {
            env.sink.report([.warning(at: call.location, "entity_example does not render the \(missing.joined(separator: ", ")) format here")])
        }
        var formats = known.compactMap(EntityExampleFormats.format(named:))
        if example.formats.isEmpty { formats = [DeckEntityFormat.self] }
        var output: String
        switch formats.count {
        case 0:
            throw DiagnosticError([.error(at: call.location, "entity_example has no format to show: `formats` (or the page's `tools`) names "
                + "\(example.formats.joined(separator: ", ")); known: \(EntityExampleFormats.kongOrder.joined(separator: ", "))")])
        case 1:
            output = formats[0].markdown(example, env)
        default:
            output = NavtabsBlock.markdown(group: "entity-example", tabs: formats.map { ($0.label, $0.markdown(example, env)) }, env)
        }
        if example.indent > 0 {
            let pad = String(repeating: " ", count: min(example.indent, 40))
            output = output.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : pad + $0 }.joined(separator: "\n")
        }
        return output
    }
}
