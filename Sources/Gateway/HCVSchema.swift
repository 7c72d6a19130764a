import Foundation

/// The HashiCorp Vault (`hcv`) backend's config schema, as documented for Kong Gateway 3.x.
public enum HCVSchema {
    private static func v(_ major: Int, _ minor: Int) -> GatewayVersion { GatewayVersion(major, minor) }

    /// Every config field in schema order, with the version it appeared in.
    public static let fields: [HCVField] = [
        HCVField("protocol", .string, default: .string("http"),
                 allowed: [("http", v(3, 0)), ("https", v(3, 0))]),
        HCVField("host", .string, default: .string("127.0.0.1")),
        HCVField("port", .integer, default: .int(8200), range: 0...65535),
        HCVField("mount", .string, default: .string("secret")),
        HCVField("kv", .string, default: .string("v1"), allowed: [("v1", v(3, 0)), ("v2", v(3, 0))]),
        HCVField("token", .string),
        HCVField("namespace", .string, since: v(3, 1)),
        HCVField("auth_method", .string, default: .string("token"), allowed: [
            ("token", v(3, 0)), ("kubernetes", v(3, 1)), ("approle", v(3, 4)), ("cert", v(3, 11)),
            ("oauth2", v(3, 13)), ("jwt", v(3, 13)),
            ("gcp_iam", v(3, 14)), ("gcp_gce", v(3, 14)), ("azure", v(3, 14)),
            ("aws_ec2", v(3, 14)), ("aws_iam", v(3, 14)),
        ], since: v(3, 1)),
        HCVField("kube_role", .string, since: v(3, 1)),
        HCVField("kube_api_token_file", .string,
                 default: .string("/run/secrets/kubernetes.io/serviceaccount/token"), since: v(3, 1)),
        HCVField("kube_auth_path", .string, default: .string("kubernetes"), since: v(3, 4)),
        HCVField("approle_auth_path", .string, default: .string("approle"), since: v(3, 4)),
        HCVField("approle_role_id", .string, since: v(3, 4)),
        HCVField("approle_secret_id", .string, since: v(3, 4)),
        HCVField("approle_secret_id_file", .string, since: v(3, 4)),
        HCVField("approle_response_wrapping", .boolean, default: .bool(false), since: v(3, 4)),
        HCVField("cert_auth_role_name", .string, since: v(3, 11)),
        HCVField("cert_auth_cert", .string, since: v(3, 11)),
        HCVField("cert_auth_cert_key", .string, since: v(3, 11)),
        HCVField("oauth2_role_name", .string, since: v(3, 13)),
        HCVField("oauth2_token_endpoint", .string, since: v(3, 13)),
        HCVField("oauth2_client_id", .string, since: v(3, 13)),
        HCVField("oauth2_client_secret", .string, since: v(3, 13)),
        HCVField("oauth2_audiences", .string, since: v(3, 13)),
        HCVField("jwt_role", .string, since: v(3, 13)),
        HCVField("gcp_auth_role", .string, since: v(3, 14)),
        HCVField("gcp_login_path", .string, default: .string("/v1/auth/gcp/login"), since: v(3, 14)),
        HCVField("gcp_service_account", .string, since: v(3, 14)),
        HCVField("gcp_jwt_exp", .integer, range: 0...900, since: v(3, 14)),
        HCVField("azure_auth_role", .string, since: v(3, 14)),
        HCVField("azure_login_path", .string, default: .string("/v1/auth/azure/login"), since: v(3, 14)),
        HCVField("aws_auth_role", .string, since: v(3, 14)),
        HCVField("aws_login_path", .string, default: .string("/v1/auth/aws/login"), since: v(3, 14)),
        HCVField("aws_auth_region", .string, since: v(3, 14)),
        HCVField("aws_auth_nonce", .string, since: v(3, 14)),
        HCVField("aws_access_key_id", .string, since: v(3, 14)),
        HCVField("aws_secret_access_key", .string, since: v(3, 14)),
        HCVField("aws_sts_endpoint_url", .string, since: v(3, 14)),
        HCVField("aws_assume_role_arn", .string, since: v(3, 14)),
        HCVField("aws_role_session_name", .string, default: .string("kong"), since: v(3, 14)),
        HCVField("ssl_verify", .boolean, default: .bool(true), since: v(3, 14)),
        HCVField("base64_decode", .boolean, since: v(3, 11)),
        HCVField("ttl", .number, range: 0...100_000_000),
        HCVField("neg_ttl", .number, range: 0...100_000_000),
        HCVField("resurrect_ttl", .number, range: 0...100_000_000),
    ]

    /// The fields Kong `version` knows.
    public static func fields(in version: GatewayVersion) -> [HCVField] {
        fields.filter { ($0.since ?? GatewayVersion(0, 0)) <= version }
    }

    /// The field named `name`, whatever its version.
    public static func field(named name: String) -> HCVField? {
        fields.first { $0.name == name }
    }

    /// Groups of fields an `auth_method` needs: each inner list needs at least one non-empty member.
    public static func requiredFields(for authMethod: String) -> [[String]] {
        switch authMethod {
        case "token": [["token"]]
        case "approle": [["approle_role_id"], ["approle_secret_id", "approle_secret_id_file"]]
        case "kubernetes": [["kube_role"]]
        case "cert": [["cert_auth_cert"], ["cert_auth_cert_key"]]
        case "oauth2": [["oauth2_role_name"], ["oauth2_token_endpoint"], ["oauth2_client_id"], ["oauth2_client_secret"]]
        case "jwt": [["jwt_role", "oauth2_role_name"], ["oauth2_token_endpoint"], ["oauth2_client_id"], ["oauth2_client_secret"]]
        case "gcp_iam": [["gcp_auth_role"], ["gcp_service_account"], ["gcp_jwt_exp"]]
        case "gcp_gce": [["gcp_auth_role"]]
        case "azure": [["azure_auth_role"]]
        case "aws_ec2": [["aws_auth_role"], ["aws_auth_nonce"]]
        case "aws_iam": [["aws_auth_role"], ["aws_auth_region"]]
        default: []
        }
    }

    /// Converts `value` to the field's type; nil when it does not fit (strings are type-inferred, as Kong does for query overrides).
    static func coerce(_ value: GatewayJSON, to field: HCVField, inferFromString: Bool) -> GatewayJSON? {
        switch (field.kind, value) {
        case (.string, .string): return value
        case (.integer, .int): return value
        case (.integer, .double(let d)) where d.rounded() == d: return .int(Int(d))
        case (.number, .int), (.number, .double): return value
        case (.boolean, .bool): return value
        case (.integer, .string(let s)) where inferFromString: return Int(s).map(GatewayJSON.int)
        case (.number, .string(let s)) where inferFromString: return Double(s).map(GatewayJSON.double)
        case (.boolean, .string(let s)) where inferFromString:
            switch s { case "true", "on": return .bool(true); case "false", "off": return .bool(false); default: return nil }
        default: return nil
        }
    }

    /// Kong's schema message for a value of the wrong type.
    static func typeMessage(_ kind: HCVField.Kind) -> String {
        switch kind {
        case .string: "expected a string"
        case .integer: "expected an integer"
        case .number: "expected a number"
        case .boolean: "expected a boolean"
        }
    }

    /// Validates an entity `config` for `version`; returns `(field path, message)` pairs in Kong's wording.
    public static func violations(in config: [String: GatewayJSON], version: GatewayVersion) -> [(String, String)] {
        var result: [(String, String)] = []
        let known = Set(fields(in: version).map(\.name))
        for key in config.keys.sorted() where !known.contains(key) {
            result.append(("config.\(key)", "unknown field"))
        }
        for field in fields(in: version) {
            guard let value = config[field.name], value != .null else { continue }
            guard let typed = coerce(value, to: field, inferFromString: false) else {
                result.append(("config.\(field.name)", typeMessage(field.kind)))
                continue
            }
            if let allowed = field.allowedValues(in: version), let s = typed.stringValue, !allowed.contains(s) {
                result.append(("config.\(field.name)", "expected one of: " + allowed.joined(separator: ", ")))
            }
            if let range = field.range {
                let number: Double? = switch typed { case .int(let i): Double(i); case .double(let d): d; default: nil }
                if let number, !range.contains(number) {
                    result.append(("config.\(field.name)",
                                   "value should be between \(format(range.lowerBound)) and \(format(range.upperBound))"))
                }
            }
        }
        let authMethod = config["auth_method"]?.stringValue ?? "token"
        for fullGroup in requiredFields(for: authMethod) {
            let group = fullGroup.filter { known.contains($0) }
            if group.isEmpty { continue }
            let present = group.contains { name in
                guard let v = config[name] else { return false }
                if case .string(let s) = v { return !s.trimmingCharacters(in: .whitespaces).isEmpty }
                return v != .null
            }
            if present { continue }
            if group.count == 1 {
                result.append(("config.\(group[0])", "required field missing"))
            } else {
                let names = group.map { "'\($0)'" }.joined(separator: ", ")
                result.append(("config", "must set one of \(names) when 'auth_method' is '\(authMethod)'"))
            }
        }
        return result
    }

    private static func format(_ d: Double) -> String {
        d.rounded() == d ? String(Int(d)) : String(d)
    }
}
