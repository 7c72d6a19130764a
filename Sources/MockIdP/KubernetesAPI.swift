import Hummingbird
import HummingbirdTLS
public import Logging
import NIOCore
import NIOSSL
import ServiceLifecycle

/// The embedded Kubernetes API a tutorial's Kubernetes auth step talks to instead of a cluster: it signs
/// service-account tokens and answers TokenReview (`/apis/authentication.k8s.io/v1/tokenreviews`) over TLS,
/// so Vault's (or OpenBao's) Kubernetes auth method can check a login the way it does against a cluster.
public final class KubernetesAPI: Sendable {
    /// `https://HOST:PORT`, what Vault's `kubernetes_host` names.
    public let url: String
    /// The bound TCP port.
    public let port: Int
    let authority: ServiceAccountAuthority
    private let services: ServiceGroup
    private let task: Task<Void, any Error>

    private init(url: String, port: Int, authority: ServiceAccountAuthority, services: ServiceGroup, task: Task<Void, any Error>) {
        self.url = url
        self.port = port
        self.authority = authority
        self.services = services
        self.task = task
    }

    /// Starts the API on `host:port` (0 = a free port) with the given service accounts (`namespace`, `name`).
    public static func start(host: String = "127.0.0.1", port: Int = 0, serviceAccounts: [(namespace: String, name: String)],
                             tls: (certificatePEM: String, privateKeyPEM: String),
                             logger: Logger = IdentityProvider.defaultLogger) async throws -> KubernetesAPI {
        var serverTLS: TLSConfiguration
        do {
            serverTLS = TLSConfiguration.makeServerConfiguration(
                certificateChain: try NIOSSLCertificate.fromPEMBytes(Array(tls.certificatePEM.utf8)).map { .certificate($0) },
                privateKey: .privateKey(try NIOSSLPrivateKey(bytes: Array(tls.privateKeyPEM.utf8), format: .pem)))
        } catch {
            throw MockIdPError.invalidTLSMaterial("\(error)")
        }
        serverTLS.shutdownTimeout = .milliseconds(200)
        let authority = ServiceAccountAuthority(serviceAccounts: serviceAccounts)
        let (bound, boundContinuation) = AsyncStream<Int>.makeStream()
        let app = Application(
            router: authority.router(), server: try .tls(.http1(), tlsConfiguration: serverTLS),
            configuration: .init(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in
                boundContinuation.yield(channel.localAddress?.port ?? port)
                boundContinuation.finish()
            },
            logger: logger)
        let services = ServiceGroup(configuration: .init(services: [app], logger: logger))
        let task = Task {
            defer { boundContinuation.finish() }
            try await services.run()
        }
        var boundPort: Int?
        for await value in bound { boundPort = value }
        guard let boundPort else {
            let reason: String
            do { try await task.value; reason = "the server stopped before listening" } catch { reason = "\(error)" }
            throw MockIdPError.cannotListen(address: "\(host):\(port)", reason: reason)
        }
        return KubernetesAPI(url: "https://\(host):\(boundPort)", port: boundPort, authority: authority, services: services, task: task)
    }

    /// A token for a service account (the cluster's audience when `audiences` is empty), or nil when it does not exist.
    public func token(namespace: String, name: String, audiences: [String] = [], seconds: Int = 3600) async throws -> String? {
        try await authority.token(namespace: namespace, name: name, audiences: audiences, seconds: seconds)?.token
    }

    /// Stops the server and waits until its listener is closed.
    public func stop() async {
        await services.triggerGracefulShutdown()
        _ = try? await task.value
    }
}
