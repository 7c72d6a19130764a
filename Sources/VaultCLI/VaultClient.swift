import Foundation
import GoValues

/// A Vault API client with the semantics of the Go `api` package the real CLI uses
/// (`Logical().Read/Write/List/Delete`, 404 handling, error wording).
struct VaultClient: Sendable {
    /// Base address, without a trailing slash.
    var address: String
    /// Token sent as `X-Vault-Token`.
    var token: String?
    /// `X-Vault-Namespace`, when set.
    var namespace: String?
    /// `X-Vault-Wrap-TTL` (Go duration text) for logical requests, when set.
    var wrapTTL: String?
    /// Where requests go.
    let transport: any VaultTransport

    /// Sends a request; transport failures throw, HTTP error statuses come back as `error`.
    func call(_ method: String, _ path: String, query: String? = nil, body: JSONValue? = nil,
              contentType: String? = nil, wrap: Bool = false) async throws(VaultAPIError)
        -> (response: VaultHTTPResponse, error: VaultAPIError?) {
        var url = address + "/v1/" + path
        if let query { url += "?" + query }
        var headers = ["X-Vault-Request": "true"]
        if let token, !token.isEmpty { headers["X-Vault-Token"] = token }
        if let namespace { headers["X-Vault-Namespace"] = namespace }
        if wrap, let wrapTTL { headers["X-Vault-Wrap-TTL"] = wrapTTL }
        if let contentType { headers["Content-Type"] = contentType }
        let request = VaultHTTPRequest(method: method, url: url, headers: headers,
                                       body: body.map { Data($0.goJSON().utf8) })
        let response: VaultHTTPResponse
        do {
            response = try await transport.send(request)
        } catch {
            throw .transport(method: method, url: url, message: error.message)
        }
        guard (200..<400).contains(response.status) || (response.status == 429 && path == "sys/health") else {
            return (response, Self.responseError(method: method, url: url, response: response))
        }
        return (response, nil)
    }

    /// Sends a request and throws on an error status.
    func checked(_ method: String, _ path: String, query: String? = nil, body: JSONValue? = nil,
                 contentType: String? = nil, wrap: Bool = false) async throws(VaultAPIError) -> VaultHTTPResponse {
        let (response, error) = try await call(method, path, query: query, body: body, contentType: contentType, wrap: wrap)
        if let error { throw error }
        return response
    }

    /// `Logical().ReadWithData`: a 404 is "no value" unless it carries data or warnings.
    func read(_ path: String, query: String? = nil) async throws(VaultAPIError) -> Secret? {
        let (response, error) = try await call("GET", path, query: query, wrap: true)
        if response.status == 404 {
            let secret = try Secret.parse(response.body)
            return secret?.hasContent == true ? secret : nil
        }
        if let error { throw error }
        return try Secret.parse(response.body)
    }

    /// `Logical().List`: `GET ?list=true` with the read semantics.
    func list(_ path: String) async throws(VaultAPIError) -> Secret? {
        try await read(path, query: "list=true")
    }

    /// `Logical().Write` (PUT) or a merge-patch (PATCH).
    func write(_ path: String, body: JSONValue, method: String = "PUT", contentType: String? = nil) async throws(VaultAPIError) -> Secret? {
        try await modify(method, path, body: body, contentType: contentType)
    }

    /// `Logical().Delete`.
    func delete(_ path: String, query: String? = nil) async throws(VaultAPIError) -> Secret? {
        try await modify("DELETE", path, query: query, body: nil, contentType: nil)
    }

    private func modify(_ method: String, _ path: String, query: String? = nil, body: JSONValue?,
                        contentType: String?) async throws(VaultAPIError) -> Secret? {
        let (response, error) = try await call(method, path, query: query, body: body, contentType: contentType, wrap: true)
        if let error { throw error }
        return try Secret.parse(response.body)
    }

    /// Decodes a JSON answer that is not a secret envelope (`sys/seal-status` and friends).
    func json(_ method: String, _ path: String, body: JSONValue? = nil) async throws(VaultAPIError) -> JSONValue {
        let response = try await checked(method, path, body: body)
        do {
            return try JSONValue.parse(response.body)
        } catch {
            throw .decoding(error.description)
        }
    }

    /// The Go client's `ResponseError` for an error status.
    static func responseError(method: String, url: String, response: VaultHTTPResponse) -> VaultAPIError {
        if let json = try? JSONValue.parse(response.body), case .object = json {
            let errors = (json["errors"]?.arrayValue ?? []).map { $0.stringValue ?? $0.goDescription }
            return .response(method: method, url: url, status: response.status, errors: errors, raw: false)
        }
        return .response(method: method, url: url, status: response.status,
                         errors: [String(decoding: response.body, as: UTF8.self)], raw: true)
    }
}
