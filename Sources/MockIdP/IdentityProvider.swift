/// MockIdP: an OAuth2 identity provider with Auth0's client-credentials profile, served over TLS,
/// so a tutorial that needs Auth0 runs in CI without it; plus the declared test providers
/// (`content/_data/providers.yml`) that the runner starts for steps marked `provider=NAME`.
///
/// Endpoints: `POST /oauth/token`, `GET /.well-known/jwks.json`, `GET /.well-known/openid-configuration`.
/// Tokens are RS256 JWTs (jwt-kit) with `iss https://DOMAIN/`, `sub CLIENT@clients`, `aud`, `azp`, `gty`,
/// `iat`, `exp` (whole seconds) and `scope`; errors are OAuth2 bodies as Auth0 sends them.
import Logging
import Hummingbird
import HummingbirdTLS
import NIOCore
import NIOSSL
import ServiceLifecycle

/// A running identity provider; stop it with `stop()`.
public final class IdentityProvider: Sendable {
    /// `HOST:PORT` (or `HOST` on port 443): Auth0's `DOMAIN`.
    public let domain: String
    /// The bound TCP port.
    public let port: Int
    let authority: TokenAuthority
    private let server: TLSServer

    /// `https://DOMAIN/`, the `iss` of every token.
    public var issuer: String { "https://\(domain)/" }
    /// `https://DOMAIN/oauth/token`.
    public var tokenEndpoint: String { issuer + "oauth/token" }
    /// `https://DOMAIN/.well-known/jwks.json`.
    public var jwksURL: String { issuer + ".well-known/jwks.json" }
    /// `https://DOMAIN/.well-known/openid-configuration`.
    public var discoveryURL: String { issuer + ".well-known/openid-configuration" }

    private init(domain: String, port: Int, authority: TokenAuthority, server: TLSServer) {
        self.domain = domain
        self.port = port
        self.authority = authority
        self.server = server
    }

    /// Starts the provider on `configuration.host:configuration.port` (0 = any free port) with a PEM
    /// certificate chain and key, and returns once it accepts connections.
    public static func start(_ configuration: Configuration,
                             tls: (certificatePEM: String, privateKeyPEM: String)) async throws -> IdentityProvider {
        let authority = try await TokenAuthority(configuration: configuration)
        let server = try await TLSServer.start(
            router: authority.router(), host: configuration.host, port: configuration.port, tls: tls, logger: configuration.logger,
            onBound: { port in await authority.bind(domain: configuration.domain(port: port)) })
        return IdentityProvider(domain: configuration.domain(port: server.port), port: server.port, authority: authority, server: server)
    }

    /// Adds a new signing key and signs new tokens with it; earlier keys stay in the JWKS. Returns the new `kid`.
    @discardableResult
    public func rotateKey() async throws -> String {
        try await authority.rotateKey()
    }

    /// The key ids in the JWKS, oldest first; the last one signs new tokens.
    public var keyIDs: [String] {
        get async throws { try await authority.keyIDs }
    }

    /// Stops the server gracefully and waits until it has closed its listener.
    public func stop() async {
        await server.stop()
    }
}
