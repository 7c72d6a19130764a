import Diagnostics
import Foundation
import HowToPlan
import Liquid
import Yams

/// What the request blocks share: the error for a missing `url` and the fence marked with its topology.
enum RequestBlocks {
    static func missingURL(_ block: String, _ call: LiquidBlockCall) -> DiagnosticError {
        DiagnosticError([.error(at: call.location, "`\(block)` needs `url`, e.g. `url: /v2/control-planes`")])
    }

    /// The snippet's fence; a topology marks it so a plan for another topology leaves it out.
    static func fence(_ snippet: RequestSnippet, topology: Topology?) -> String {
        let marked = topology.map { "\n{: data-deployment-topology=\"\($0.rawValue)\" }" } ?? ""
        return snippet.markdown.replacingOccurrences(of: "\n```\n\n", with: "\n```\(marked)\n\n")
    }
}
