import Foundation
import HowToPlan
import Liquid
import Yams

/// `{% konnect_api_request %}`: a request to the Konnect API (`https://REGION.api.konghq.com` + `url`)
/// with the `$KONNECT_TOKEN` bearer header, for the Konnect topology (Kong's `konnect_api_request.rb`).
enum KonnectAPIRequestBlock: KongBlock {
    static let name = "konnect_api_request"

    static func render(_ call: LiquidBlockCall, _ env: RenderEnvironment) throws -> String {
        let (entries, _) = try BlockYAML(call.body, at: call.bodyLocation, block: name).mapping(name)
        guard let path = entries["url"].flatMap({ $0.string }) else { throw RequestBlocks.missingURL(name, call) }
        let region = entries["region"].flatMap { $0.string } ?? "us"
        let snippet = RequestSnippet(url: "https://\(region).api.konghq.com\(path)", settings: entries,
                                     extraHeaders: ["Authorization: Bearer $KONNECT_TOKEN"])
        return RequestBlocks.fence(snippet, topology: .konnect)
    }
}
