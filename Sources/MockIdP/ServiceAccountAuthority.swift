import Foundation
import JWTKit

/// The service accounts of the embedded Kubernetes API, the tokens it signs for them, and its TokenReview:
/// a token is authenticated while its signature, expiry and account (same name and uid) all hold.
actor ServiceAccountAuthority {
    /// The issuer and default audience of a cluster's service-account tokens.
    static let clusterAudience = "https://kubernetes.default.svc.cluster.local"

    struct Account: Sendable {
        let namespace: String
        let name: String
        let uid: String
    }

    private let keys = JWTKeyCollection()
    private var signingKey: SigningKey?
    private var pendingKey: Task<SigningKey, any Error>?
    private var accounts: [String: Account] = [:]

    init(serviceAccounts: [(namespace: String, name: String)]) {
        pendingKey = Task.detached(priority: .userInitiated) { try SigningKey.generate() }
        for (namespace, name) in serviceAccounts {
            accounts["\(namespace)/\(name)"] = Account(namespace: namespace, name: name, uid: UUID().uuidString.lowercased())
        }
    }

    private func key() async throws -> SigningKey {
        if let signingKey { return signingKey }
        let key = try await pendingKey!.value
        if signingKey == nil {
            signingKey = key
            await keys.add(rsa: key.privateKey, digestAlgorithm: .sha256, kid: JWKIdentifier(string: key.kid))
        }
        return signingKey!
    }

    /// The public keys, as `/openid/v1/jwks` publishes them.
    var jwks: JSONWebKeySet {
        get async throws { JSONWebKeySet(keys: [try await key().publicJWK]) }
    }

    func account(namespace: String, name: String) -> Account? { accounts["\(namespace)/\(name)"] }

    /// Creates an account with a fresh uid; nil when it exists.
    @discardableResult
    func create(namespace: String, name: String) -> Account? {
        guard accounts["\(namespace)/\(name)"] == nil else { return nil }
        let account = Account(namespace: namespace, name: name, uid: UUID().uuidString.lowercased())
        accounts["\(namespace)/\(name)"] = account
        return account
    }

    /// Deletes an account: its tokens stop being authenticated, even if it is created again.
    func delete(namespace: String, name: String) -> Account? {
        accounts.removeValue(forKey: "\(namespace)/\(name)")
    }

    /// A signed token for the account, for `audiences` (the cluster's by default), valid `seconds`.
    func token(namespace: String, name: String, audiences: [String], seconds: Int) async throws -> (token: String, expires: Date)? {
        guard let account = account(namespace: namespace, name: name) else { return nil }
        let now = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
        let expires = now.addingTimeInterval(TimeInterval(seconds))
        let claims = ServiceAccountClaims(
            iss: .init(value: Self.clusterAudience), sub: .init(value: "system:serviceaccount:\(namespace):\(name)"),
            aud: audiences.isEmpty ? [Self.clusterAudience] : audiences, exp: .init(value: expires),
            iat: .init(value: now), nbf: .init(value: now), jti: .init(value: UUID().uuidString.lowercased()),
            kubernetes: .init(namespace: namespace, serviceaccount: .init(name: name, uid: account.uid)))
        let signed = try await keys.sign(claims, kid: JWKIdentifier(string: try await key().kid))
        return (signed, expires)
    }

    /// The claims of a token this API signed and still honours, or nil.
    private func valid(_ token: String) async -> ServiceAccountClaims? {
        _ = try? await key()
        guard let claims = try? await keys.verify(token, as: ServiceAccountClaims.self),
              let account = account(namespace: claims.kubernetes.namespace, name: claims.kubernetes.serviceaccount.name),
              account.uid == claims.kubernetes.serviceaccount.uid else { return nil }
        return claims
    }

    /// Whether `bearer` may call the API (any token this API honours).
    func authorizes(bearer: String?) async -> Bool {
        guard let bearer, bearer.hasPrefix("Bearer ") else { return false }
        return await valid(String(bearer.dropFirst(7))) != nil
    }

    /// Reviews `spec.token` for `spec.audiences` (the cluster's when none) as the API server does.
    func review(_ spec: TokenReview.Spec) async -> TokenReview.Status {
        guard let token = spec.token, !token.isEmpty, let claims = await valid(token) else {
            return TokenReview.Status(authenticated: false, user: nil, audiences: nil,
                                      error: "[invalid bearer token, service account token has been invalidated]")
        }
        let wanted = (spec.audiences ?? []).isEmpty ? [Self.clusterAudience] : spec.audiences!
        let matching = claims.aud.filter(wanted.contains)
        guard !matching.isEmpty else {
            return TokenReview.Status(authenticated: false, user: nil, audiences: nil,
                                      error: "[invalid bearer token, token audiences \(claims.aud) is invalid for the target audiences \(wanted)]")
        }
        let namespace = claims.kubernetes.namespace
        return TokenReview.Status(
            authenticated: true,
            user: .init(username: "system:serviceaccount:\(namespace):\(claims.kubernetes.serviceaccount.name)",
                        uid: claims.kubernetes.serviceaccount.uid,
                        groups: ["system:serviceaccounts", "system:serviceaccounts:\(namespace)", "system:authenticated"]),
            audiences: matching, error: nil)
    }
}
