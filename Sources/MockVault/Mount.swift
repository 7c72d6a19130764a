import GoValues

/// A secrets engine or auth method mounted at a path.
struct Mount: Sendable {
    var path: String
    var type: String
    var description: String
    var accessor: String
    var uuid: String
    var options: JSONValue
    var local: Bool = false
    var sealWrap: Bool = false
    var isAuth: Bool
    var builtin: Bool = false
    var passthroughHeaders: [String]? = nil
    /// Tuned lease TTLs in seconds (0 = the system default, 768 h).
    var defaultLeaseTTL = 0
    var maxLeaseTTL = 0

    /// The KV version ("1" or "2"), nil for other engines.
    var kvVersion: String? {
        guard type == "kv" else { return nil }
        return options["version"]?.stringValue ?? "1"
    }

    /// The entry as `sys/mounts` and `sys/auth` list it.
    var entry: JSONValue {
        var config: [(String, JSONValue)] = [
            ("default_lease_ttl", .int(defaultLeaseTTL)), ("force_no_cache", .bool(false)), ("max_lease_ttl", .int(maxLeaseTTL)),
        ]
        if let passthroughHeaders { config.append(("passthrough_request_headers", .strings(passthroughHeaders))) }
        if isAuth { config.append(("token_type", .string("default-service"))) }
        var members: [(String, JSONValue)] = [("accessor", .string(accessor)), ("config", .object(config))]
        if !builtin { members.append(("deprecation_status", .string("supported"))) }
        members += [
            ("description", .string(description)),
            ("external_entropy_access", .bool(false)),
            ("local", .bool(local)),
            ("options", options),
            ("plugin_version", .string("")),
            ("running_plugin_version", .string("v\(MockVaultFidelity.openBaoVersion)+builtin.bao")),
            ("running_sha256", .string("")),
            ("seal_wrap", .bool(sealWrap)),
            ("type", .string(type)),
            ("uuid", .string(uuid)),
        ]
        return .object(members)
    }

    /// A new mount with fresh identifiers.
    static func make(path: String, type: String, description: String, options: JSONValue, isAuth: Bool) -> Mount {
        let prefix = isAuth ? "auth_\(type)_" : (type == "kv" ? "kv_" : "\(type)_")
        return Mount(path: path, type: type, description: description, accessor: prefix + RandomID.hex(8),
                     uuid: RandomID.uuid(), options: options, isAuth: isAuth)
    }
}
