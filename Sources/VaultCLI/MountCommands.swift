import GoValues

/// `vault secrets enable|disable|list|tune` and `vault auth enable|disable|list|tune`.
enum MountCommands {
    /// Which mount table a command works on.
    enum Kind {
        case secrets, auth

        var apiPrefix: String { self == .secrets ? "sys/mounts" : "sys/auth" }
    }

    static func run(_ kind: Kind, _ arguments: [String], _ context: CommandContext) async -> Int32 {
        let rest = Array(arguments.dropFirst())
        switch arguments.first {
        case "enable": return await enable(kind, rest, context)
        case "disable": return await disable(kind, rest, context)
        case "list": return await list(kind, rest, context)
        case "tune": return await tune(kind, rest, context)
        default:
            context.console.error("Usage: vault \(kind == .secrets ? "secrets" : "auth") <enable|disable|list|tune> [options] [args]")
            return 1
        }
    }

    static func enable(_ kind: Kind, _ arguments: [String], _ context: CommandContext) async -> Int32 {
        guard let flags = context.parse(arguments, extra: [
            .value("path"), .value("description"), .value("default-lease-ttl"), .value("max-lease-ttl"),
            .bool("force-no-cache"), .bool("local"), .bool("seal-wrap"), .bool("external-entropy-access"),
            .value("version"), .value("options"), .value("plugin-name"), .value("plugin-version"),
            .value("listing-visibility"), .value("passthrough-request-headers"), .value("allowed-response-headers"),
            .value("audit-non-hmac-request-keys"), .value("audit-non-hmac-response-keys"),
        ]), context.expect(flags.positional, count: 1) else { return 1 }
        guard let client = context.client(flags) else { return 2 }
        let type = flags.positional[0]
        let path = VaultPaths.withTrailingSlash(VaultPaths.sanitize(flags.string("path") ?? type))
        var options = KeyValueArguments.pairs(flags.all("options"))
        if let version = flags.string("version"), version != "0" { options.append(("version", .string(version))) }
        let body: JSONValue = .object([
            ("type", .string(type)), ("description", .string(flags.string("description") ?? "")),
            ("config", .object([("options", .null), ("default_lease_ttl", .string(flags.durationText("default-lease-ttl"))),
                                ("max_lease_ttl", .string(flags.durationText("max-lease-ttl"))), ("force_no_cache", .bool(flags.bool("force-no-cache")))])),
            ("local", .bool(flags.bool("local"))), ("seal_wrap", .bool(flags.bool("seal-wrap"))),
            ("external_entropy_access", .bool(flags.bool("external-entropy-access"))),
            ("options", options.isEmpty ? .null : .object(options).sortedKeys()),
        ])
        do {
            _ = try await client.checked("POST", "\(kind.apiPrefix)/\(VaultPaths.sanitize(path))", body: body)
        } catch {
            context.console.error(kind == .secrets ? "Error enabling: \(error)" : "Error enabling \(type) auth: \(error)")
            return 2
        }
        context.console.info(kind == .secrets ? "Success! Enabled the \(type) secrets engine at: \(path)"
                                              : "Success! Enabled \(type) auth method at: \(path)")
        return 0
    }

    static func disable(_ kind: Kind, _ arguments: [String], _ context: CommandContext) async -> Int32 {
        guard let flags = context.parse(arguments), context.expect(flags.positional, count: 1) else { return 1 }
        let path = VaultPaths.withTrailingSlash(VaultPaths.sanitize(flags.positional[0]))
        guard let client = context.client(flags) else { return 2 }
        do {
            _ = try await client.checked("DELETE", "\(kind.apiPrefix)/\(VaultPaths.sanitize(path))")
        } catch {
            context.console.error(kind == .secrets ? "Error disabling secrets engine at \(path): \(error)"
                                                   : "Error disabling auth method at \(path): \(error)")
            return 2
        }
        context.console.info(kind == .secrets ? "Success! Disabled the secrets engine (if it existed) at: \(path)"
                                              : "Success! Disabled the auth method (if it existed) at: \(path)")
        return 0
    }

    static func list(_ kind: Kind, _ arguments: [String], _ context: CommandContext) async -> Int32 {
        guard let flags = context.parse(arguments, extra: [.bool("detailed")]), context.expect(flags.positional, count: 0) else { return 1 }
        let mounts: [(String, JSONValue)]
        guard let client = context.client(flags) else { return 2 }
        do {
            let response = try await client.json("GET", kind.apiPrefix)
            mounts = (response["data"]?.objectValue ?? []).sorted { $0.0 < $1.0 }
        } catch {
            context.console.error(kind == .secrets ? "Error listing secrets engines: \(error)"
                                                   : "Error listing enabled authentications: \(error)")
            return 2
        }
        if context.format == "json" {
            context.console.info(JSONValue.object(mounts.map { ($0.0, mountOutput($0.1)) }).goIndentedJSON())
            return 0
        }
        var rows = [kind == .secrets ? "Path | Type | Accessor | Description" : "Path | Type | Accessor | Description | Version"]
        for (path, mount) in mounts {
            var cells = [path, mount["type"]?.goDescription ?? "", mount["accessor"]?.goDescription ?? "",
                         mount["description"]?.goDescription ?? ""]
            if kind == .auth { cells.append(mount["plugin_version"]?.goDescription ?? "") }
            rows.append(cells.joined(separator: " | "))
        }
        context.console.info(Columns.table(rows))
        return 0
    }

    /// The Go client's `MountOutput` struct for one mount, in field order.
    static func mountOutput(_ m: JSONValue) -> JSONValue {
        func v(_ k: String, _ d: JSONValue) -> JSONValue { m[k] ?? d }
        let config = m["config"] ?? .object([])
        var c: [(String, JSONValue)] = [
            ("default_lease_ttl", config["default_lease_ttl"] ?? .number("0")),
            ("max_lease_ttl", config["max_lease_ttl"] ?? .number("0")),
            ("force_no_cache", config["force_no_cache"] ?? .bool(false)),
        ]
        for key in ["audit_non_hmac_request_keys", "audit_non_hmac_response_keys", "listing_visibility",
                    "passthrough_request_headers", "allowed_response_headers", "token_type", "allowed_managed_keys"] {
            if let value = config[key], !isEmpty(value) { c.append((key, value)) }
        }
        return .object([
            ("uuid", v("uuid", .string(""))), ("type", v("type", .string(""))),
            ("description", v("description", .string(""))), ("accessor", v("accessor", .string(""))),
            ("config", .object(c)), ("options", m["options"]?.sortedKeys() ?? .null),
            ("local", v("local", .bool(false))), ("seal_wrap", v("seal_wrap", .bool(false))),
            ("external_entropy_access", v("external_entropy_access", .bool(false))),
            ("plugin_version", v("plugin_version", .string(""))),
            ("running_plugin_version", v("running_plugin_version", .string(""))),
            ("running_sha256", v("running_sha256", .string(""))),
            ("deprecation_status", v("deprecation_status", .string(""))),
        ])
    }

    private static func isEmpty(_ value: JSONValue) -> Bool {
        switch value {
        case .null: true
        case .string(let s): s.isEmpty
        case .array(let a): a.isEmpty
        default: false
        }
    }

    /// `secrets tune PATH` / `auth tune PATH`: lease TTLs, description and options of a mount.
    static func tune(_ kind: Kind, _ arguments: [String], _ context: CommandContext) async -> Int32 {
        guard let flags = context.parse(arguments, extra: [
            .value("default-lease-ttl"), .value("max-lease-ttl"), .value("description"), .value("options"), .value("version"),
        ]) else { return 1 }
        guard flags.positional.count == 1 else {
            context.console.error(flags.positional.isEmpty ? "Not enough arguments (expected 1, got 0)"
                                  : "Too many arguments (expected 1, got \(flags.positional.count))")
            return 1
        }
        guard let client = context.client(flags) else { return 2 }
        let mountPath = VaultPaths.withTrailingSlash(VaultPaths.sanitize(flags.positional[0]))
        var body: [(String, JSONValue)] = []
        for (flag, key) in [("default-lease-ttl", "default_lease_ttl"), ("max-lease-ttl", "max_lease_ttl")] where flags.isSet(flag) {
            body.append((key, .string(flags.durationText(flag))))
        }
        if let description = flags.string("description") { body.append(("description", .string(description))) }
        var options = KeyValueArguments.pairs(flags.all("options"))
        if let version = flags.string("version").flatMap(Int.init), version > 0 { options.append(("version", .string(String(version)))) }
        if !options.isEmpty { body.append(("options", JSONValue.object(options).sortedKeys())) }
        let noun = kind == .secrets ? "secrets engine" : "auth method"
        let apiPath = kind == .secrets ? "sys/mounts/\(mountPath)tune" : "sys/auth/\(mountPath)tune"
        do {
            _ = try await client.checked("POST", apiPath, body: .object(body))
        } catch {
            context.console.error("Error tuning \(noun) \(mountPath): \(error)")
            return 2
        }
        context.console.info("Success! Tuned the \(noun) at: \(mountPath)")
        return 0
    }
}
