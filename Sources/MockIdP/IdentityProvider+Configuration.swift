public import Logging

extension IdentityProvider {
    /// What the provider serves: where it listens, its clients and APIs, and token lifetime.
    public struct Configuration: Sendable {
        /// The address to bind; keep loopback.
        public var host: String
        /// The port to bind; 0 picks a free one.
        public var port: Int
        /// The host name in `DOMAIN` (must be one of the TLS certificate's names).
        public var publicHost: String
        /// The registered machine-to-machine applications.
        public var clients: [Client]
        /// API identifiers (audiences) the tenant knows besides those granted to clients and its
        /// Management API `https://DOMAIN/api/v2/`. `{{ domain }}` is replaced by the bound domain.
        public var audiences: [String]
        /// How long an access token is valid (whole seconds are used).
        public var tokenLifetime: Duration
        /// Where Hummingbird and the provider log (never secrets).
        public var logger: Logger

        /// Creates a configuration; by default it binds `127.0.0.1` on a free port and names itself `localhost:PORT`.
        public init(host: String = "127.0.0.1", port: Int = 0, publicHost: String = "localhost",
                    clients: [Client] = [], audiences: [String] = [], tokenLifetime: Duration = .seconds(86_400),
                    logger: Logger = IdentityProvider.defaultLogger) {
            self.host = host
            self.port = port
            self.publicHost = publicHost
            self.clients = clients
            self.audiences = audiences
            self.tokenLifetime = tokenLifetime
            self.logger = logger
        }

        /// Auth0's `DOMAIN` for a bound port: `HOST:PORT`, or `HOST` alone on 443.
        func domain(port: Int) -> String {
            port == 443 ? publicHost : "\(publicHost):\(port)"
        }
    }

    /// A machine-to-machine application: its credentials and its client grants.
    public struct Client: Sendable, Equatable {
        /// `client_id`.
        public var id: String
        /// `client_secret`.
        public var secret: String
        /// The APIs this client may get tokens for (`{{ domain }}` is replaced by the bound domain).
        public var audiences: [String]
        /// The permissions granted; a token carries the requested subset, or all of them.
        public var scopes: [String]

        /// Creates a client.
        public init(id: String, secret: String, audiences: [String], scopes: [String] = []) {
            self.id = id
            self.secret = secret
            self.audiences = audiences
            self.scopes = scopes
        }
    }

    /// A logger at `warning` level labelled `howto.mock-idp`.
    public static var defaultLogger: Logger {
        var logger = Logger(label: "howto.mock-idp")
        logger.logLevel = .warning
        return logger
    }
}
