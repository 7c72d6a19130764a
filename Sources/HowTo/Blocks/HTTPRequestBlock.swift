import Foundation
import Liquid
import Yams

/// `{% http_request %}`: a request to the `url` as written, for every topology (Kong's `http_request.rb`).
enum HTTPRequestBlock: KongBlock {
    static let name = "http_request"

    static func render(_ call: LiquidBlockCall, _ env: RenderEnvironment) throws -> String {
        let (entries, _) = try BlockYAML(call.body, at: call.bodyLocation, block: name).mapping(name)
        guard let url = entries["url"].flatMap({ $0.string }) else { throw RequestBlocks.missingURL(name, call) }
        return RequestBlocks.fence(RequestSnippet(url: url, settings: entries), topology: nil)
    }
}
