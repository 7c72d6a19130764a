import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOSSL
import ServiceLifecycle
import TestPKI
@testable import MockVault
import GoValues

/// A tiny identity provider for tests: JWKS and OIDC discovery over HTTP and HTTPS (per-run CA), and the
/// TokenReview stand-in the fixtures were captured with (`vault-capture/mockk8s.py`: every token is
/// authenticated as the account its claims name, unless it carries `"revoked": true`).

final class JWKSServer: Sendable {
    let httpBase: String
    let httpsBase: String
    let caPEM: String
    let caFile: String
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    private init(httpBase: String, httpsBase: String, caPEM: String, caFile: String, group: ServiceGroup, task: Task<Void, any Error>) {
        self.httpBase = httpBase
        self.httpsBase = httpsBase
        self.caPEM = caPEM
        self.caFile = caFile
        self.group = group
        self.task = task
    }

    static func start(jwks: String = TestJWT.jwks) async throws -> JWKSServer {
        let ca = try TestCA.generate()
        let leaf = try ca.issueServerCertificate(hosts: ["127.0.0.1", "localhost"])
        let caPEM = try ca.certificatePEM + "\n"
        let caFile = NSTemporaryDirectory() + "jwks-ca-\(UUID().uuidString).pem"
        try caPEM.write(toFile: caFile, atomically: true, encoding: .utf8)
        let ports = PortBox()
        var logger = Logger(label: "jwks")
        logger.logLevel = .critical
        func app(tls: Bool) throws -> some Service {
            let router = Router()
            router.get("/.well-known/jwks.json") { _, _ in jwks }
            router.post("/apis/authentication.k8s.io/v1/tokenreviews") { request, _ -> Response in
                let body = try await request.body.collect(upTo: 1 << 20)
                let review = (try? JSONValue.parse(String(buffer: body))) ?? .object([])
                let answer = JWKSServer.tokenReview(review)
                return Response(status: .created, headers: [.contentType: "application/json"],
                                body: .init(byteBuffer: ByteBuffer(string: answer.goJSON())))
            }
            router.get("/.well-known/openid-configuration") { _, _ -> String in
                let base = await ports.httpsBase
                return "{\"issuer\":\"\(base)/\",\"jwks_uri\":\"\(base)/.well-known/jwks.json\"}"
            }
            let server: HTTPServerBuilder
            if tls {
                let config = TLSConfiguration.makeServerConfiguration(
                    certificateChain: try NIOSSLCertificate.fromPEMBytes(Array(try leaf.certificatePEM.utf8)).map { .certificate($0) },
                    privateKey: .privateKey(try NIOSSLPrivateKey(bytes: Array(try leaf.privateKeyPEM.utf8), format: .pem)))
                server = try .tls(.http1(), tlsConfiguration: config)
            } else {
                server = .http1()
            }
            return Application(router: router, server: server, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                               onServerRunning: { channel in await ports.set(tls: tls, port: channel.localAddress?.port ?? 0) },
                               logger: logger)
        }
        let group = ServiceGroup(configuration: .init(services: [try app(tls: false), try app(tls: true)],
                                                      gracefulShutdownSignals: [], logger: logger))
        let task = Task { try await group.run() }
        let (http, https) = await ports.wait()
        return JWKSServer(httpBase: "http://127.0.0.1:\(http)", httpsBase: "https://127.0.0.1:\(https)", caPEM: caPEM,
                          caFile: caFile, group: group, task: task)
    }

    /// The capture's stand-in answer to a TokenReview.
    static func tokenReview(_ review: JSONValue) -> JSONValue {
        let spec = review["spec"] ?? .object([])
        let parts = (spec["token"]?.stringValue ?? "").split(separator: ".", omittingEmptySubsequences: false)
        let claims = parts.count == 3 ? JWTVerifier.base64URL(parts[1]).flatMap { try? JSONValue.parse(bytes: $0) } : nil
        let status: JSONValue
        if let claims, claims["revoked"] != .bool(true) {
            let k = claims["kubernetes.io"]
            let namespace = k?["namespace"]?.stringValue ?? claims["kubernetes.io/serviceaccount/namespace"]?.stringValue ?? ""
            let name = k?["serviceaccount"]?["name"]?.stringValue ?? claims["kubernetes.io/serviceaccount/service-account.name"]?.stringValue ?? ""
            let uid = k?["serviceaccount"]?["uid"]?.stringValue ?? claims["kubernetes.io/serviceaccount/service-account.uid"]?.stringValue ?? ""
            let audiences = spec["audiences"].flatMap { $0.arrayValue?.isEmpty == false ? $0 : nil } ?? .strings(["https://kubernetes.default.svc.cluster.local"])
            status = .object([("authenticated", .bool(true)), ("user", .object([
                ("username", .string("system:serviceaccount:\(namespace):\(name)")), ("uid", .string(uid)),
                ("groups", .strings(["system:serviceaccounts", "system:serviceaccounts:\(namespace)", "system:authenticated"])),
            ])), ("audiences", audiences)])
        } else {
            status = .object([("authenticated", .bool(false)), ("error", .string("[invalid bearer token, token has been invalidated]"))])
        }
        return .object([("kind", .string("TokenReview")), ("apiVersion", .string("authentication.k8s.io/v1")), ("spec", spec), ("status", status)])
    }

    func stop() async {
        await group.triggerGracefulShutdown()
        _ = try? await task.value
    }
}

private actor PortBox {
    var http = 0
    var https = 0

    var httpsBase: String { "https://127.0.0.1:\(https)" }

    func set(tls: Bool, port: Int) {
        if tls { https = port } else { http = port }
    }

    func wait() async -> (Int, Int) {
        while http == 0 || https == 0 { try? await Task.sleep(for: .milliseconds(2)) }
        return (http, https)
    }
}
