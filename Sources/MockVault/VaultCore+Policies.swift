import GoValues

extension VaultCore {
    func policyEndpoint(_ request: VaultRequest, name rawName: String, fields: RequestFields, legacy: Bool,
                        requestID: String) -> VaultResponse {
        let name = rawName.lowercased()
        if name.isEmpty {
            guard request.method == "GET" || request.method == "LIST" else { return .unsupportedOperation }
            let names = (Array(policies.keys) + ["root"]).sorted()
            if legacy {
                let members: [(String, JSONValue)] = [("keys", .strings(names)), ("policies", .strings(names))]
                return .envelope(requestID: requestID, data: .object(members), flat: members)
            }
            guard request.isList else { return .unsupportedOperation }
            return .envelope(requestID: requestID, data: .object([("keys", .strings(names))]))
        }
        switch request.method {
        case "GET":
            guard let policy = policies[name] else { return .notFound }
            let textKey = legacy ? "rules" : "policy"
            let data: [(String, JSONValue)] = [
                ("allow_slashes_in_identity_templates", .bool(false)),
                ("allow_wildcards_in_identity_templates", .bool(false)),
                ("cas_required", .bool(false)),
                ("modified", .string(policy.modified)),
                ("name", .string(policy.name)),
                (textKey, .string(policy.text)),
                ("version", .int(policy.version)),
            ].sorted { $0.0 < $1.0 }
            if legacy {
                let flat: [(String, JSONValue)] = [
                    ("allow_wildcards_in_identity_templates", .bool(false)),
                    ("allow_slashes_in_identity_templates", .bool(false)),
                    ("modified", .string(policy.modified)), ("rules", .string(policy.text)),
                    ("name", .string(policy.name)), ("version", .int(policy.version)), ("cas_required", .bool(false)),
                ]
                return .envelope(requestID: requestID, data: .object(data), flat: flat)
            }
            return .envelope(requestID: requestID, data: .object(data))
        case "PUT", "POST":
            if name == "root" { return .error(400, "cannot update \"root\" policy") }
            let text = fields.string("policy") ?? fields.string("rules") ?? ""
            guard !text.isEmpty else { return .error(400, "'policy' parameter not supplied or empty") }
            let rules: [Policy.Rule]
            do { rules = try PolicyParser.parse(text) } catch { return .error(400, "failed to parse policy: \(error)") }
            let version = (policies[name]?.version ?? 0) + 1
            policies[name] = Policy(name: name, text: text, rules: rules, version: version,
                                    modified: VaultTime.rfc3339Nano(clock.now()))
            return .noContent
        case "DELETE":
            if name == "default" { return .error(400, "cannot delete default policy") }
            if name == "root" { return .error(400, "cannot delete \"root\" policy") }
            policies[name] = nil
            return .noContent
        default:
            return .unsupportedOperation
        }
    }

    /// `sys/capabilities(-self)`: each path's capabilities for `token` (sorted; `root` for root, `deny` for none),
    /// and under `capabilities` too when one path is asked.
    func capabilities(of token: VaultToken, paths: [String], requestID: String) -> VaultResponse {
        let acl = acl(for: token)
        let entries: [(String, JSONValue)] = paths.map { path in
            let caps: [String]
            if token.isRoot {
                caps = ["root"]
            } else {
                let granted = acl.capabilities(on: path)
                caps = granted.isEmpty || granted.contains(.deny) ? ["deny"] : granted.map(\.rawValue).sorted()
            }
            return (path, .strings(caps))
        }
        var members = entries
        if entries.count == 1 { members.append(("capabilities", entries[0].1)) }
        let sorted = members.sorted { $0.0 < $1.0 }
        return .envelope(requestID: requestID, data: .object(sorted), flat: sorted)
    }
}
