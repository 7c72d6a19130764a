import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import NIOSSL
import SwiftASN1
import X509

/// Turns Hummingbird requests into ``VaultRequest``s for the core and its answers into HTTP responses.
struct VaultResponder: HTTPResponder {
    typealias Context = VaultRequestContext

    let core: VaultCore
    let readsClientCertificates: Bool

    func respond(to request: Request, context: VaultRequestContext) async throws -> Response {
        let body = try await request.body.collect(upTo: 32 << 20)
        var headers: [String: String] = [:]
        for field in request.headers { headers[field.name.canonicalName] = field.value }
        var method = request.method.rawValue.uppercased()
        var query = Self.parseQuery(request.uri.query)
        if headers[ListMethodRewriter.markerHeader] != nil {
            method = "LIST"
            query["list"] = nil
        }
        var vaultRequest = VaultRequest(method: method, rawPath: request.uri.path, query: query, headers: headers,
                                        body: Array(buffer: body))
        if let address = context.channel.remoteAddress?.ipAddress { vaultRequest.remoteAddress = address }
        if readsClientCertificates, vaultRequest.rawPath.hasSuffix("/login"),
           let peer = try? await context.channel.nioSSL_peerCertificate().get(),
           let der = try? peer.toDERBytes(), let certificate = try? Certificate(derEncoded: der) {
            vaultRequest.clientCertificates = PresentedChains.shared.chain(leaf: der) ?? [certificate]
        }
        let answer = await core.handle(vaultRequest)
        var fields = HTTPFields()
        fields[.cacheControl] = "no-store"
        fields[.contentType] = answer.rawText != nil ? "text/html; charset=utf-8" : "application/json"
        fields[HTTPField.Name("Strict-Transport-Security")!] = "max-age=31536000; includeSubDomains"
        for (name, value) in answer.headers {
            if let name = HTTPField.Name(name) { fields[name] = value }
        }
        let status = HTTPResponse.Status(code: answer.status)
        guard let text = answer.bodyText, method != "HEAD" else {
            return Response(status: status, headers: fields)
        }
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// `a=1&b=x+y` → `["a": "1", "b": "x y"]` (last value wins), as Vault reads a query.
    static func parseQuery(_ query: String?) -> [String: String] {
        guard let query, !query.isEmpty else { return [:] }
        var result: [String: String] = [:]
        for pair in query.split(separator: "&") {
            // Empty pieces kept: `=` or `=x` gave no parts and the subscript below trapped, killing the server.
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map {
                String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String($0)
            }
            result[parts[0]] = parts.count > 1 ? parts[1] : ""
        }
        return result
    }
}
