import Foundation
import GoValues

extension VaultCore {
    func kv2Request(_ request: VaultRequest, mount: Mount, rest: String, fields: RequestFields, requestID: String) -> VaultResponse {
        let m = mount.path
        let (head, relative): (String, String) = {
            guard let slash = rest.firstIndex(of: "/") else { return (rest, "") }
            return (String(rest[..<slash]), String(rest[rest.index(after: slash)...]))
        }()
        switch head {
        case "config":
            guard relative.isEmpty else { break }
            switch request.method {
            case "GET": return .envelope(requestID: requestID, data: (kvConfig[m] ?? KVMountConfig()).data)
            case "PUT", "POST":
                var config = kvConfig[m] ?? KVMountConfig()
                if let max = fields.int("max_versions") { config.maxVersions = max }
                if let cas = fields.bool("cas_required") { config.casRequired = cas }
                if let after = fields.string("delete_version_after") { config.deleteVersionAfter = after }
                kvConfig[m] = config
                return .noContent
            default: return .unsupportedOperation
            }
        case "data":
            guard !relative.isEmpty else { break }
            if request.isList { return .unsupportedOperation }
            switch request.method {
            case "GET": return kv2Read(mount: m, path: relative, query: request.query, requestID: requestID)
            case "PUT", "POST": return kv2Write(mount: m, path: relative, fields: fields, patch: false, requestID: requestID)
            case "PATCH":
                let contentType = request.headers["content-type"] ?? ""
                guard contentType.hasPrefix("application/merge-patch+json") else {
                    return .error(415, "PATCH requires Content-Type of application/merge-patch+json, provided \(contentType)")
                }
                return kv2Write(mount: m, path: relative, fields: fields, patch: true, requestID: requestID)
            case "DELETE":
                if var secret = kv2[m]?[relative], var version = secret.versions[secret.currentVersion], version.deleted == nil {
                    version.deleted = clock.now()
                    secret.versions[secret.currentVersion] = version
                    kv2[m]?[relative] = secret
                }
                return .noContent
            default: return .unsupportedOperation
            }
        case "metadata":
            if request.isList { return kvList(Array((kv2[m] ?? [:]).keys), prefix: relative, requestID: requestID) }
            guard !relative.isEmpty else { break }
            switch request.method {
            case "GET":
                guard let secret = kv2[m]?[relative] else { return .notFound }
                return .envelope(requestID: requestID, data: secret.metadata)
            case "DELETE":
                kv2[m]?[relative] = nil
                return .noContent
            case "PUT", "POST", "PATCH":
                let now = clock.now()
                var secret = kv2[m]?[relative] ?? KVSecret(created: now, updated: now)
                if let max = fields.int("max_versions") {
                    secret.maxVersions = max
                    secret.prune(keeping: (kvConfig[m] ?? KVMountConfig()).versionsKept(secretMax: max))
                }
                if let cas = fields.bool("cas_required") { secret.casRequired = cas }
                if let custom = fields["custom_metadata"] { secret.customMetadata = custom.sortedEntry }
                secret.metadataVersion += 1
                secret.updated = now
                kv2[m]?[relative] = secret
                return .noContent
            default: return .unsupportedOperation
            }
        case "delete", "undelete", "destroy":
            guard !relative.isEmpty, ["PUT", "POST"].contains(request.method) else { break }
            let versions = (fields["versions"]?.arrayValue ?? []).compactMap { value -> Int? in
                switch value {
                case let .string(s): return Int(s)
                default: return value.intValue
                }
            }
            guard !versions.isEmpty else { return .error(400, "no version number provided") }
            guard var secret = kv2[m]?[relative] else { return .noContent }
            for number in versions {
                guard var version = secret.versions[number] else { continue }
                switch head {
                case "delete": if version.deleted == nil && !version.destroyed { version.deleted = clock.now() }
                case "undelete": if !version.destroyed { version.deleted = nil }
                default: version.destroyed = true; version.data = .null
                }
                secret.versions[number] = version
            }
            kv2[m]?[relative] = secret
            return .noContent
        default:
            break
        }
        let command = request.method == "GET" || request.isList ? "get" : (request.method == "DELETE" ? "delete" : "put")
        return .envelope(status: 404, requestID: requestID, warnings: [
            "Invalid path for a versioned K/V secrets engine. See the API docs for the appropriate API endpoints to use. If using the OpenBao CLI, use 'bao kv \(command)' for this operation.",
        ])
    }

    private func kv2Read(mount: String, path: String, query: [String: String], requestID: String) -> VaultResponse {
        var requested = 0
        if let text = query["version"] {
            guard let number = Int(text) else {
                return .error(400, "Field validation failed: error converting input for field \"version\": '' cannot parse value as 'int': strconv.ParseInt: invalid syntax")
            }
            requested = number
        }
        guard let secret = kv2[mount]?[path], secret.currentVersion > 0 else { return .notFound }
        let number = requested == 0 ? secret.currentVersion : requested
        guard let version = secret.versions[number] else { return .notFound }
        if version.deleted != nil || version.destroyed {
            return .envelope(status: 404, requestID: requestID, data: .object([
                ("data", .null), ("metadata", secret.versionMetadata(number)),
            ]))
        }
        return .envelope(requestID: requestID, data: .object([
            ("data", version.data), ("metadata", secret.versionMetadata(number)),
        ]))
    }

    private func kv2Write(mount: String, path: String, fields: RequestFields, patch: Bool, requestID: String) -> VaultResponse {
        guard case let .object(newData)? = fields["data"] else { return .error(400, "no data provided") }
        let now = clock.now()
        var secret = kv2[mount]?[path] ?? KVSecret(created: now, updated: now)
        let cas = fields["options"]?["cas"].flatMap { value -> Int? in
            switch value {
            case let .string(s): return Int(s)
            default: return value.truncatedIntValue
            }
        }
        if let cas, cas != secret.currentVersion {
            return .error(400, "check-and-set parameter did not match the current version")
        }
        if cas == nil && secret.casRequired {
            return .error(400, "check-and-set parameter required for this call")
        }
        var merged = newData
        if patch {
            guard let current = secret.versions[secret.currentVersion], current.deleted == nil, !current.destroyed,
                  case let .object(existing) = current.data
            else { return VaultResponse(status: 404, body: nil) }
            var result = Dictionary(existing, uniquingKeysWith: { _, b in b })
            for (key, value) in newData {
                if value.isNull { result[key] = nil } else { result[key] = value }
            }
            merged = result.sorted { $0.key < $1.key }
        }
        let number = secret.currentVersion + 1
        secret.versions[number] = KVSecret.Version(data: JSONValue.object(merged).sortedEntry, created: now)
        secret.currentVersion = number
        secret.updated = now
        if secret.versions.count == 1 { secret.created = now }
        secret.prune(keeping: (kvConfig[mount] ?? KVMountConfig()).versionsKept(secretMax: secret.maxVersions))
        kv2[mount, default: [:]][path] = secret
        return .envelope(requestID: requestID, data: secret.versionMetadata(number))
    }

    /// Immediate children of `prefix` among `keys`, folders with a trailing slash.
    func kvList(_ keys: [String], prefix rawPrefix: String, requestID: String) -> VaultResponse {
        let prefix = rawPrefix.isEmpty || rawPrefix.hasSuffix("/") ? rawPrefix : rawPrefix + "/"
        var children = Set<String>()
        for key in keys where key.hasPrefix(prefix) {
            let remainder = key.dropFirst(prefix.count)
            if let slash = remainder.firstIndex(of: "/") {
                children.insert(String(remainder[...slash]))
            } else if !remainder.isEmpty {
                children.insert(String(remainder))
            }
        }
        guard !children.isEmpty else { return .notFound }
        return .envelope(requestID: requestID, data: .object([("keys", .strings(children.sorted()))]))
    }

    func kv1Request(_ request: VaultRequest, mount: Mount, rest: String, fields: RequestFields, leaseDuration: Int = 2_764_800,
                    requestID: String) -> VaultResponse {
        let m = mount.path
        if request.isList { return kvList(Array((kv1[m] ?? [:]).keys), prefix: rest, requestID: requestID) }
        switch request.method {
        case "GET":
            guard let data = kv1[m]?[rest] else { return .notFound }
            return .envelope(requestID: requestID, data: data, leaseDuration: leaseDuration)
        case "PUT", "POST":
            guard !rest.isEmpty else { return .unsupportedOperation }
            guard !fields.members.isEmpty else { return .error(400, "missing data fields") }
            kv1[m, default: [:]][rest] = JSONValue.object(fields.members).sortedEntry
            return .noContent
        case "DELETE":
            kv1[m]?[rest] = nil
            return .noContent
        default:
            return .unsupportedOperation
        }
    }
}
