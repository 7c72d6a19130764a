import Crypto
import Foundation
import JWTKit

/// The provider's state: clients, known APIs, signing keys; issues tokens and publishes keys.
actor TokenAuthority {
    private let configuration: IdentityProvider.Configuration
    private let keys = JWTKeyCollection()
    private var signingKeys: [SigningKey] = []
    /// The first key, generated off the actor from the moment the provider starts: RSA generation takes
    /// 60–200 ms, which the run's first steps hide; the first JWKS or token request waits for it.
    private var firstKey: Task<SigningKey, any Error>?
    private var domain = ""
    private var clients: [String: IdentityProvider.Client] = [:]
    private var knownAudiences: Set<String> = []

    init(configuration: IdentityProvider.Configuration) async throws {
        let audienceTemplates = configuration.audiences + configuration.clients.flatMap(\.audiences)
        for text in audienceTemplates { try Template(text: text).validate(known: ["domain"]) }
        self.configuration = configuration
        firstKey = Task.detached(priority: .userInitiated) { try SigningKey.generate() }
    }

    /// Waits for the first key (once) and makes it the signing key.
    private func keysReady() async throws {
        guard let pending = firstKey else { return }
        let first = try await pending.value
        guard firstKey != nil else { return }
        firstKey = nil
        signingKeys.insert(first, at: 0)
        await keys.add(rsa: first.privateKey, digestAlgorithm: .sha256, kid: JWKIdentifier(string: first.kid))
    }

    /// Fixes the domain once the port is known and resolves `{{ domain }}` in audiences.
    func bind(domain: String) {
        self.domain = domain
        let resolve = { (text: String) in Template.audience(text, domain: domain) }
        for var client in configuration.clients {
            client.audiences = client.audiences.map(resolve)
            clients[client.id] = client
        }
        knownAudiences = Set(configuration.audiences.map(resolve) + clients.values.flatMap(\.audiences))
        knownAudiences.insert("https://\(domain)/api/v2/")
    }

    var issuer: String { "https://\(domain)/" }

    var keyIDs: [String] {
        get async throws {
            try await keysReady()
            return signingKeys.map(\.kid)
        }
    }

    var jwks: JSONWebKeySet {
        get async throws {
            try await keysReady()
            return JSONWebKeySet(keys: signingKeys.map(\.publicJWK))
        }
    }

    var discovery: OpenIDConfiguration { OpenIDConfiguration(issuer: issuer) }

    func rotateKey() async throws -> String {
        try await keysReady()
        let key = try SigningKey.generate()
        await keys.add(rsa: key.privateKey, digestAlgorithm: .sha256, kid: JWKIdentifier(string: key.kid))
        signingKeys.append(key)
        return key.kid
    }

    /// Authenticates the client, checks grant, audience and scopes, and signs an access token.
    func issue(_ request: TokenRequest, now: Date = Date()) async throws(OAuthError) -> TokenResponse {
        guard let grantType = request.grantType else { throw .missingParameter("grant_type") }
        guard grantType == "client_credentials" else { throw .unsupportedGrantType(grantType) }
        guard let clientID = request.clientID else { throw .missingParameter("client_id") }
        guard let client = clients[clientID], let secret = request.clientSecret,
              Self.sameSecret(secret, client.secret) else { throw .unauthorized }
        guard let audience = request.audience, !audience.isEmpty else { throw .missingParameter("audience") }
        guard knownAudiences.contains(audience) else { throw .serviceNotEnabled(audience) }
        guard client.audiences.contains(audience) else { throw .clientNotAuthorized(client.id, audience) }
        let scopes = try grantedScopes(requested: request.scope, client: client)

        let issuedAt = Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))
        let lifetime = Int(configuration.tokenLifetime.components.seconds)
        let claims = AccessTokenClaims(
            iss: .init(value: issuer), sub: .init(value: "\(client.id)@clients"), aud: .init(value: audience),
            iat: .init(value: issuedAt), exp: .init(value: issuedAt.addingTimeInterval(TimeInterval(lifetime))),
            azp: client.id, gty: "client-credentials", scope: scopes.isEmpty ? nil : scopes.joined(separator: " "))
        do {
            try await keysReady()
            let kid = JWKIdentifier(string: signingKeys[signingKeys.count - 1].kid)
            let token = try await keys.sign(claims, kid: kid)
            return TokenResponse(access_token: token, expires_in: lifetime, scope: claims.scope)
        } catch {
            throw .serverError("could not sign the access token: \(error)")
        }
    }

    /// The requested scopes when all are granted, every granted scope when none are requested.
    private func grantedScopes(requested: String?, client: IdentityProvider.Client) throws(OAuthError) -> [String] {
        guard let requested else { return client.scopes }
        let wanted = requested.split(separator: " ").map(String.init)
        let missing = wanted.filter { !client.scopes.contains($0) }
        guard missing.isEmpty else { throw .scopesNotGranted(missing) }
        return wanted.isEmpty ? client.scopes : wanted
    }

    /// Compares secrets in constant time (digest comparison in swift-crypto is constant-time).
    private static func sameSecret(_ given: String, _ expected: String) -> Bool {
        SHA256.hash(data: Data(given.utf8)) == SHA256.hash(data: Data(expected.utf8))
    }
}
