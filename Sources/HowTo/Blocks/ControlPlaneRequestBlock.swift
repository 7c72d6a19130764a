import Foundation
import HowToPlan
import Liquid
import Yams

/// `{% control_plane_request %}`: an Admin API request, once per topology the page works on: Konnect's
/// `$KONNECT_CONTROL_PLANE_URL` and on-prem `http://localhost:8001` (Kong's `control_plane_request.rb`).
enum ControlPlaneRequestBlock: KongBlock {
    static let name = "control_plane_request"
    /// Kong's `_data/control_plane_request.yml` `url_origin`.
    static let origins: [(Topology, String)] = [(.konnect, "$KONNECT_CONTROL_PLANE_URL"), (.onPrem, "http://localhost:8001")]

    static func render(_ call: LiquidBlockCall, _ env: RenderEnvironment) throws -> String {
        let (entries, _) = try BlockYAML(call.body, at: call.bodyLocation, block: name).mapping(name)
        guard let path = entries["url"].flatMap({ $0.string }) else { throw RequestBlocks.missingURL(name, call) }
        var worksOn = ["on-prem"]
        if case let .dictionary(page) = call.context["page"], let listed = page["works_on"] { worksOn = listed.elements.map(\.text) }
        return origins.filter { worksOn.contains($0.0.rawValue) }.map { topology, origin in
            RequestBlocks.fence(RequestSnippet(url: origin + path, settings: entries), topology: topology)
        }.joined()
    }
}
