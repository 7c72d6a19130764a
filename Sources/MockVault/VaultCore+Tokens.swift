import GoValues
import Foundation

extension VaultCore {
    func tokenBackend(_ request: VaultRequest, rest: String, fields: RequestFields, token: VaultToken,
                      requestID: String) -> VaultResponse {
        let write = ["PUT", "POST"].contains(request.method)
        switch rest {
        case "lookup-self":
            guard request.method == "GET" || write else { return .unsupportedOperation }
            return .envelope(requestID: requestID, data: token.lookupData(now: clock.now()))
        case "lookup":
            guard write || request.method == "GET" else { return .unsupportedOperation }
            let id = fields.string("token") ?? ""
            guard !id.isEmpty else { return .error(400, "missing token ID") }
            guard let target = resolveToken(id) else { return .error(403, "bad token") }
            return .envelope(requestID: requestID, data: target.lookupData(now: clock.now()))
        case "renew-self":
            guard write else { return .unsupportedOperation }
            return renew(token, increment: fields.seconds("increment") ?? 0, requestID: requestID)
        case "renew":
            guard write else { return .unsupportedOperation }
            guard let target = resolveToken(fields.string("token")) else { return .error(403, "bad token") }
            return renew(target, increment: fields.seconds("increment") ?? 0, requestID: requestID)
        case "lookup-accessor":
            guard write else { return .unsupportedOperation }
            let accessor = fields.string("accessor") ?? ""
            guard !accessor.isEmpty else { return .error(400, "missing accessor") }
            guard let target = tokens.values.first(where: { $0.accessor == accessor }), let live = resolveToken(target.id) else {
                return .error(400, "invalid accessor")
            }
            return .envelope(requestID: requestID, data: live.lookupData(now: clock.now()).setting("id", .string("")))
        case "revoke-self":
            guard write else { return .unsupportedOperation }
            if token.kind == .batch { return .error(400, "batch tokens cannot be revoked") }
            tokens[token.id] = nil
            return .noContent
        case "revoke":
            guard write else { return .unsupportedOperation }
            if let id = fields.string("token") {
                if resolveToken(id)?.kind == .batch { return .error(400, "batch tokens cannot be revoked") }
                tokens[id] = nil
            }
            return .noContent
        case "create", "create-orphan":
            guard write else { return .unsupportedOperation }
            return createToken(parent: token, fields: fields, orphan: rest == "create-orphan", role: nil, requestID: requestID)
        case "roles", "roles/":
            guard request.isList else { return .unsupportedOperation }
            guard !tokenRoles.isEmpty else { return .notFound }
            return .envelope(requestID: requestID, data: .object([("keys", .strings(tokenRoles.keys.sorted()))]))
        default:
            if rest.hasPrefix("roles/") { return tokenRoleEndpoint(request, name: String(rest.dropFirst(6)), fields: fields, requestID: requestID) }
            if rest.hasPrefix("create/"), write {
                let name = String(rest.dropFirst(7))
                guard let role = tokenRoles[name] else { return .error(400, "unknown role \(name)") }
                return createToken(parent: token, fields: fields, orphan: false, role: role, requestID: requestID)
            }
            return .unsupportedPath
        }
    }

    private func renew(_ token: VaultToken, increment: Int, requestID: String) -> VaultResponse {
        guard token.kind == .service else { return .error(400, "batch tokens cannot be renewed") }
        guard token.renewable, token.expireTime != nil else { return .error(400, "lease is not renewable") }
        var renewed = token
        var ttl = token.period > 0 ? token.period : (increment > 0 ? min(increment, Self.maxTokenTTL) : token.creationTTL)
        if token.explicitMaxTTL > 0 {
            let left = token.explicitMaxTTL - Int(clock.now().timeIntervalSince(token.creationTime))
            ttl = max(0, min(ttl, left))
        }
        renewed.expireTime = clock.now().addingTimeInterval(TimeInterval(ttl))
        tokens[token.id] = renewed
        return .envelope(requestID: requestID, auth: renewed.authBlock(leaseDuration: ttl))
    }

    /// The token mount's max lease TTL (768 h), which caps every token TTL.
    static let maxTokenTTL = 2_764_800

    private func tokenRoleEndpoint(_ request: VaultRequest, name: String, fields: RequestFields, requestID: String) -> VaultResponse {
        switch request.method {
        case "GET":
            guard let role = tokenRoles[name] else { return .notFound }
            return .envelope(requestID: requestID, data: role.data)
        case "PUT", "POST":
            var role = tokenRoles[name] ?? TokenRole(name: name)
            if let problem = role.update(fields) { return .error(400, problem) }
            tokenRoles[name] = role
            return .noContent
        case "DELETE":
            tokenRoles[name] = nil
            return .noContent
        default:
            return .unsupportedOperation
        }
    }

    /// Go's `%q` of a string list: `["a" "default"]`.
    private static func quotedList(_ names: [String]) -> String {
        "[" + names.map { "\"\($0)\"" }.joined(separator: " ") + "]"
    }

    private func createToken(parent: VaultToken, fields: RequestFields, orphan requestedOrphan: Bool, role: TokenRole?,
                             requestID: String) -> VaultResponse {
        if parent.kind == .batch { return .error(400, "batch tokens cannot create more tokens") }
        let now = clock.now()
        var requested = fields.list("policies") ?? []
        let noDefault = fields.bool("no_default_policy") == true || role?.noDefaultPolicy == true
        if let role, !role.allowedPolicies.isEmpty {
            if requested.isEmpty { requested = role.allowedPolicies }
            let withDefault = Set(requested + (noDefault ? [] : ["default"]))
            let allowed = Set(role.allowedPolicies + ["default"])
            guard withDefault.isSubset(of: allowed) else {
                return .error(400, "token policies (\(Self.quotedList(withDefault.sorted()))) must be subset of the role's allowed policies (\(Self.quotedList(allowed.sorted()))) or glob policies ([])")
            }
        } else {
            if requested.isEmpty { requested = parent.policies }
            if !parent.isRoot, !Set(requested).subtracting(["default"]).isSubset(of: Set(parent.policies)) {
                return .error(400, "child policies must be subset of parent")
            }
        }
        let createPath = role.map { "auth/token/create/" + $0.name } ?? (requestedOrphan ? "auth/token/create-orphan" : "auth/token/create")
        let parentHoldsSudo = parent.isRoot || acl(for: parent).allows(.sudo, on: createPath)
        if fields.bool("no_parent") == true, !parentHoldsSudo {
            return .error(400, "root or sudo privileges required to create orphan token")
        }
        var names = Set(requested)
        if !names.contains("root") && !noDefault { names.insert("default") }
        let kind: VaultToken.Kind = fields.string("type") == "batch" ? .batch : .service
        guard let ttlSeconds = fields.seconds("ttl") else { return .error(400, "time: invalid duration \"\(fields.string("ttl") ?? "")\"") }
        let explicitMax = role?.explicitMaxTTL ?? fields.seconds("explicit_max_ttl") ?? 0
        let period = role.map(\.period) ?? fields.seconds("period") ?? 0
        let isRootToken = names.contains("root")
        var warnings: [String] = names.subtracting(["root", "default"]).filter { policies[$0] == nil }.sorted()
            .map { "Policy \"\($0)\" does not exist" }
        var ttl = period > 0 ? period : (ttlSeconds > 0 ? ttlSeconds : (isRootToken ? 0 : Self.maxTokenTTL))
        // A role's explicit max counts as the effective max TTL; without a role it only bounds the TTL.
        let effectiveMax = role != nil && explicitMax > 0 ? min(explicitMax, Self.maxTokenTTL) : Self.maxTokenTTL
        if ttl > effectiveMax, period == 0 {
            warnings.append("TTL of \"\(GoDuration.human(seconds: ttl))\" exceeded the effective max_ttl of \"\(GoDuration.human(seconds: effectiveMax))\"; TTL value is capped accordingly")
            ttl = effectiveMax
        }
        if explicitMax > 0, ttl == 0 || ttl > explicitMax { ttl = explicitMax }
        let displayName = fields.string("display_name").flatMap { $0.isEmpty ? nil : "token-" + $0 } ?? "token"
        let orphan = requestedOrphan || fields.bool("no_parent") == true || role?.orphan == true
        var meta: [String: String]?
        if case let .object(members)? = fields["meta"] {
            meta = Dictionary(members.compactMap { k, v in v.stringValue.map { (k, $0) } }, uniquingKeysWith: { a, _ in a })
        }
        let batch = kind == .batch
        var token = VaultToken(
            id: batch ? RandomID.batchToken() : (fields.string("id") ?? RandomID.serviceToken()),
            accessor: batch ? "" : RandomID.alphanumeric(24), policies: names.sorted(), kind: kind,
            displayName: displayName, path: createPath, meta: meta, creationTime: now, creationTTL: ttl,
            expireTime: ttl > 0 ? now.addingTimeInterval(TimeInterval(ttl)) : nil,
            renewable: !batch && ttl > 0 && fields.bool("renewable") != false && role?.renewable != false, orphan: orphan,
            explicitMaxTTL: explicitMax, numUses: fields.int("num_uses") ?? 0)
        token.parentID = orphan ? nil : parent.id
        token.period = period
        token.role = role?.name
        tokens[token.id] = token
        return .envelope(requestID: requestID, auth: token.authBlock(leaseDuration: ttl), warnings: warnings.isEmpty ? nil : warnings)
    }
}
