import Testing
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL
import TestPKI
@testable import MockIdP

/// An identity provider started for one test, with a client that trusts only the test's CA.
struct Harness {
    static let clientID = "AbCdEfGhIjKlMnOp"
    static let secret = "s3cr3t-client-secret"
    static let audience = "https://{{ domain }}/api/v2/"

    let ca: TestCA
    let idp: IdentityProvider
    let http: HTTPClient

    static func start(clients: [IdentityProvider.Client]? = nil, audiences: [String] = ["vault"],
                      tokenLifetime: Duration = .seconds(86_400)) async throws -> Harness {
        let ca = try TestCA.generate()
        let server = try ca.issueServerCertificate()
        let configuration = IdentityProvider.Configuration(
            clients: clients ?? [.init(id: clientID, secret: secret, audiences: [audience, "vault"], scopes: ["read:secrets", "write:secrets"])],
            audiences: audiences, tokenLifetime: tokenLifetime)
        let idp = try await IdentityProvider.start(configuration, tls: (try server.certificatePEM, try server.privateKeyPEM))
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMBytes(Array(try ca.certificatePEM.utf8)))
        return Harness(ca: ca, idp: idp, http: HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(tlsConfiguration: tls)))
    }

    /// Runs `body` with a started harness and always stops it (an HTTPClient must be shut down before deinit).
    static func with<T>(clients: [IdentityProvider.Client]? = nil, audiences: [String] = ["vault"],
                        tokenLifetime: Duration = .seconds(86_400),
                        _ body: (Harness) async throws -> T) async throws -> T {
        let harness = try await start(clients: clients, audiences: audiences, tokenLifetime: tokenLifetime)
        do {
            let result = try await body(harness)
            await harness.stop()
            return result
        } catch {
            await harness.stop()
            throw error
        }
    }

    /// The Management API audience of this provider.
    var managementAudience: String { "https://\(idp.domain)/api/v2/" }

    func stop() async {
        try? await http.shutdown()
        await idp.stop()
    }

    struct Reply {
        var status: Int
        var headers: HTTPHeaders
        var body: String
        var json: [String: Any] {
            (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] ?? [:]
        }
    }

    func get(_ url: String) async throws -> Reply {
        try await send(HTTPClientRequest(url: url))
    }

    /// POSTs to the token endpoint; `body` is sent as-is with `contentType`.
    func postToken(_ body: String, contentType: String? = "application/x-www-form-urlencoded",
                   authorization: String? = nil) async throws -> Reply {
        var request = HTTPClientRequest(url: idp.tokenEndpoint)
        request.method = .POST
        if let contentType { request.headers.add(name: "Content-Type", value: contentType) }
        if let authorization { request.headers.add(name: "Authorization", value: authorization) }
        request.body = .bytes(ByteBuffer(string: body))
        return try await send(request)
    }

    /// A form body from pairs, percent-encoded.
    static func form(_ pairs: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return pairs.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)" }.joined(separator: "&")
    }

    static func basic(_ id: String, _ secret: String) -> String {
        "Basic " + Data("\(id):\(secret)".utf8).base64EncodedString()
    }

    /// A token for the management audience via client_secret_post.
    func token(audience: String? = nil) async throws -> String {
        let reply = try await postToken(Self.form([
            ("grant_type", "client_credentials"), ("client_id", Self.clientID), ("client_secret", Self.secret),
            ("audience", audience ?? managementAudience),
        ]))
        guard reply.status == 200, let token = reply.json["access_token"] as? String else {
            throw HarnessError.unexpected(reply.status, reply.body)
        }
        return token
    }

    private func send(_ request: HTTPClientRequest) async throws -> Reply {
        let response = try await http.execute(request, timeout: .seconds(10))
        let body = try await response.body.collect(upTo: 1 << 20)
        return Reply(status: Int(response.status.code), headers: response.headers, body: String(buffer: body))
    }
}

enum HarnessError: Error { case unexpected(Int, String) }

/// Decodes a JWT part without verifying anything.
func decodePart(_ token: String, _ index: Int) throws -> [String: Any] {
    var part = String(token.split(separator: ".")[index]).replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
    while part.count % 4 != 0 { part += "=" }
    let data = try #require(Data(base64Encoded: part))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
}
