import Foundation
import X509
import GoValues

/// One HTTP request as the mock sees it, transport details removed.
struct VaultRequest: Sendable {
    /// Upper-cased HTTP method (`LIST` kept as is).
    var method: String
    /// The full request path, e.g. `/v1/secret/data/password`.
    var rawPath: String
    /// Query parameters (last value wins).
    var query: [String: String]
    /// Header values by lower-cased name.
    var headers: [String: String]
    /// The raw request body.
    var body: [UInt8]
    /// The verified-or-not client certificate chain presented over TLS, leaf first.
    var clientCertificates: [Certificate] = []
    /// The client's IP address (for bound CIDRs); loopback when unknown.
    var remoteAddress = "127.0.0.1"

    /// The path below `/v1/`, or nil when the request is outside the API.
    var apiPath: String? {
        guard rawPath.hasPrefix("/v1/") else { return nil }
        let rest = String(rawPath.dropFirst(4))
        return rest.removingPercentEncoding ?? rest
    }

    /// True for `LIST` and `GET ?list=true`.
    var isList: Bool {
        method == "LIST" || (method == "GET" && (query["list"] == "true" || query["list"] == "1"))
    }

    /// True for methods that carry a JSON body Vault decodes.
    var isWrite: Bool { ["PUT", "POST", "PATCH"].contains(method) }

    /// The query's parameters as a read's request data (Vault's `parseQuery`; `list` is the operation, not data).
    var queryParameters: [(String, JSONValue)] {
        query.filter { $0.key != "list" }.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }
    }

    /// The client token from `X-Vault-Token` or `Authorization: Bearer`.
    var token: String? {
        if let t = headers["x-vault-token"], !t.isEmpty { return t }
        if let auth = headers["authorization"], auth.lowercased().hasPrefix("bearer ") {
            let t = String(auth.dropFirst(7)).trimmingCharacters(in: .whitespaces)
            return t.isEmpty ? nil : t
        }
        return nil
    }

    /// Parses the body as Vault does: empty or `null` means no data; anything but an object is an error.
    func decodedBody() -> Result<[(String, JSONValue)], VaultResponseError> {
        let trimmed = body.drop { [0x20, 0x09, 0x0A, 0x0D].contains($0) }
        if trimmed.isEmpty { return .success([]) }
        do {
            let value = try JSONValue.parse(bytes: Array(trimmed))
            switch value {
            case .null: return .success([])
            case let .object(members): return .success(members)
            case .array: return .failure(.typeMismatch("array"))
            case .string: return .failure(.typeMismatch("string"))
            case .bool: return .failure(.typeMismatch("bool"))
            case .number: return .failure(.typeMismatch("number"))
            }
        } catch {
            return .failure(.syntax("\(error)"))
        }
    }
}
