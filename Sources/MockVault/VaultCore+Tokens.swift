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
        case "revoke-self":
            guard write else { return .unsupportedOperation }
            tokens[token.id] = nil
            return .noContent
        case "revoke":
            guard write else { return .unsupportedOperation }
            if let id = fields.string("token") { tokens[id] = nil }
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
        let ttl = increment > 0 ? min(increment, 2_764_800) : token.creationTTL
        renewed.expireTime = clock.now().addingTimeInterval(TimeInterval(ttl))
        tokens[token.id] = renewed
        return .envelope(requestID: requestID, auth: renewed.authBlock(leaseDuration: ttl))
    }

    private func createToken(parent: VaultToken, fields: RequestFields, orphan requestedOrphan: Bool,
                             requestID: String) -> VaultResponse {
        let now = clock.now()
        var requested = fields.list("policies") ?? parent.policies
        if requested.isEmpty { requested = parent.policies }
        if !parent.isRoot {
            let held = Set(parent.policies)
            if !Set(requested).subtracting(["default"]).isSubset(of: held) { return .policyDenied }
        }
        var names = Set(requested)
        if !names.contains("root") && fields.bool("no_default_policy") != true { names.insert("default") }
        let kind: VaultToken.Kind = fields.string("type") == "batch" ? .batch : .service
        guard let ttlSeconds = fields.seconds("ttl") else { return .error(400, "time: invalid duration \"\(fields.string("ttl") ?? "")\"") }
        let isRootToken = names.contains("root")
        let ttl = ttlSeconds > 0 ? ttlSeconds : (isRootToken ? 0 : 2_764_800)
        let displayName = fields.string("display_name").flatMap { $0.isEmpty ? nil : "token-" + $0 } ?? "token"
        let orphan = kind == .batch ? (requestedOrphan || fields.bool("no_parent") == true || parent.isRoot)
            : (requestedOrphan || (fields.bool("no_parent") == true && parent.isRoot))
        var meta: [String: String]?
        if case let .object(members)? = fields["meta"] {
            meta = Dictionary(members.compactMap { k, v in v.stringValue.map { (k, $0) } }, uniquingKeysWith: { a, _ in a })
        }
        let batch = kind == .batch
        let token = VaultToken(
            id: batch ? RandomID.batchToken() : (fields.string("id") ?? RandomID.serviceToken()),
            accessor: batch ? "" : RandomID.alphanumeric(24), policies: names.sorted(), kind: kind,
            displayName: displayName, path: "auth/token/create", meta: meta, creationTime: now, creationTTL: ttl,
            expireTime: ttl > 0 ? now.addingTimeInterval(TimeInterval(ttl)) : nil,
            renewable: !batch && ttl > 0 && fields.bool("renewable") != false, orphan: orphan,
            numUses: fields.int("num_uses") ?? 0)
        tokens[token.id] = token
        return .envelope(requestID: requestID, auth: token.authBlock(leaseDuration: ttl))
    }
}
