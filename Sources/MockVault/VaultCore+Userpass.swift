import GoValues

extension VaultCore {
    func userpassBackend(_ request: VaultRequest, mount: Mount, rest: String, fields: RequestFields, requestID: String) -> VaultResponse {
        let m = mount.path
        if rest == "users" || rest == "users/" {
            guard request.isList else { return .unsupportedOperation }
            let names = (userpass[m]?.users.keys).map { $0.sorted() } ?? []
            guard !names.isEmpty else { return .notFound }
            return .envelope(requestID: requestID, data: .object([("keys", .strings(names))]))
        }
        let parts = rest.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2, parts[0] == "users", !parts[1].isEmpty else { return .unsupportedPath }
        let name = parts[1].lowercased()
        if parts.count == 3, parts[2] == "password" || parts[2] == "policies" {
            guard request.isWrite, var user = userpass[m]?.users[name] else { return .error(400, "username does not exist") }
            if parts[2] == "password" {
                guard let password = fields.string("password"), !password.isEmpty else { return .error(400, "missing password") }
                user.setPassword(password)
            } else if let policies = fields.list("token_policies") ?? fields.list("policies") {
                user.tokenPolicies = policies
            }
            userpass[m]?.users[name] = user
            return .noContent
        }
        guard parts.count == 2 else { return .unsupportedPath }
        switch request.method {
        case "GET":
            guard let user = userpass[m]?.users[name] else { return .notFound }
            return .envelope(requestID: requestID, data: user.data)
        case "DELETE":
            userpass[m]?.users[name] = nil
            return .noContent
        case "PUT", "POST":
            var user = userpass[m]?.users[name] ?? UserpassBackend.User()
            if let password = fields.string("password"), !password.isEmpty { user.setPassword(password) }
            guard !user.passwordHash.isEmpty else { return .error(400, "missing password") }
            if let v = fields.list("token_policies") ?? fields.list("policies") { user.tokenPolicies = v }
            if let v = fields.bool("token_no_default_policy") { user.tokenNoDefaultPolicy = v }
            if let v = fields.list("token_bound_cidrs") { user.tokenBoundCIDRs = v }
            if let v = fields.int("token_num_uses") { user.tokenNumUses = v }
            if let v = fields.string("token_type") { user.tokenType = v }
            for (key, path) in [("token_ttl", \UserpassBackend.User.tokenTTL), ("token_max_ttl", \.tokenMaxTTL)] where fields.has(key) {
                guard let seconds = fields.seconds(key) else { return .error(400, "invalid duration for \(key)") }
                user[keyPath: path] = seconds
            }
            userpass[m, default: UserpassBackend()].users[name] = user
            return .noContent
        default:
            return .unsupportedOperation
        }
    }

    /// `auth/MOUNT/login/NAME` with `password`: a service token for the user, or 400 for any mismatch.
    func userpassLogin(mount: Mount, name rawName: String, fields: RequestFields, from remoteAddress: String, requestID: String) -> VaultResponse {
        let name = rawName.lowercased()
        guard let password = fields.string("password"), !password.isEmpty else { return .error(400, "missing password") }
        guard let user = userpass[mount.path]?.users[name], user.matches(password) else {
            return .error(400, "invalid username or password")
        }
        let kind: VaultToken.Kind = user.tokenType == "batch" || user.tokenType == "default-batch" ? .batch : .service
        return issueLoginToken(kind: kind, policies: user.tokenPolicies, noDefaultPolicy: user.tokenNoDefaultPolicy,
                               numUses: user.tokenNumUses, boundCIDRs: user.tokenBoundCIDRs, from: remoteAddress, ttl: user.tokenTTL,
                               displayName: String(mount.path.dropLast()) + "-" + name, path: "auth/\(mount.path)login/\(name)",
                               meta: ["username": name], alias: name, requestID: requestID)
    }
}
