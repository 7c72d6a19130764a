import Foundation
import X509

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
            let value = try JSONParser.parse(bytes: Array(trimmed))
            switch value {
            case .null: return .success([])
            case let .object(members): return .success(members)
            case .array: return .failure(.typeMismatch("array"))
            case .string: return .failure(.typeMismatch("string"))
            case .bool: return .failure(.typeMismatch("bool"))
            case .int, .double: return .failure(.typeMismatch("number"))
            }
        } catch {
            return .failure(.syntax("\(error)"))
        }
    }
}

/// Why a request body was refused.
enum VaultResponseError: Error {
    case syntax(String)
    case typeMismatch(String)

    var response: VaultResponse {
        switch self {
        case let .syntax(message):
            return .error(400, "failed to decode JSON input: \(message)")
        case let .typeMismatch(kind):
            return .error(400, "failed to decode JSON input: json: cannot unmarshal \(kind) into Go value of type map[string]interface {}")
        }
    }
}

/// Field access over a decoded request body, with Vault's loose typing (CLI sends every value as a string).
struct RequestFields: Sendable {
    var members: [(String, JSONValue)]

    subscript(_ key: String) -> JSONValue? {
        members.last { $0.0 == key }?.1
    }

    func has(_ key: String) -> Bool { members.contains { $0.0 == key } }

    func string(_ key: String) -> String? {
        switch self[key] {
        case let .string(s)?: return s
        case let .int(i)?: return String(i)
        case let .bool(b)?: return b ? "true" : "false"
        case let .double(d)?: return String(d)
        default: return nil
        }
    }

    /// A comma-separated string or a list, as Vault's `TypeCommaStringSlice`.
    func list(_ key: String) -> [String]? {
        switch self[key] {
        case let .string(s)?:
            return s.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        case let .array(items)?:
            return items.compactMap { item -> String? in
                switch item {
                case let .string(s): return s.trimmingCharacters(in: .whitespaces)
                case let .int(i): return String(i)
                default: return nil
                }
            }
        case .null?: return []
        default: return nil
        }
    }

    func bool(_ key: String) -> Bool? {
        switch self[key] {
        case let .bool(b)?: return b
        case let .string(s)?: return ["true", "1", "t", "T", "TRUE", "True"].contains(s) ? true : (["false", "0", "f", "F", "FALSE", "False", ""].contains(s) ? false : nil)
        case let .int(i)?: return i != 0
        default: return nil
        }
    }

    func int(_ key: String) -> Int? {
        switch self[key] {
        case let .int(i)?: return i
        case let .double(d)?: return Int(d)
        case let .string(s)?: return Int(s)
        default: return nil
        }
    }

    /// Seconds from a duration field.
    func seconds(_ key: String) -> Int? { GoDuration.seconds(self[key]) }
}
