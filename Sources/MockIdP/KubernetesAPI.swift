public import Logging

/// The embedded Kubernetes API a tutorial's Kubernetes auth step talks to instead of a cluster: it signs
/// service-account tokens and answers TokenReview (`/apis/authentication.k8s.io/v1/tokenreviews`) over TLS,
/// so Vault's (or OpenBao's) Kubernetes auth method can check a login the way it does against a cluster.
public final class KubernetesAPI: Sendable {
    /// `https://HOST:PORT`, what Vault's `kubernetes_host` names.
    public let url: String
    /// The bound TCP port.
    public let port: Int
    let authority: ServiceAccountAuthority
    private let server: TLSServer

    private init(url: String, port: Int, authority: ServiceAccountAuthority, server: TLSServer) {
        self.url = url
        self.port = port
        self.authority = authority
        self.server = server
    }

    /// Starts the API on `host:port` (0 = a free port) with the given service accounts (`namespace`, `name`).
    public static func start(host: String = "127.0.0.1", port: Int = 0, serviceAccounts: [(namespace: String, name: String)],
                             tls: (certificatePEM: String, privateKeyPEM: String),
                             logger: Logger = IdentityProvider.defaultLogger) async throws -> KubernetesAPI {
        let authority = ServiceAccountAuthority(serviceAccounts: serviceAccounts)
        let server = try await TLSServer.start(router: authority.router(), host: host, port: port, tls: tls, logger: logger)
        return KubernetesAPI(url: "https://\(host):\(server.port)", port: server.port, authority: authority, server: server)
    }

    /// A token for a service account (the cluster's audience when `audiences` is empty), or nil when it does not exist.
    public func token(namespace: String, name: String, audiences: [String] = [], seconds: Int = 3600) async throws -> String? {
        try await authority.token(namespace: namespace, name: name, audiences: audiences, seconds: seconds)?.token
    }

    /// Stops the server and waits until its listener is closed.
    public func stop() async {
        await server.stop()
    }
}
