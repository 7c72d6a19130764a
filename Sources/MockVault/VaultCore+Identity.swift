import GoValues

extension VaultCore {
    /// `identity/...`: entities (by id and name), entity aliases, internal groups and `lookup/entity`.
    func identityRequest(_ request: VaultRequest, rest: String, fields: RequestFields, requestID: String) -> VaultResponse {
        let parts = rest.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        let now = clock.now()
        switch (parts.first ?? "", parts.count) {
        case ("entity", 1), ("group", 1):
            guard request.isWrite else { return .unsupportedOperation }
            return parts[0] == "entity" ? writeEntity(nil, fields: fields, requestID: requestID) : writeGroup(nil, fields: fields, requestID: requestID)
        case ("entity", 2), ("group", 2):
            guard request.isList, ["id", "name"].contains(parts[1]) else { return .unsupportedOperation }
            let keys = parts[0] == "entity"
                ? (parts[1] == "id" ? Array(identity.entities.keys) : identity.entities.values.map(\.name))
                : (parts[1] == "id" ? Array(identity.groups.keys) : identity.groups.values.map(\.name))
            guard !keys.isEmpty else { return .notFound }
            return .envelope(requestID: requestID, data: .object([("keys", .strings(keys.sorted()))]))
        case ("entity", 3) where ["id", "name"].contains(parts[1]):
            let found = parts[1] == "id" ? identity.entities[parts[2]] : identity.entity(named: parts[2])
            switch request.method {
            case "GET":
                guard let found else { return .notFound }
                return .envelope(requestID: requestID, data: identity.data(of: found))
            case "DELETE":
                if let found { identity.entities[found.id] = nil }
                return .noContent
            default:
                guard request.isWrite else { return .unsupportedOperation }
                var fields = fields
                if parts[1] == "name" { fields.members.append(("name", .string(parts[2]))) }
                return writeEntity(found, fields: fields, requestID: requestID)
            }
        case ("group", 3) where ["id", "name"].contains(parts[1]):
            let found = parts[1] == "id" ? identity.groups[parts[2]] : identity.group(named: parts[2])
            switch request.method {
            case "GET":
                guard let found else { return .notFound }
                return .envelope(requestID: requestID, data: identity.data(of: found))
            case "DELETE":
                if let found { identity.groups[found.id] = nil }
                return .noContent
            default:
                guard request.isWrite else { return .unsupportedOperation }
                return writeGroup(found, fields: fields, requestID: requestID)
            }
        case ("entity-alias", 1):
            guard request.isWrite else { return .unsupportedOperation }
            guard let canonical = fields.string("canonical_id"), identity.entities[canonical] != nil else {
                return .error(400, "entity id is missing")
            }
            guard let accessor = fields.string("mount_accessor"),
                  let mount = authMounts.values.first(where: { $0.accessor == accessor }) else {
                return .error(400, "invalid mount accessor \"\(fields.string("mount_accessor") ?? "")\"")
            }
            let alias = IdentityStore.Alias(id: RandomID.uuid(), name: fields.string("name") ?? "", canonicalID: canonical,
                                            mountAccessor: accessor, mountPath: "auth/" + mount.path, mountType: mount.type, created: now)
            identity.aliases[alias.id] = alias
            return .envelope(requestID: requestID, data: .object([("canonical_id", .string(canonical)), ("id", .string(alias.id))]))
        case ("lookup", 2) where parts[1] == "entity":
            guard request.isWrite else { return .unsupportedOperation }
            let found = fields.string("id").flatMap { identity.entities[$0] } ?? fields.string("name").flatMap { identity.entity(named: $0) }
            guard let found else { return .noContent }
            return .envelope(requestID: requestID, data: identity.data(of: found))
        default:
            return .unsupportedPath
        }
    }

    private static func metadata(_ fields: RequestFields) -> [String: String]? {
        guard case let .object(members)? = fields["metadata"] else { return nil }
        return Dictionary(members.map { ($0.0, $0.1.stringValue ?? $0.1.goJSON()) }, uniquingKeysWith: { _, last in last })
    }

    /// Creates an entity (200 with its id) or updates the one given or named (204).
    private func writeEntity(_ existing: IdentityStore.Entity?, fields: RequestFields, requestID: String) -> VaultResponse {
        let now = clock.now()
        let named = fields.string("name").flatMap { identity.entity(named: $0) }
        if var entity = existing ?? named {
            if let v = fields.list("policies") { entity.policies = Array(Set(v)).sorted() }
            if let v = Self.metadata(fields) { entity.metadata = v }
            if let v = fields.bool("disabled") { entity.disabled = v }
            entity.updated = now
            identity.entities[entity.id] = entity
            return .noContent
        }
        let id = RandomID.uuid()
        let name = fields.string("name").flatMap { $0.isEmpty ? nil : $0 } ?? "entity_" + RandomID.hex(8)
        let entity = IdentityStore.Entity(id: id, name: name, policies: Array(Set(fields.list("policies") ?? [])).sorted(),
                                          metadata: Self.metadata(fields), disabled: fields.bool("disabled") ?? false,
                                          created: now, updated: now)
        identity.entities[id] = entity
        return .envelope(requestID: requestID, data: .object([("aliases", .null), ("id", .string(id)), ("name", .string(name))]))
    }

    /// Creates an internal group (200 with its id) or updates the one given or named (204).
    private func writeGroup(_ existing: IdentityStore.Group?, fields: RequestFields, requestID: String) -> VaultResponse {
        let now = clock.now()
        let named = fields.string("name").flatMap { identity.group(named: $0) }
        if var group = existing ?? named {
            if let v = fields.list("policies") { group.policies = Array(Set(v)).sorted() }
            if let v = fields.list("member_entity_ids") { group.memberEntityIDs = v }
            if let v = Self.metadata(fields) { group.metadata = v }
            group.updated = now
            group.modifyIndex += 1
            identity.groups[group.id] = group
            return .noContent
        }
        let id = RandomID.uuid()
        let name = fields.string("name").flatMap { $0.isEmpty ? nil : $0 } ?? "group_" + RandomID.hex(8)
        let group = IdentityStore.Group(id: id, name: name, policies: Array(Set(fields.list("policies") ?? [])).sorted(),
                                        memberEntityIDs: fields.list("member_entity_ids") ?? [], metadata: Self.metadata(fields),
                                        created: now, updated: now)
        identity.groups[id] = group
        return .envelope(requestID: requestID, data: .object([("id", .string(id)), ("name", .string(name))]))
    }
}
