import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL

/// Outbound HTTPS for the auth backends (JWKS and OIDC discovery, Kubernetes TokenReview), trusting a given CA
/// or the configured bundle.
enum OutboundHTTP {
    struct Failure: Error {}

    /// The body of `url`, or `Failure` on any transport, TLS or non-200 error.
    static func get(_ url: String, caPEM: String, trustedCAFile: String?) async throws -> String {
        let (status, body) = try await send("GET", url, caPEM: caPEM, trustedCAFile: trustedCAFile)
        guard status == 200 else { throw Failure() }
        return body
    }

    /// Sends one request and returns its status and body; `Failure` on any transport or TLS error.
    static func send(_ method: String, _ url: String, body: String? = nil, headers: [(String, String)] = [],
                     caPEM: String, trustedCAFile: String?) async throws -> (status: Int, body: String) {
        var tls = TLSConfiguration.makeClientConfiguration()
        if !caPEM.isEmpty {
            tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMBytes(Array(caPEM.utf8)))
        } else if let trustedCAFile {
            tls.trustRoots = .file(trustedCAFile)
        }
        var configuration = HTTPClient.Configuration(tlsConfiguration: tls)
        configuration.timeout.connect = .seconds(2)
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        do {
            var request = HTTPClientRequest(url: url)
            request.method = HTTPMethod(rawValue: method)
            request.headers.add(name: "User-Agent", value: "Go-http-client/1.1")
            for (name, value) in headers { request.headers.add(name: name, value: value) }
            if let body { request.body = .bytes(ByteBuffer(string: body)) }
            let response = try await client.execute(request, timeout: .seconds(3))
            let collected = try await response.body.collect(upTo: 1 << 20)
            try await client.shutdown()
            return (Int(response.status.code), String(buffer: collected))
        } catch {
            try? await client.shutdown()
            throw Failure()
        }
    }
}
