public import Foundation

/// One HTTP request the CLI sends to Vault.
public struct VaultHTTPRequest: Sendable, Equatable {
    /// HTTP method (`GET`, `PUT`, `POST`, `DELETE`, `PATCH`).
    public var method: String
    /// Full URL, including any query string.
    public var url: String
    /// Request headers.
    public var headers: [String: String]
    /// Request body, if any.
    public var body: Data?

    /// Creates a request.
    public init(method: String, url: String, headers: [String: String] = [:], body: Data? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}

/// The status and body of a Vault HTTP response.
public struct VaultHTTPResponse: Sendable, Equatable {
    /// HTTP status code.
    public var status: Int
    /// Raw response body.
    public var body: Data

    /// Creates a response.
    public init(status: Int, body: Data) {
        self.status = status
        self.body = body
    }
}

/// A request that never got an HTTP answer; `message` is worded as Go's net/http error
/// (`dial tcp 127.0.0.1:8200: connect: connection refused`).
public struct VaultTransportError: Error, CustomStringConvertible, Sendable {
    /// The Go-style cause, without the `Get "URL": ` prefix.
    public let message: String
    /// Creates an error.
    public init(message: String) { self.message = message }
    public var description: String { message }
}

/// Sends requests to Vault: HTTP in production, a recorded exchange in tests.
public protocol VaultTransport: Sendable {
    /// Sends one request and returns the answer, or throws ``VaultTransportError``.
    func send(_ request: VaultHTTPRequest) async throws(VaultTransportError) -> VaultHTTPResponse
}
