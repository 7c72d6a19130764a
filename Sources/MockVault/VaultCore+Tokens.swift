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
            return createToken(parent: token, fields: fields, orphan: rest == "create-orphan", requestID: requestID)
        default:
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

    private func createToken(parent: VaultToken, fields: RequestFields, orphan requestedOrphan: Bool,
                             requestID: String) -> VaultResponse {
        if parent.kind == .batch { return .error(400, "batch tokens cannot create more tokens") }
        let now = clock.now()
        var requested = fields.list("policies") ?? parent.policies
        if requested.isEmpty { requested = parent.policies }
        let parentHoldsSudo = parent.isRoot || acl(for: parent).allows(.sudo, on: requestedOrphan ? "auth/token/create-orphan" : "auth/token/create")
        if !parent.isRoot {
            let held = Set(parent.policies)
            if !Set(requested).subtracting(["default"]).isSubset(of: held) { return .error(400, "child policies must be subset of parent") }
        }
        if fields.bool("no_parent") == true, !parentHoldsSudo {
            return .error(400, "root or sudo privileges required to create orphan token")
        }
        var names = Set(requested)
        if !names.contains("root") && fields.bool("no_default_policy") != true { names.insert("default") }
        let kind: VaultToken.Kind = fields.string("type") == "batch" ? .batch : .service
        guard let ttlSeconds = fields.seconds("ttl") else { return .error(400, "time: invalid duration \"\(fields.string("ttl") ?? "")\"") }
        let explicitMax = fields.seconds("explicit_max_ttl") ?? 0
        let period = fields.seconds("period") ?? 0
        let isRootToken = names.contains("root")
        var warnings: [String] = names.subtracting(["root", "default"]).filter { policies[$0] == nil }.sorted()
            .map { "Policy \"\($0)\" does not exist" }
        var ttl = period > 0 ? period : (ttlSeconds > 0 ? ttlSeconds : (isRootToken ? 0 : Self.maxTokenTTL))
        if ttl > Self.maxTokenTTL, period == 0 {
            warnings.append("TTL of \"\(fields.string("ttl") ?? "\(ttl)s")\" exceeded the effective max_ttl of \"768h\"; TTL value is capped accordingly")
            ttl = Self.maxTokenTTL
        }
        if explicitMax > 0, ttl == 0 || ttl > explicitMax { ttl = explicitMax }
        let displayName = fields.string("display_name").flatMap { $0.isEmpty ? nil : "token-" + $0 } ?? "token"
        let orphan = requestedOrphan || fields.bool("no_parent") == true
        var meta: [String: String]?
        if case let .object(members)? = fields["meta"] {
            meta = Dictionary(members.compactMap { k, v in v.stringValue.map { (k, $0) } }, uniquingKeysWith: { a, _ in a })
        }
        let batch = kind == .batch
        var token = VaultToken(
            id: batch ? RandomID.batchToken() : (fields.string("id") ?? RandomID.serviceToken()),
            accessor: batch ? "" : RandomID.alphanumeric(24), policies: names.sorted(), kind: kind,
            displayName: displayName, path: requestedOrphan ? "auth/token/create-orphan" : "auth/token/create", meta: meta,
            creationTime: now, creationTTL: ttl,
            expireTime: ttl > 0 ? now.addingTimeInterval(TimeInterval(ttl)) : nil,
            renewable: !batch && ttl > 0 && fields.bool("renewable") != false, orphan: orphan,
            explicitMaxTTL: explicitMax, numUses: fields.int("num_uses") ?? 0)
        token.parentID = orphan ? nil : parent.id
        token.period = period
        tokens[token.id] = token
        return .envelope(requestID: requestID, auth: token.authBlock(leaseDuration: ttl), warnings: warnings.isEmpty ? nil : warnings)
    }
}
