import Diagnostics
import Foundation
import HowToPlan
import Liquid
import Markdown
import Yams

/// `{% konnect %}` / `{% on_prem %}` (Kong's `blocks/konnect.rb`, `on_prem.rb`): content for one deployment topology.
protocol TopologyBlock: KongBlock {
    /// The topology the content is for (`konnect`, `on-prem`).
    static var topology: Topology { get }
}

extension TopologyBlock {
    /// `{% konnect %}` / `{% on_prem %}` → content for one topology (YAML `content:` or plain markdown), marked.
    static func render(_ call: LiquidBlockCall, _ env: RenderEnvironment) -> String {
        var text = call.rawBody
        var location = call.bodyLocation
        if let yaml = try? BlockYAML(call.rawBody, at: call.bodyLocation, block: topology.rawValue), let content = yaml.root.mapping?["content"],
           let string = content.string
        {
            text = string
            location = yaml.reader.contentLocation(content)
        }
        let (document, diagnostics) = env.markdown(text, at: location, variables: RenderEnvironment.flatten(call.context))
        _ = diagnostics // Liquid problems in the body were already reported by the enclosing render.
        env.sink.report(document.diagnostics)
        let html = "<div class=\"topology\" data-deployment-topology=\"\(topology.rawValue)\">\n<p class=\"topology-label\">\(topology.label)</p>\n\(document.html)</div>"
        return "\n\n" + env.sink.fragment(.topology(topology, document), html: html, text: document.plainText) + "\n\n"
    }
}
