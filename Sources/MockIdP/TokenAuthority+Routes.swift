import Foundation
import Hummingbird
import HTTPTypes

extension TokenAuthority {
    /// The HTTP routes: token endpoint, JWKS and discovery.
    nonisolated func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.post("/oauth/token") { request, _ -> Response in
            let body = try await request.body.collect(upTo: 64 * 1024)
            do {
                let tokenRequest = try TokenRequest.parse(contentType: request.headers[.contentType],
                                                          authorization: request.headers[.authorization],
                                                          body: String(buffer: body))
                return Self.json(try await self.issue(tokenRequest), status: .ok)
            } catch let error as OAuthError {
                return Self.json(error.body, status: error.status)
            }
        }
        router.get("/.well-known/jwks.json") { _, _ in Self.json(try await self.jwks, status: .ok) }
        router.get("/.well-known/openid-configuration") { _, _ in Self.json(await self.discovery, status: .ok) }
        return router
    }

    private static func json(_ value: some Encodable, status: HTTPResponse.Status) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return Response(status: status,
                        headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
