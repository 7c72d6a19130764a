import Foundation
@testable import MockVault
import GoValues

/// Builds the OAuth2 tutorial's Vault state on a running mock: KV secret, JWT auth with role `demo`.
struct TutorialSetup {
    static let clientID = "AbCdEfGhIjKlMnOp"
    static let audience = "https://idp.example.test/api/v2/"
    static let issuer = "https://idp.example.test/"

    let http: VaultHTTP

    /// `vault kv put secret/password pass1=my-password`, `vault auth enable jwt`, jwt config and role `demo`.
    func apply(jwksURL: String? = nil, pubkeyPEM: String? = nil) async throws {
        let root = "root"
        _ = try await http.send("PUT", "/v1/secret/data/password", token: root,
                                body: #"{"data":{"pass1":"my-password"},"options":{}}"#)
        _ = try await http.send("POST", "/v1/sys/auth/jwt", token: root, body: #"{"type":"jwt"}"#)
        let config: JSONValue = jwksURL.map { .object([("jwks_url", .string($0))]) }
            ?? .object([("jwt_validation_pubkeys", .strings([pubkeyPEM ?? TestJWT.publicKeyPEM]))])
        let configured = try await http.send("PUT", "/v1/auth/jwt/config", token: root, json: config)
        precondition(configured.status == 204, "jwt config failed: \(configured.text)")
        let role = try await http.send("PUT", "/v1/auth/jwt/role/demo", token: root, json: .object([
            ("bound_audiences", .string(Self.audience)), ("bound_subject", .string(Self.clientID + "@clients")),
            ("role_type", .string("jwt")), ("token_policies", .string("default")), ("token_type", .string("batch")),
            ("user_claim", .string("sub")),
        ]))
        precondition(role.status == 204, "role failed: \(role.text)")
    }

    /// Claims shaped like an Auth0 client-credentials access token.
    static func claims(now: Date = Date(), sub: String = clientID + "@clients", aud: JSONValue = .string(audience),
                       expiresIn: TimeInterval = 86_400, extra: [(String, JSONValue)] = []) -> JSONValue {
        let iat = Int(now.timeIntervalSince1970)
        return .object([
            ("iss", .string(issuer)), ("sub", .string(sub)), ("aud", aud), ("iat", .int(iat)),
            ("exp", .int(iat + Int(expiresIn))), ("gty", .string("client-credentials")), ("azp", .string(clientID)),
        ] + extra)
    }

    /// Logs in with `jwt` on role `role`; returns the answer.
    func login(_ jwt: String, role: String = "demo") async throws -> HTTPAnswer {
        try await http.send("POST", "/v1/auth/jwt/login", json: .object([("role", .string(role)), ("jwt", .string(jwt))]))
    }
}
