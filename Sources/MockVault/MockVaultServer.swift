/// MockVault: an embedded stand-in for `vault server -dev`, built on Hummingbird.
///
/// It answers the Vault HTTP API as OpenBao 2.7.2 does for the endpoints tutorials use (sys, KV v1/v2,
/// ACL policies, tokens, response wrapping, JWT, AppRole, Kubernetes and cert auth), with the same envelopes,
/// status codes and error texts as the captured fixtures. Policies are enforced, JWTs verified, TTLs expire
/// against an injectable clock. State lives in one actor, in memory. Hand-written because no Swift Vault
/// emulator exists; the JSON layer is ours so key order and Go's error texts match the real server.
import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOCore
import NIOSSL
import ServiceLifecycle
import TestPKI

/// A running mock Vault server.
public final class MockVaultServer: Sendable {
    /// The base URL clients use, e.g. `http://127.0.0.1:8200`.
    public let address: String
    /// The bound port.
    public let port: Int
    /// The root token.
    public let rootToken: String
    /// The dev server's unseal key (base64), nil for an uninitialised server.
    public let unsealKey: String?
    /// The CA certificate (PEM) that signed the TLS listener's certificate, when TLS is on.
    public let caPEM: String?
    /// Where the CA certificate was written (`vault-ca.pem`), when TLS is on.
    public let caFile: String?

    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    private init(address: String, port: Int, rootToken: String, unsealKey: String?, caPEM: String?, caFile: String?,
                 group: ServiceGroup, task: Task<Void, any Error>) {
        self.address = address
        self.port = port
        self.rootToken = rootToken
        self.unsealKey = unsealKey
        self.caPEM = caPEM
        self.caFile = caFile
        self.group = group
        self.task = task
    }

    /// Starts a server and returns once it accepts connections.
    public static func start(_ configuration: MockVaultConfiguration = MockVaultConfiguration()) async throws -> MockVaultServer {
        let core = VaultCore(configuration: configuration)
        let material: DevTLSMaterial?
        if let certificate = configuration.tlsCertificateFile, let key = configuration.tlsKeyFile {
            material = try DevTLSMaterial.load(certificateFile: certificate, keyFile: key)
        } else {
            material = configuration.tls ? try DevTLSMaterial.generate(directory: configuration.tlsCertDirectory) : nil
        }
        var logger = Logger(label: "mock-vault")
        logger.logLevel = .critical
        let server = try Self.serverBuilder(tls: material)
        let (ports, portContinuation) = AsyncStream<Int>.makeStream()
        let app = Application(
            responder: VaultResponder(core: core, readsClientCertificates: material != nil),
            server: server,
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? 0)
                portContinuation.finish()
            },
            logger: logger)
        let group = ServiceGroup(configuration: .init(
            services: [app], gracefulShutdownSignals: [], logger: logger))
        let task = Task {
            defer { portContinuation.finish() }  // a bind failure ends the stream without a port
            try await group.run()
        }
        var bound: Int?
        for await port in ports { bound = port }
        guard let bound, bound > 0 else {
            task.cancel()
            _ = try? await task.value
            throw MockVaultError.bindFailed(host: configuration.host, port: configuration.port)
        }
        let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
        return MockVaultServer(
            address: "\(material == nil ? "http" : "https")://\(host):\(bound)", port: bound,
            rootToken: await core.rootToken, unsealKey: await core.unsealKeyBase64,
            caPEM: material?.caPEM, caFile: material?.caFile, group: group, task: task)
    }

    /// Stops the server and waits for it to finish.
    public func stop() async {
        await group.triggerGracefulShutdown()
        _ = try? await task.value
    }

    private static func serverBuilder(tls material: DevTLSMaterial?) throws -> HTTPServerBuilder {
        guard let material else {
            return HTTPServerBuilder { responder in
                PreludeChannel(base: HTTP1Channel(responder: responder), handlers: { [ListMethodRewriter()] })
            }
        }
        var tls = TLSConfiguration.makeServerConfiguration(
            certificateChain: try NIOSSLCertificate.fromPEMBytes(Array(material.certificatePEM.utf8)).map { .certificate($0) },
            privateKey: .privateKey(try NIOSSLPrivateKey(bytes: Array(material.keyPEM.utf8), format: .pem)))
        tls.certificateVerification = .optionalVerification
        let channelConfiguration = TLSChannelConfiguration(
            tlsConfiguration: tls, customVerificationCallback: { presented, promise in
                // Every chain is accepted here; cert auth verifies it at login, as Vault does.
                PresentedChains.shared.record(presented)
                promise.succeed(.certificateVerified)
            })
        return HTTPServerBuilder { responder in
            let http = PreludeChannel(base: HTTP1Channel(responder: responder), handlers: { [ListMethodRewriter()] })
            let secure = try TLSChannel(http, configuration: channelConfiguration)
            return PreludeChannel(base: secure, handlers: { [PlainHTTPRejector()] })
        }
    }
}
