import Diagnostics
import Foundation
import Liquid
import Markdown
import Yams

/// `{% raise "message" %}` (Kong's `tags/raise.rb`): the page is refused.
enum RaiseTag: KongTag {
    static let name = "raise"

    /// `{% raise "message" %}` (Kong's tags/raise.rb): the template refuses the page, as Jekyll's build stops.
    static func render(_ call: LiquidTagCall, _ env: RenderEnvironment) throws -> String {
        let message = call.context.evaluate(call.arguments).text
        throw DiagnosticError([.error(at: call.location, "the template refuses this page: \(message.isEmpty ? call.arguments : message)")])
    }
}
