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
            env.sink.report([.warning(at: call.location, "entity_example does not render the \(missing.joined(separator: ", ")) format here"
                + (known.count == missing.count ? "; it is shown as decK" : ""))])
        }
        var formats = known.compactMap { name in EntityExampleFormats.format(named: name).map { (name, $0) } }
        if formats.isEmpty {
            // Kong would show the formats howto lacks; decK says the same, so the page still shows the entity.
            if !example.formats.isEmpty, known.isEmpty {
                env.sink.report([.warning(at: call.location, "entity_example names no format Kong knows (\(example.formats.joined(separator: ", "))); "
                    + "it is shown as decK. Known: \(EntityExampleFormats.kongOrder.joined(separator: ", "))")])
            }
            formats = [("deck", DeckEntityFormat.self)]
        }
        var output: String
        if formats.count == 1 {
            output = formats[0].1.markdown(example, env)
        } else {
            let tabs = formats.map { name, format in (title: format.labels[name] ?? name, slug: name, markdown: format.markdown(example, env)) }
            output = NavtabsBlock.markdown(group: "entity-example", tabs: tabs, at: call.location, env)
        }
        if example.indent > 0 {
            let pad = String(repeating: " ", count: min(example.indent, 40))
            output = output.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : pad + $0 }.joined(separator: "\n")
        }
        return output
    }
}
