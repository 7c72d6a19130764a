import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL
@testable import MockVault
import GoValues

/// One HTTP answer, as the tests see it.
struct HTTPAnswer: Sendable {
    var status: Int
    var headers: [(String, String)]
    var text: String

    /// The body parsed as JSON (nil for no body or non-JSON).
    var json: JSONValue? { text.isEmpty ? nil : try? JSONValue.parse(text) }

    func header(_ name: String) -> String? {
        headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }
}

/// Sends real HTTP requests to a mock server.
struct VaultHTTP: Sendable {
    let base: String
    var client: HTTPClient = VaultHTTP.sharedClient

    /// A client that does not follow redirects (the mock's `/` answers 307 as Vault does).
    static let sharedClient = HTTPClient(eventLoopGroupProvider: .singleton,
                                         configuration: .init(redirectConfiguration: .disallow))

    func send(_ method: String, _ path: String, token: String? = nil, headers: [String: String] = [:],
              body: String? = nil) async throws -> HTTPAnswer {
        var request = HTTPClientRequest(url: base + path)
        request.method = HTTPMethod(rawValue: method)
        if let token { request.headers.add(name: "X-Vault-Token", value: token) }
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(string: body)) }
        let response = try await client.execute(request, timeout: .seconds(10))
        let bytes = try await response.body.collect(upTo: 4 << 20)
        return HTTPAnswer(status: Int(response.status.code), headers: response.headers.map { ($0.name, $0.value) },
                          text: String(buffer: bytes))
    }

    /// Sends `json` (an object) serialized.
    func send(_ method: String, _ path: String, token: String? = nil, json: JSONValue,
              headers: [String: String] = [:]) async throws -> HTTPAnswer {
        try await send(method, path, token: token, headers: headers, body: json.goJSON())
    }
}
