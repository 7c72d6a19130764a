import Foundation
import GoValues

/// A Vault response envelope, as the Go client's `api.Secret`.
struct Secret: Sendable {
    var requestID = ""
    var leaseID = ""
    var leaseDuration = 0
    var renewable = false
    /// `data`, an object, or nil when absent or null.
    var data: JSONValue?
    var warnings: [String]?
    /// `auth`, when present and not null.
    var auth: JSONValue?
    /// `wrap_info`, when present and not null.
    var wrapInfo: JSONValue?

    /// Whether a 404 carrying this would still count as an answer (data or warnings).
    var hasContent: Bool {
        !(warnings ?? []).isEmpty || !(data?.objectValue ?? []).isEmpty
    }

    /// `ParseSecret`: nil for an empty body.
    static func parse(_ body: Data) throws(VaultAPIError) -> Secret? {
        guard !body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else { return nil }
        let json: JSONValue
        do {
            json = try JSONValue.parse(body)
        } catch {
            throw .decoding(error.description)
        }
        return Secret(json: json)
    }

    /// Reads the envelope fields from decoded JSON.
    init(json: JSONValue) {
        requestID = json["request_id"]?.stringValue ?? ""
        leaseID = json["lease_id"]?.stringValue ?? ""
        leaseDuration = json["lease_duration"]?.intValue ?? 0
        renewable = json["renewable"]?.boolValue ?? false
        if let d = json["data"], case .object = d { data = d }
        warnings = json["warnings"]?.arrayValue?.compactMap(\.stringValue)
        if let a = json["auth"], case .object = a { auth = a }
        if let w = json["wrap_info"], case .object = w { wrapInfo = w }
    }

    init(data: JSONValue?, auth: JSONValue? = nil) {
        self.data = data
        self.auth = auth
    }

    /// The secret as the CLI's `-format=json` prints it (Go struct order, maps sorted).
    var goJSONValue: JSONValue {
        var members: [(String, JSONValue)] = [
            ("request_id", .string(requestID)),
            ("lease_id", .string(leaseID)),
            ("lease_duration", .number(String(leaseDuration))),
            ("renewable", .bool(renewable)),
            ("data", data?.sortedKeys() ?? .null),
            ("warnings", warnings.map { .array($0.map(JSONValue.string)) } ?? .null),
        ]
        if let auth {
            let fields: [(String, JSONValue)] = [
                ("client_token", auth["client_token"] ?? .string("")),
                ("accessor", auth["accessor"] ?? .string("")),
                ("policies", auth["policies"] ?? .null),
                ("token_policies", auth["token_policies"] ?? .null),
                ("identity_policies", auth["identity_policies"] ?? .null),
                ("metadata", auth["metadata"]?.sortedKeys() ?? .null),
                ("orphan", auth["orphan"] ?? .bool(false)),
                ("entity_id", auth["entity_id"] ?? .string("")),
                ("lease_duration", auth["lease_duration"] ?? .number("0")),
                ("renewable", auth["renewable"] ?? .bool(false)),
                ("mfa_requirement", auth["mfa_requirement"]?.sortedKeys() ?? .null),
            ]
            members.append(("auth", .object(fields)))
        }
        if let wrapInfo {
            let fields: [(String, JSONValue)] = [
                ("token", wrapInfo["token"] ?? .string("")),
                ("accessor", wrapInfo["accessor"] ?? .string("")),
                ("ttl", wrapInfo["ttl"] ?? .number("0")),
                ("creation_time", wrapInfo["creation_time"] ?? .string("0001-01-01T00:00:00Z")),
                ("creation_path", wrapInfo["creation_path"] ?? .string("")),
                ("wrapped_accessor", wrapInfo["wrapped_accessor"] ?? .string("")),
            ]
            members.append(("wrap_info", .object(fields)))
        }
        return .object(members)
    }
}
