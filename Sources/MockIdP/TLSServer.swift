import Hummingbird
import HummingbirdTLS
import Logging
import NIOCore
import NIOSSL
import ServiceLifecycle

/// A Hummingbird application served over TLS from PEM material, started and stopped as one unit: the
/// embedded providers' common server (the identity provider, the Kubernetes API).
struct TLSServer: Sendable {
    /// The bound TCP port.
    let port: Int
    private let services: ServiceGroup
    private let task: Task<Void, any Error>

    /// Starts `router` on `host:port` (0 = a free port) and returns once it listens; `onBound` sees the port first.
    static func start(router: Router<BasicRequestContext>, host: String, port: Int,
                      tls: (certificatePEM: String, privateKeyPEM: String), logger: Logger,
                      onBound: @escaping @Sendable (Int) async -> Void = { _ in }) async throws -> TLSServer {
        var serverTLS: TLSConfiguration
        do {
            serverTLS = TLSConfiguration.makeServerConfiguration(
                certificateChain: try NIOSSLCertificate.fromPEMBytes(Array(tls.certificatePEM.utf8)).map { .certificate($0) },
                privateKey: .privateKey(try NIOSSLPrivateKey(bytes: Array(tls.privateKeyPEM.utf8), format: .pem)))
        } catch {
            throw MockIdPError.invalidTLSMaterial("\(error)")
        }
        // Don't wait NIOSSL's default 5 s for a client's close_notify when stopping.
        serverTLS.shutdownTimeout = .milliseconds(200)
        let (bound, boundContinuation) = AsyncStream<Int>.makeStream()
        let app = Application(
            router: router, server: try .tls(.http1(), tlsConfiguration: serverTLS),
            configuration: .init(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in
                let boundPort = channel.localAddress?.port ?? port
                await onBound(boundPort)
                boundContinuation.yield(boundPort)
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
        return TLSServer(port: boundPort, services: services, task: task)
    }

    /// Stops the server gracefully and waits until it has closed its listener.
    func stop() async {
        await services.triggerGracefulShutdown()
        _ = try? await task.value
    }
}
