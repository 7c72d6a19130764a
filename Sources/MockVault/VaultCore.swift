import GoValues
import Foundation

/// The in-memory Vault: seal state, mounts, tokens, policies, secrets and auth backends, behind one actor.
actor VaultCore {
    let clock: any VaultClock
    let trustedCAFile: String?
    let clusterName = "vault-cluster-" + RandomID.hex(8)
    let clusterID = RandomID.uuid()

    // Seal state.
    var initialized: Bool
    var sealed: Bool
    var threshold = 1
    var unsealKeys: [[UInt8]] = []
    var unsealProgress: [[UInt8]] = []
    var unsealNonce = ""

    var rootToken: String
    var mounts: [String: Mount] = [:]
    var authMounts: [String: Mount] = [:]
    var policies: [String: Policy] = [:]
    var tokens: [String: VaultToken] = [:]
    var tokenRoles: [String: TokenRole] = [:]
    var wrapped: [String: WrappedResponse] = [:]
    var kv2: [String: [String: KVSecret]] = [:]
    var kvConfig: [String: KVMountConfig] = [:]
    var kv1: [String: [String: JSONValue]] = [:]
    var jwt: [String: JWTBackend] = [:]
    var approle: [String: AppRoleBackend] = [:]
    var kubernetes: [String: KubernetesBackend] = [:]
    var cert: [String: CertBackend] = [:]
    var userpass: [String: UserpassBackend] = [:]
    var identity = IdentityStore()
    var entityIDs: [String: String] = [:]

    /// The dev server's unseal key (base64), nil when not initialised.
    var unsealKeyBase64: String? { unsealKeys.first.map { Data($0).base64EncodedString() } }

    init(configuration: MockVaultConfiguration) {
        clock = configuration.clock
        trustedCAFile = configuration.trustedCAFile
        initialized = configuration.devMode
        sealed = !configuration.devMode
        rootToken = configuration.rootTokenID ?? RandomID.serviceToken()
        let now = configuration.clock.now()
        let modified = VaultTime.rfc3339Nano(now)
        policies["default"] = Policy(name: "default", text: DefaultPolicy.text,
                                     rules: (try? PolicyParser.parse(DefaultPolicy.text)) ?? [], version: 1, modified: modified)
        for (path, type, description, local, headers) in [
            ("cubbyhole/", "cubbyhole", "per-token private secret storage", true, nil as [String]?),
            ("identity/", "identity", "identity store", false, ["Authorization"]),
            ("sys/", "system", "system endpoints used for control, policy and debugging", false, ["Accept"]),
        ] {
            var mount = Mount.make(path: path, type: type, description: description, options: .null, isAuth: false)
            mount.builtin = true
            mount.local = local
            mount.sealWrap = type == "system"
            mount.passthroughHeaders = headers
            mounts[path] = mount
        }
        var tokenMount = Mount.make(path: "token/", type: "token", description: "token based credentials", options: .null, isAuth: true)
        tokenMount.builtin = true
        tokenMount.accessor = "auth_token_" + RandomID.hex(8)
        authMounts["token/"] = tokenMount
        if configuration.devMode {
            mounts["secret/"] = Mount.make(path: "secret/", type: "kv", description: "key/value secret storage",
                                           options: .object([("version", .string("2"))]), isAuth: false)
            kv2["secret/"] = [:]
            unsealKeys = [RandomID.bytes(32)]
            tokens[rootToken] = VaultToken(
                id: rootToken, accessor: RandomID.alphanumeric(24), policies: ["root"], kind: .service,
                displayName: "token", path: "auth/token/create", meta: nil, creationTime: now, creationTTL: 0,
                expireTime: nil, renewable: false, orphan: true)
        }
    }

    /// Answers one request.
    func handle(_ request: VaultRequest) async -> VaultResponse {
        let requestID = RandomID.uuid()
        guard let path = request.apiPath else {
            if request.rawPath == "/" && ["GET", "HEAD"].contains(request.method) {
                var response = VaultResponse(status: 307, body: nil)
                response.rawText = "<a href=\"/ui/\">Temporary Redirect</a>.\n\n"
                response.headers = [("Location", "/ui/")]
                return response
            }
            return .notFound
        }
        if request.method == "OPTIONS" { return .errors(405, []) }

        switch path {
        case "sys/health": return health(request)
        case "sys/seal-status": return request.method == "GET" ? VaultResponse(status: 200, body: sealStatus()) : .unsupportedOperation
        case "sys/leader":
            guard initialized else { return .sealed }
            return VaultResponse(status: 200, body: .object([("ha_enabled", .bool(false))]))
        case "sys/init": return initEndpoint(request)
        case "sys/unseal": return unseal(request)
        default: break
        }

        var fields = RequestFields(members: [])
        if request.isWrite {
            switch request.decodedBody() {
            case let .success(members): fields.members = members
            case let .failure(error): return error.response
            }
        }
        var wrapTTL: Int?
        if let header = request.headers["x-vault-wrap-ttl"], !header.isEmpty {
            guard let ttl = GoDuration.seconds(header) else {
                return .error(400, "error parsing X-Vault-Wrap-TTL header: time: invalid duration \"\(header)\"")
            }
            wrapTTL = ttl
        }
        if sealed || !initialized { return .sealed }
        if let namespace = request.headers["x-vault-namespace"], !["", "root", "root/", "/"].contains(namespace) {
            return .error(404, "namespace not found")
        }

        let response = await route(request, path: path, fields: fields, wrapTTL: wrapTTL, requestID: requestID)
        if let wrapTTL, wrapTTL > 0, response.status == 200, let body = response.body, body["request_id"] != nil {
            return wrap(body, ttl: wrapTTL, path: path)
        }
        return response
    }

    /// The token `request` carries, when it is valid and unexpired.
    func resolveToken(_ id: String?) -> VaultToken? {
        guard let id, let token = tokens[id] else { return nil }
        if let expire = token.expireTime, clock.now() >= expire {
            tokens[id] = nil
            return nil
        }
        // A child lives only as long as its parent (Vault revokes the tree; batch children die with it).
        if let parent = token.parentID, resolveToken(parent) == nil {
            tokens[id] = nil
            return nil
        }
        return token
    }

    /// Counts one use of a limited-use token: its last use marks it -1 and revokes it once this request ends.
    func consumeUse(of token: VaultToken) -> VaultToken {
        guard token.numUses > 0 else { return token }
        var used = token
        used.numUses = token.numUses == 1 ? -1 : token.numUses - 1
        tokens[token.id] = used.numUses == -1 ? nil : used
        return used
    }

    /// The ACL of `token`: its policies, `default` included.
    func acl(for token: VaultToken) -> ACL {
        ACL(policies: token.policies.compactMap { policies[$0] }, isRoot: token.isRoot)
    }

    private func route(_ request: VaultRequest, path: String, fields: RequestFields, wrapTTL: Int?,
                       requestID: String) async -> VaultResponse {
        // Unauthenticated endpoints.
        if path == "sys/wrapping/lookup" { return wrappingLookup(fields, requestID: requestID) }
        if path == "sys/wrapping/unwrap", let response = unwrapWithOwnToken(request, fields: fields, requestID: requestID) {
            return response
        }
        if path.hasPrefix("auth/"), let (mount, rest) = authMount(for: path), isLoginPath(mount: mount, rest: rest) {
            guard ["PUT", "POST"].contains(request.method) else { return .error(405, "unsupported operation") }
            return await login(request, mount: mount, rest: rest, fields: fields, requestID: requestID)
        }

        guard let caller = resolveToken(request.token), CIDRBlock.allows(request.remoteAddress, in: caller.boundCIDRs) else {
            return .permissionDenied
        }
        let acl = acl(for: caller)

        if path == "sys/internal/ui/mounts" || path.hasPrefix("sys/internal/ui/mounts/") {
            return uiMounts(path: String(path.dropFirst("sys/internal/ui/mounts".count)), acl: acl, requestID: requestID)
        }
        let capability = requiredCapability(request, path: path)
        let parameters = request.isWrite ? fields.members : request.queryParameters
        // Vault checks a list on the path with a trailing slash.
        let aclPath = request.isList && !path.hasSuffix("/") ? path + "/" : path
        if !acl.authorizes(capability, on: aclPath, wrapTTL: wrapTTL, parameters: parameters) { return .policyDenied }
        if requiresSudo(path: aclPath), !acl.allows(.sudo, on: aclPath) { return .policyDenied }
        let token = consumeUse(of: caller)

        if path == "sys" || path.hasPrefix("sys/") {
            return await sys(request, path: path, fields: fields, token: token, requestID: requestID)
        }
        if path.hasPrefix("auth/") {
            guard let (mount, rest) = authMount(for: path) else { return noHandler(path) }
            return await authBackend(request, mount: mount, rest: rest, fields: fields, token: token, requestID: requestID)
        }
        guard let (mount, rest) = secretMount(for: path) else { return noHandler(path) }
        if mount.type == "identity" { return identityRequest(request, rest: rest, fields: fields, requestID: requestID) }
        if mount.type == "cubbyhole" {
            // Each token has its own cubbyhole, gone with the token; it is KV v1 without a lease.
            var own = mount
            own.path = "cubbyhole/" + token.id + "/"
            return kv1Request(request, mount: own, rest: rest, fields: fields, leaseDuration: 0, requestID: requestID)
        }
        switch mount.kvVersion {
        case "2"?: return kv2Request(request, mount: mount, rest: rest, fields: fields, requestID: requestID)
        case "1"?: return kv1Request(request, mount: mount, rest: rest, fields: fields, requestID: requestID)
        default: return noHandler(path)
        }
    }

    func noHandler(_ path: String) -> VaultResponse {
        .error(404, "no handler for route \"\(path)\". route entry not found.")
    }

    /// The capability Vault checks for this request.
    private func requiredCapability(_ request: VaultRequest, path: String) -> Capability {
        if request.isList { return .list }
        switch request.method {
        case "GET", "HEAD": return .read
        case "DELETE": return .delete
        case "PATCH": return .patch
        default: return exists(path: path) ? .update : .create
        }
    }

    /// OpenBao's root paths (the system and token backends' `PathsSpecial.Root`): they need `sudo` as well.
    static let sudoPaths = [
        "sys/seal", "sys/step-down", "sys/auth/*", "sys/remount", "sys/audit", "sys/audit/*", "sys/raw", "sys/raw/*",
        "sys/rotate", "sys/config/cors", "sys/config/auditing/*", "sys/config/ui/headers/*", "sys/plugins/catalog/*",
        "sys/revoke-prefix/*", "sys/revoke-force/*", "sys/leases/revoke-prefix/*", "sys/leases/revoke-force/*",
        "sys/leases/lookup/*", "sys/leases", "auth/token/accessors/", "auth/token/revoke-orphan", "auth/token/revoke-orphan/*",
    ]

    private func requiresSudo(path: String) -> Bool {
        Self.sudoPaths.contains { pattern in
            pattern.hasSuffix("*") ? path.hasPrefix(pattern.dropLast()) : path == pattern
        }
    }

    /// Whether a write to `path` updates something that exists (Vault's existence check).
    private func exists(path: String) -> Bool {
        if let (mount, rest) = secretMount(for: path) {
            if mount.kvVersion == "2" {
                // KV v2 checks existence on data/ and metadata/ only; delete/, undelete/, destroy/ and config are updates.
                for prefix in ["data/", "metadata/"] where rest.hasPrefix(prefix) {
                    return kv2[mount.path]?[String(rest.dropFirst(prefix.count))] != nil
                }
                return true
            }
            if mount.kvVersion == "1" { return kv1[mount.path]?[rest] != nil }
        }
        if path.hasPrefix("auth/"), let (mount, rest) = authMount(for: path) {
            let parts = rest.split(separator: "/").map(String.init)
            if parts.count == 2, parts[0] == "role" {
                return jwt[mount.path]?.roles[parts[1]] != nil || approle[mount.path]?.roles[parts[1]] != nil
                    || kubernetes[mount.path]?.roles[parts[1]] != nil
            }
            if parts.count == 2, parts[0] == "certs" { return cert[mount.path]?.certs[parts[1]] != nil }
            return true
        }
        return true
    }

    /// The secrets mount holding `path` and the path below it.
    func secretMount(for path: String) -> (Mount, String)? {
        let candidate = path.hasSuffix("/") ? path : path + "/"
        guard let mount = mounts.values.filter({ candidate.hasPrefix($0.path) }).max(by: { $0.path.count < $1.path.count })
        else { return nil }
        return (mount, String(path.dropFirst(min(mount.path.count, path.count))))
    }

    /// The auth mount holding `auth/<path>` and the path below it.
    func authMount(for path: String) -> (Mount, String)? {
        let below = String(path.dropFirst(5))
        let candidate = below.hasSuffix("/") ? below : below + "/"
        guard let mount = authMounts.values.filter({ candidate.hasPrefix($0.path) }).max(by: { $0.path.count < $1.path.count })
        else { return nil }
        return (mount, String(below.dropFirst(min(mount.path.count, below.count))))
    }

    private func isLoginPath(mount: Mount, rest: String) -> Bool {
        if mount.type == "userpass" { return rest.hasPrefix("login/") }
        return rest == "login" && ["jwt", "oidc", "approle", "kubernetes", "cert"].contains(mount.type)
    }

    private func login(_ request: VaultRequest, mount: Mount, rest: String, fields: RequestFields, requestID: String) async -> VaultResponse {
        switch mount.type {
        case "jwt", "oidc": return await jwtLogin(mount: mount, fields: fields, from: request.remoteAddress, requestID: requestID)
        case "approle": return appRoleLogin(mount: mount, fields: fields, from: request.remoteAddress, requestID: requestID)
        case "kubernetes": return await kubernetesLogin(mount: mount, fields: fields, from: request.remoteAddress, requestID: requestID)
        case "userpass": return userpassLogin(mount: mount, name: String(rest.dropFirst(6)), fields: fields, from: request.remoteAddress, requestID: requestID)
        default: return certLogin(request, mount: mount, fields: fields, requestID: requestID)
        }
    }

    private func authBackend(_ request: VaultRequest, mount: Mount, rest: String, fields: RequestFields,
                             token: VaultToken, requestID: String) async -> VaultResponse {
        switch mount.type {
        case "token": return tokenBackend(request, rest: rest, fields: fields, token: token, requestID: requestID)
        case "jwt", "oidc": return await jwtBackend(request, mount: mount, rest: rest, fields: fields, requestID: requestID)
        case "approle": return appRoleBackend(request, mount: mount, rest: rest, fields: fields, requestID: requestID)
        case "kubernetes": return kubernetesBackend(request, mount: mount, rest: rest, fields: fields, requestID: requestID)
        case "cert": return certBackend(request, mount: mount, rest: rest, fields: fields, requestID: requestID)
        case "userpass": return userpassBackend(request, mount: mount, rest: rest, fields: fields, requestID: requestID)
        default: return noHandler("auth/" + mount.path + rest)
        }
    }

    /// Issues a token for a successful login and returns the login response.
    /// `boundCIDRs`: the role's `token_bound_cidrs`; a login from outside them is refused, and so is any
    /// later use of the token from outside them.
    func issueLoginToken(kind: VaultToken.Kind, policies requested: [String], noDefaultPolicy: Bool = false, numUses: Int = 0,
                         boundCIDRs: [String] = [], from remoteAddress: String, ttl: Int,
                         displayName: String, path: String, meta: [String: String], alias: String,
                         requestID: String) -> VaultResponse {
        guard CIDRBlock.allows(remoteAddress, in: boundCIDRs) else { return .permissionDenied }
        // Vault refuses to mint a root token through any auth method (checked on OpenBao 2.7.2: 400).
        if requested.contains("root") { return .error(400, "auth methods cannot create root tokens") }
        let now = clock.now()
        var policyNames = Set(requested)
        if !noDefaultPolicy { policyNames.insert("default") }
        let lease = ttl > 0 ? ttl : 2_764_800
        let entityKey = path + "|" + alias
        let entityID = entityIDs[entityKey] ?? RandomID.uuid()
        entityIDs[entityKey] = entityID
        let batch = kind == .batch
        var token = VaultToken(
            id: batch ? RandomID.batchToken() : RandomID.serviceToken(),
            accessor: batch ? "" : RandomID.alphanumeric(24),
            policies: policyNames.sorted(), kind: kind, displayName: displayName, path: path, meta: meta,
            creationTime: now, creationTTL: lease, expireTime: now.addingTimeInterval(TimeInterval(lease)),
            renewable: !batch, orphan: true, entityID: entityID, numUses: numUses)
        token.boundCIDRs = boundCIDRs
        tokens[token.id] = token
        return .envelope(requestID: requestID, auth: token.authBlock(leaseDuration: lease))
    }
}
