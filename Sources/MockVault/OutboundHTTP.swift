import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL

/// GETs JSON documents for the JWT backend (JWKS, OIDC discovery), trusting a given CA or the configured bundle.
enum OutboundHTTP {
    struct Failure: Error {}

    /// The body of `url`, or `Failure` on any transport, TLS or non-200 error.
    static func get(_ url: String, caPEM: String, trustedCAFile: String?) async throws -> String {
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
            request.headers.add(name: "User-Agent", value: "Go-http-client/1.1")
            let response = try await client.execute(request, timeout: .seconds(3))
            let body = try await response.body.collect(upTo: 1 << 20)
            try await client.shutdown()
            guard response.status.code == 200 else { throw Failure() }
            return String(buffer: body)
        } catch {
            try? await client.shutdown()
            throw Failure()
        }
    }
}
