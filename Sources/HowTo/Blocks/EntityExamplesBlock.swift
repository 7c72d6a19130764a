import Diagnostics
import Foundation
import Liquid
import Markdown
import Yams

/// `{% entity_examples %}` (Kong's `blocks/entity_examples.rb`): the decK apply step.
enum EntityExamplesBlock: KongBlock {
    static let name = "entity_examples"

    /// `{% entity_examples %}` → the decK apply snippet as a `sh` fence marked `deck-apply`.
    static func render(_ call: LiquidBlockCall, _ env: RenderEnvironment) throws -> String {
        let yaml = try BlockYAML(call.body, at: call.bodyLocation, block: "entity_examples")
        let examples = try EntityExamples(yaml: yaml, tools: env.tools)
        return "\n\n```sh\n\(examples.command)\n```\n\(env.sink.fenceAttributes(.deckApply))\n\n"
    }
}
