import Diagnostics
import Foundation
import Liquid
import Markdown
import Yams

/// `{% validation TYPE %}` (Kong's `blocks/validation.rb`): a check, planned as a validation step.
enum ValidationCheckBlock: KongBlock {
    static let name = "validation"

    /// `{% validation TYPE %}` → the check's command as a `bash` fence marked with the validation type.
    static func render(_ call: LiquidBlockCall, _ env: RenderEnvironment) throws -> String {
        let type = call.arguments.trimmingCharacters(in: .whitespaces)
        guard !type.isEmpty else {
            throw DiagnosticError([.error(at: call.location, "`validation` needs a type, e.g. `{% validation vault-secret %}`")])
        }
        let yaml = try BlockYAML(call.body, at: call.bodyLocation, block: "validation \(type)")
        let block = try ValidationBlock(type: type, yaml: yaml, location: call.location)
        return "\n\n```bash\n\(block.script)\n```\n\(env.sink.fenceAttributes(.validation(block)))\n\n"
    }
}
