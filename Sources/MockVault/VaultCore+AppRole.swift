import Foundation
import GoValues

extension VaultCore {
    func appRoleBackend(_ request: VaultRequest, mount: Mount, rest: String, fields: RequestFields, requestID: String) -> VaultResponse {
        let m = mount.path
        let parts = rest.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.first == "role" else { return .unsupportedPath }
        if parts.count == 1 || (parts.count == 2 && parts[1].isEmpty) {
            guard request.isList else { return .unsupportedOperation }
            let names = (approle[m]?.roles.keys).map(Array.init) ?? []
            guard !names.isEmpty else { return .notFound }
            return .envelope(requestID: requestID, data: .object([("keys", .strings(names.sorted()))]))
        }
        let name = parts[1].lowercased()
        let write = ["PUT", "POST"].contains(request.method)
        if parts.count == 2 {
            switch request.method {
            case "GET":
                guard let role = approle[m]?.roles[name] else { return .notFound }
                return .envelope(requestID: requestID, data: role.data)
            case "DELETE":
                approle[m]?.roles[name] = nil
                return .noContent
            case "PUT", "POST":
                var role = approle[m]?.roles[name] ?? AppRoleBackend.Role()
                if let v = fields.bool("bind_secret_id") { role.bindSecretID = v }
                if let v = fields.string("role_id"), !v.isEmpty { role.roleID = v }
                if let v = fields.list("token_policies") ?? fields.list("policies") { role.tokenPolicies = v }
                if let v = fields.int("secret_id_num_uses") { role.secretIDNumUses = v }
                if let v = fields.bool("token_no_default_policy") { role.tokenNoDefaultPolicy = v }
                if let v = fields.string("token_type") { role.tokenType = v }
                if let v = fields.list("secret_id_bound_cidrs") { role.secretIDBoundCIDRs = v }
                if let v = fields.list("token_bound_cidrs") { role.tokenBoundCIDRs = v }
                if let v = fields.int("token_num_uses") { role.tokenNumUses = v }
                for (key, path) in [("secret_id_ttl", \AppRoleBackend.Role.secretIDTTL), ("token_ttl", \.tokenTTL),
                                    ("token_max_ttl", \.tokenMaxTTL)] where fields.has(key) {
                    guard let seconds = fields.seconds(key) else { return .error(400, "invalid duration for \(key)") }
                    role[keyPath: path] = seconds
                }
                // OpenBao answers this with a 500 (an internal error from its storage path), and so does the mock.
                if !role.bindSecretID, role.secretIDBoundCIDRs.isEmpty, role.tokenBoundCIDRs.isEmpty {
                    return .multiError(500, "at least one constraint should be enabled on the role")
                }
                approle[m, default: AppRoleBackend()].roles[name] = role
                return .noContent
            default:
                return .unsupportedOperation
            }
        }
        switch parts[2] {
        case "role-id":
            guard let role = approle[m]?.roles[name] else { return .notFound }
            if write, let v = fields.string("role_id") {
                approle[m]?.roles[name]?.roleID = v
                return .noContent
            }
            return .envelope(requestID: requestID, data: .object([("role_id", .string(role.roleID))]))
        case "secret-id" where parts.count == 4 && (parts[3] == "lookup" || parts[3] == "destroy"):
            guard write, let role = approle[m]?.roles[name] else { return write ? .error(400, "role \"\(parts[1])\" does not exist") : .unsupportedOperation }
            let secret = fields.string("secret_id") ?? ""
            guard !secret.isEmpty else { return .error(400, "missing secret_id") }
            if parts[3] == "destroy" {
                approle[m]?.roles[name]?.secretIDs[secret] = nil
                return .noContent
            }
            guard let entry = role.secretIDs[secret] else { return .noContent }
            return .envelope(requestID: requestID, data: entry.lookupData)
        case "secret-id", "custom-secret-id":
            guard write else { return request.isList ? .notFound : .unsupportedOperation }
            guard let role = approle[m]?.roles[name] else { return .error(404, "role \"\(parts[1])\" does not exist") }
            let secret = parts[2] == "custom-secret-id" ? (fields.string("secret_id") ?? RandomID.uuid()) : RandomID.uuid()
            let accessor = RandomID.uuid()
            var metadata: [String: String] = [:]
            if let text = fields.string("metadata"), case let .object(members)? = try? JSONValue.parse(text) {
                for (k, v) in members { metadata[k] = v.stringValue ?? v.goJSON() }
            }
            let ttl = fields.has("ttl") ? (fields.seconds("ttl") ?? role.secretIDTTL) : role.secretIDTTL
            let uses = fields.int("num_uses") ?? role.secretIDNumUses
            approle[m]?.roles[name]?.secretIDs[secret] = AppRoleBackend.SecretID(
                accessor: accessor, created: clock.now(), ttl: ttl, usesLeft: uses, metadata: metadata,
                cidrList: fields.list("cidr_list") ?? role.secretIDBoundCIDRs)
            return .envelope(requestID: requestID, data: .object([
                ("secret_id", .string(secret)), ("secret_id_accessor", .string(accessor)),
                ("secret_id_num_uses", .int(uses)), ("secret_id_ttl", .int(ttl)),
            ]))
        default:
            return .unsupportedPath
        }
    }

    func appRoleLogin(mount: Mount, fields: RequestFields, from remoteAddress: String, requestID: String) -> VaultResponse {
        let m = mount.path
        let roleID = fields.string("role_id") ?? ""
        guard !roleID.isEmpty else { return .error(500, "missing role_id") }
        guard let (name, role) = approle[m]?.roles.first(where: { $0.value.roleID == roleID }) else {
            return .error(400, "invalid role or secret ID")
        }
        // OpenBao's own text, with the Go formatting slip of its nil error.
        guard CIDRBlock.allows(remoteAddress, in: role.secretIDBoundCIDRs) else {
            return .error(400, "source address \"\(remoteAddress)\" unauthorized by CIDR restrictions on the role: %!w(<nil>)")
        }
        var metadata = ["role_name": name]
        if role.bindSecretID {
            let secret = fields.string("secret_id") ?? ""
            guard !secret.isEmpty else { return .error(400, "missing secret_id") }
            guard let entry = role.secretIDs[secret] else { return .error(400, "invalid role or secret ID") }
            if entry.ttl > 0, clock.now() >= entry.created.addingTimeInterval(TimeInterval(entry.ttl)) {
                approle[m]?.roles[name]?.secretIDs[secret] = nil
                return .error(400, "invalid role or secret ID")
            }
            guard CIDRBlock.allows(remoteAddress, in: entry.cidrList) else {
                return .error(400, "source address \"\(remoteAddress)\" unauthorized through CIDR restrictions on the secret ID")
            }
            metadata.merge(entry.metadata) { own, _ in own }
            if entry.usesLeft > 0 {
                if entry.usesLeft == 1 { approle[m]?.roles[name]?.secretIDs[secret] = nil } else {
                    approle[m]?.roles[name]?.secretIDs[secret]?.usesLeft -= 1
                }
            }
        }
        let kind: VaultToken.Kind = role.tokenType == "batch" || role.tokenType == "default-batch" ? .batch : .service
        return issueLoginToken(kind: kind, policies: role.tokenPolicies, noDefaultPolicy: role.tokenNoDefaultPolicy, numUses: role.tokenNumUses,
                               boundCIDRs: role.tokenBoundCIDRs, from: remoteAddress,
                               ttl: role.tokenTTL, displayName: String(mount.path.dropLast()), path: "auth/\(m)login",
                               meta: metadata, alias: roleID, requestID: requestID)
    }
}
