import Foundation
import GoValues

extension VaultCore {
    func health(_ request: VaultRequest) -> VaultResponse {
        guard ["GET", "HEAD"].contains(request.method) else { return .unsupportedOperation }
        let q = request.query
        func code(_ name: String, _ fallback: Int) -> Int { q[name].flatMap(Int.init) ?? fallback }
        let status: Int
        var body: [(String, JSONValue)] = [
            ("initialized", .bool(initialized)), ("sealed", .bool(sealed || !initialized)),
            ("standby", .bool(sealed || !initialized)),
        ]
        let active = initialized && !sealed
        body += [
            ("replication_performance_mode", .string(active ? "disabled" : "unknown")),
            ("replication_dr_mode", .string(active ? "disabled" : "unknown")),
            ("server_time_utc", .int(Int(clock.now().timeIntervalSince1970))),
            ("version", .string(MockVaultFidelity.openBaoVersion)),
        ]
        if !initialized {
            status = code("uninitcode", 501)
        } else if sealed {
            status = code("sealedcode", 503)
        } else {
            status = code("activecode", 200)
            body += [("cluster_name", .string(clusterName)), ("cluster_id", .string(clusterID))]
        }
        if request.method == "HEAD" {
            var response = VaultResponse(status: status, body: nil)
            response.headers = [("Content-Type", "application/json")]
            return response
        }
        return VaultResponse(status: status, body: .object(body))
    }

    func sealStatus() -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("type", .string("shamir")), ("initialized", .bool(initialized)), ("sealed", .bool(sealed || !initialized)),
            ("t", .int(initialized ? threshold : 0)), ("n", .int(initialized ? unsealKeys.count : 0)),
            ("progress", .int(unsealProgress.count)), ("nonce", .string(unsealNonce)),
            ("recovery_seal", .bool(false)), ("version", .string(MockVaultFidelity.openBaoVersion)),
            ("commit_date", .string("2026-10-26T20:32:27Z")), ("migration", .bool(false)),
        ]
        if initialized && !sealed {
            members += [("cluster_name", .string(clusterName)), ("cluster_id", .string(clusterID))]
        }
        members.append(("storage_type", .string("inmem")))
        return .object(members)
    }

    func initEndpoint(_ request: VaultRequest) -> VaultResponse {
        if request.method == "GET" { return VaultResponse(status: 200, body: .object([("initialized", .bool(initialized))])) }
        guard ["PUT", "POST"].contains(request.method) else { return .unsupportedOperation }
        if initialized { return .error(400, "Vault is already initialized") }
        let fields: RequestFields
        switch request.decodedBody() {
        case let .success(members): fields = RequestFields(members: members)
        case let .failure(error): return error.response
        }
        let shares = fields.int("secret_shares") ?? 0, t = fields.int("secret_threshold") ?? 0
        guard shares >= 1, t >= 1, t <= shares else {
            return .error(400, "invalid seal configuration: threshold must be greater than zero and not more than shares")
        }
        unsealKeys = (0..<shares).map { _ in RandomID.bytes(33) }
        threshold = t
        initialized = true
        sealed = true
        rootToken = RandomID.serviceToken()
        let now = clock.now()
        tokens[rootToken] = VaultToken(
            id: rootToken, accessor: RandomID.alphanumeric(24), policies: ["root"], kind: .service, displayName: "root",
            path: "auth/token/root", meta: nil, creationTime: now, creationTTL: 0, expireTime: nil, renewable: false, orphan: true)
        return VaultResponse(status: 200, body: .object([
            ("keys", .strings(unsealKeys.map { $0.map { String(format: "%02x", $0) }.joined() })),
            ("keys_base64", .strings(unsealKeys.map { Data($0).base64EncodedString() })),
            ("root_token", .string(rootToken)),
        ]))
    }

    func unseal(_ request: VaultRequest) -> VaultResponse {
        guard ["PUT", "POST"].contains(request.method) else { return .unsupportedOperation }
        let fields: RequestFields
        switch request.decodedBody() {
        case let .success(members): fields = RequestFields(members: members)
        case let .failure(error): return error.response
        }
        guard initialized else { return .error(400, "Vault is not initialized") }
        if fields.bool("reset") == true {
            if !sealed { return .error(400, "vault is unsealed") }
            unsealProgress = []
            unsealNonce = ""
            return VaultResponse(status: 200, body: sealStatus())
        }
        guard let keyText = fields.string("key"), !keyText.isEmpty else {
            return .error(400, "'key' must be specified in request body as JSON, or 'reset' set to true")
        }
        guard let key = Self.decodeKey(keyText) else {
            return .error(400, "'key' must be a valid hex or base64 string")
        }
        guard key.count >= 16 else { return .error(400, "invalid key: key is shorter than minimum 16 bytes") }
        guard key.count <= 33 else { return .error(400, "invalid key: key is longer than maximum 33 bytes") }
        if !sealed { return VaultResponse(status: 200, body: sealStatus()) }
        if unsealProgress.contains(key) {
            return .error(400, "given key has already been provided during this generation operation")
        }
        unsealProgress.append(key)
        if unsealNonce.isEmpty { unsealNonce = RandomID.uuid() }
        if unsealProgress.count < threshold { return VaultResponse(status: 200, body: sealStatus()) }
        let valid = unsealProgress.allSatisfy { unsealKeys.contains($0) }
        unsealProgress = []
        unsealNonce = ""
        guard valid else {
            return .error(400, "unable to retrieve stored keys: invalid key: failed to decrypt keys from storage: cipher: message authentication failed")
        }
        sealed = false
        return VaultResponse(status: 200, body: sealStatus())
    }

    private static func decodeKey(_ text: String) -> [UInt8]? {
        if text.count % 2 == 0, text.allSatisfy(\.isHexDigit) {
            var bytes: [UInt8] = []
            var index = text.startIndex
            while index < text.endIndex {
                let next = text.index(index, offsetBy: 2)
                bytes.append(UInt8(text[index..<next], radix: 16)!)
                index = next
            }
            return bytes
        }
        return Data(base64Encoded: text).map(Array.init)
    }

    func sys(_ request: VaultRequest, path: String, fields: RequestFields, token: VaultToken, requestID: String) async -> VaultResponse {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let method = request.method
        switch parts.count > 1 ? parts[1] : "" {
        case "seal":
            guard ["PUT", "POST"].contains(method) else { return .unsupportedOperation }
            sealed = true
            return .noContent
        case "mounts":
            return mountsEndpoint(request, rest: Array(parts.dropFirst(2)), fields: fields, isAuth: false, requestID: requestID)
        case "auth":
            return mountsEndpoint(request, rest: Array(parts.dropFirst(2)), fields: fields, isAuth: true, requestID: requestID)
        case "policies":
            guard parts.count >= 3, parts[2] == "acl" else { return .unsupportedPath }
            return policyEndpoint(request, name: parts.count > 3 ? parts[3...].joined(separator: "/") : "", fields: fields,
                                  legacy: false, requestID: requestID)
        case "policy":
            return policyEndpoint(request, name: parts.count > 2 ? parts[2...].joined(separator: "/") : "", fields: fields,
                                  legacy: true, requestID: requestID)
        case "wrapping":
            if parts.count == 3, parts[2] == "unwrap" { return unwrapFromBody(fields, requestID: requestID) }
            if parts.count == 3, parts[2] == "wrap" { return wrapFields(request, fields: fields, requestID: requestID) }
            return .unsupportedPath
        case "capabilities-self", "capabilities":
            guard parts.count == 2, request.isWrite else { return .unsupportedOperation }
            let subject = parts[1] == "capabilities" ? resolveToken(fields.string("token")) : token
            guard let subject else { return .error(400, "invalid token") }
            return capabilities(of: subject, paths: fields.list("paths") ?? fields.list("path") ?? [], requestID: requestID)
        default:
            return .unsupportedPath
        }
    }

    private func mountsEndpoint(_ request: VaultRequest, rest: [String], fields: RequestFields, isAuth: Bool,
                                requestID: String) -> VaultResponse {
        let table = isAuth ? authMounts : mounts
        var components = rest.filter { !$0.isEmpty }
        let tune = components.last == "tune"
        if tune { components.removeLast() }
        if components.isEmpty {
            guard request.method == "GET", !tune else { return .unsupportedOperation }
            let entries = table.values.sorted { $0.path < $1.path }.map { ($0.path, $0.entry) }
            return .envelope(requestID: requestID, data: .object(entries), flat: entries)
        }
        let mountPath = components.joined(separator: "/") + "/"
        if tune {
            guard var mount = table[mountPath] else { return .error(400, "cannot fetch sysview for path \"\(mountPath)\"") }
            if request.method != "GET" {
                if let description = fields.string("description") { mount.description = description }
                for (key, path) in [("default_lease_ttl", \Mount.defaultLeaseTTL), ("max_lease_ttl", \Mount.maxLeaseTTL)] where fields.has(key) {
                    guard let seconds = fields.seconds(key) else { return .error(400, "unable to parse \(key)") }
                    mount[keyPath: path] = seconds
                }
                if isAuth { authMounts[mountPath] = mount } else { mounts[mountPath] = mount }
                return .noContent
            }
            let defaultTTL = mount.defaultLeaseTTL > 0 ? mount.defaultLeaseTTL : 2_764_800
            let maxTTL = mount.maxLeaseTTL > 0 ? mount.maxLeaseTTL : 2_764_800
            let tokenType: [(String, JSONValue)] = isAuth ? [("token_type", .string("default-service"))] : []
            let data: [(String, JSONValue)] = [
                ("default_lease_ttl", .int(defaultTTL)), ("description", .string(mount.description)),
                ("force_no_cache", .bool(false)), ("max_lease_ttl", .int(maxTTL)),
            ] + (mount.options.isNull ? [] : [("options", mount.options)]) + tokenType
            let flat: [(String, JSONValue)] = [
                ("description", .string(mount.description)), ("default_lease_ttl", .int(defaultTTL)),
                ("max_lease_ttl", .int(maxTTL)), ("force_no_cache", .bool(false)),
            ] + (mount.options.isNull ? [] : [("options", mount.options)]) + tokenType
            return .envelope(requestID: requestID, data: .object(data), flat: flat)
        }
        switch request.method {
        case "GET":
            guard let mount = table[mountPath] else {
                return .error(400, isAuth ? "No auth engine at \(mountPath)" : "No secret engine mount at \(mountPath)")
            }
            let entry = mount.entry
            return .envelope(requestID: requestID, data: entry, flat: entry.objectValue ?? [])
        case "POST", "PUT":
            if table[mountPath] != nil { return .error(400, "path is already in use at \(mountPath)") }
            if !isAuth, mounts.keys.contains(where: { mountPath.hasPrefix($0) || $0.hasPrefix(mountPath) }) {
                let existing = mounts.keys.first { mountPath.hasPrefix($0) || $0.hasPrefix(mountPath) }!
                return .error(400, "path is already in use at \(existing)")
            }
            var type = fields.string("type") ?? ""
            var options = fields["options"] ?? .null
            if case .object = options {} else { options = .null }
            let supported = isAuth ? ["jwt", "oidc", "approle", "kubernetes", "cert", "userpass"] : ["kv", "kv-v2"]
            guard supported.contains(type) else {
                if type.isEmpty { return .error(400, "backend type must be specified as a string") }
                return .error(400, "plugin not found in the catalog: \(type)")
            }
            if type == "kv-v2" {
                type = "kv"
                options = .object([("version", .string("2"))])
            }
            if type == "kv" {
                let version = options["version"].map { $0.stringValue ?? $0.goJSON() } ?? "1"
                options = .object([("version", .string(version == "2" ? "2" : "1"))])
            }
            let mount = Mount.make(path: mountPath, type: type, description: fields.string("description") ?? "",
                                   options: options, isAuth: isAuth)
            if isAuth {
                authMounts[mountPath] = mount
            } else {
                mounts[mountPath] = mount
                if mount.kvVersion == "2" { kv2[mountPath] = [:] } else { kv1[mountPath] = [:] }
            }
            return .noContent
        case "DELETE":
            if isAuth {
                guard mountPath != "token/" else { return .error(400, "token credential backend cannot be disabled") }
                authMounts[mountPath] = nil
                jwt[mountPath] = nil
                approle[mountPath] = nil
                kubernetes[mountPath] = nil
                cert[mountPath] = nil
                userpass[mountPath] = nil
            } else {
                guard !["sys/", "cubbyhole/", "identity/"].contains(mountPath) else {
                    return .error(400, "cannot unmount \"\(mountPath)\"")
                }
                mounts[mountPath] = nil
                kv1[mountPath] = nil
                kv2[mountPath] = nil
            }
            return .noContent
        default:
            return .unsupportedOperation
        }
    }

    func uiMounts(path: String, acl: ACL, requestID: String) -> VaultResponse {
        let relative = String(path.drop { $0 == "/" })
        if relative.isEmpty {
            func visible(_ table: [String: Mount], prefix: String) -> JSONValue {
                .object(table.values.filter { acl.hasAnyAccess(under: prefix + $0.path) }.sorted { $0.path < $1.path }
                    .map { ($0.path, $0.entry) })
            }
            return .envelope(requestID: requestID, data: .object([
                ("auth", visible(authMounts, prefix: "auth/")), ("secret", visible(mounts, prefix: "")),
            ]))
        }
        let sanitized = relative.hasSuffix("/") ? relative : relative + "/"
        let denied = VaultResponse.error(
            403, "preflight capability check returned 403, please ensure client's policies grant access to path \"\(sanitized)\"")
        if sanitized.hasPrefix("auth/") {
            guard let (mount, _) = authMount(for: sanitized), acl.hasAnyAccess(under: "auth/" + mount.path) else { return denied }
            return .envelope(requestID: requestID, data: mount.entry.setting("path", .string(mount.path)).sortedEntry)
        }
        guard let (mount, _) = secretMount(for: sanitized), acl.hasAnyAccess(under: mount.path) else { return denied }
        return .envelope(requestID: requestID, data: mount.entry.setting("path", .string(mount.path)).sortedEntry)
    }
}

extension JSONValue {
    /// The object with its keys sorted (Go map order).
    var sortedEntry: JSONValue {
        guard let members = objectValue else { return self }
        return .object(members.sorted { $0.0 < $1.0 })
    }
}
