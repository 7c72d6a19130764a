import Foundation
import Hummingbird
import HTTPTypes

extension ServiceAccountAuthority {
    /// The Kubernetes API routes the fixture serves: TokenReview (bearer required, as a cluster requires),
    /// service accounts and their tokens, the service-account issuer's discovery and keys, and health.
    nonisolated func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.post("/apis/authentication.k8s.io/v1/tokenreviews") { request, _ -> Response in
            guard await self.authorizes(bearer: request.headers[.authorization]) else { return Self.json(KubernetesStatus.unauthorized, status: .unauthorized) }
            let body = try await request.body.collect(upTo: 1 << 20)
            guard var review = try? JSONDecoder().decode(TokenReview.self, from: Data(body.readableBytesView)) else {
                return Self.json(KubernetesStatus.badRequest("the body of the request was in an unknown format"), status: .badRequest)
            }
            review.status = await self.review(review.spec)
            review.kind = "TokenReview"
            review.apiVersion = "authentication.k8s.io/v1"
            return Self.json(review, status: .created)
        }
        router.post("/api/v1/namespaces/:namespace/serviceaccounts") { request, context -> Response in
            let namespace = context.parameters.get("namespace") ?? ""
            let body = try await request.body.collect(upTo: 1 << 20)
            let object = (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView))) as? [String: Any]
            guard let name = (object?["metadata"] as? [String: Any])?["name"] as? String, !name.isEmpty else {
                return Self.json(KubernetesStatus.badRequest("ServiceAccount \"\" is invalid: metadata.name: Required value: name or generateName is required"), status: .badRequest)
            }
            guard let account = await self.create(namespace: namespace, name: name) else {
                return Self.json(KubernetesStatus.alreadyExists(serviceAccount: name), status: .conflict)
            }
            return Self.json(Self.object(account), status: .created)
        }
        router.get("/api/v1/namespaces/:namespace/serviceaccounts/:name") { _, context -> Response in
            let (namespace, name) = (context.parameters.get("namespace") ?? "", context.parameters.get("name") ?? "")
            guard let account = await self.account(namespace: namespace, name: name) else {
                return Self.json(KubernetesStatus.notFound(serviceAccount: name), status: .notFound)
            }
            return Self.json(Self.object(account), status: .ok)
        }
        router.delete("/api/v1/namespaces/:namespace/serviceaccounts/:name") { _, context -> Response in
            let (namespace, name) = (context.parameters.get("namespace") ?? "", context.parameters.get("name") ?? "")
            guard let account = await self.delete(namespace: namespace, name: name) else {
                return Self.json(KubernetesStatus.notFound(serviceAccount: name), status: .notFound)
            }
            return Self.json(Self.object(account), status: .ok)
        }
        router.post("/api/v1/namespaces/:namespace/serviceaccounts/:name/token") { request, context -> Response in
            let (namespace, name) = (context.parameters.get("namespace") ?? "", context.parameters.get("name") ?? "")
            let body = try await request.body.collect(upTo: 1 << 20)
            let asked = try? JSONDecoder().decode(ServiceAccountTokenRequest.self, from: Data(body.readableBytesView))
            let seconds = max(600, asked?.spec?.expirationSeconds ?? 3600)
            guard let (token, expires) = try await self.token(namespace: namespace, name: name,
                                                              audiences: asked?.spec?.audiences ?? [], seconds: seconds) else {
                return Self.json(KubernetesStatus.notFound(serviceAccount: name), status: .notFound)
            }
            var answer = ServiceAccountTokenRequest(spec: .init(audiences: asked?.spec?.audiences ?? [Self.clusterAudience], expirationSeconds: seconds))
            answer.status = .init(token: token, expirationTimestamp: ISO8601DateFormatter().string(from: expires))
            return Self.json(answer, status: .created)
        }
        router.get("/.well-known/openid-configuration") { _, _ in
            Self.json(["issuer": Self.clusterAudience, "jwks_uri": Self.clusterAudience + "/openid/v1/jwks",
                       "response_types_supported": "id_token", "subject_types_supported": "public",
                       "id_token_signing_alg_values_supported": "RS256"], status: .ok)
        }
        router.get("/openid/v1/jwks") { _, _ in Self.json(try await self.jwks, status: .ok) }
        router.get("/livez") { _, _ in "ok" }
        router.get("/readyz") { _, _ in "ok" }
        return router
    }

    private static func object(_ account: Account) -> [String: [String: String]] {
        ["metadata": ["name": account.name, "namespace": account.namespace, "uid": account.uid]]
    }

    private static func json(_ value: some Encodable, status: HTTPResponse.Status) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
