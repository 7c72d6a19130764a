import Foundation
import GoValues

/// The identity store (`identity/`): entities, their aliases on auth mounts, and internal groups.
struct IdentityStore: Sendable {
    struct Entity: Sendable {
        var id: String
        var name: String
        var policies: [String] = []
        var metadata: [String: String]?
        var disabled = false
        var created: Date
        var updated: Date
    }

    struct Alias: Sendable {
        var id: String
        var name: String
        var canonicalID: String
        var mountAccessor: String
        var mountPath: String
        var mountType: String
        var created: Date
    }

    struct Group: Sendable {
        var id: String
        var name: String
        var policies: [String] = []
        var memberEntityIDs: [String] = []
        var metadata: [String: String]?
        var created: Date
        var updated: Date
        var modifyIndex = 1
    }

    var entities: [String: Entity] = [:]
    var aliases: [String: Alias] = [:]
    var groups: [String: Group] = [:]

    func entity(named name: String) -> Entity? { entities.values.first { $0.name.lowercased() == name.lowercased() } }
    func group(named name: String) -> Group? { groups.values.first { $0.name.lowercased() == name.lowercased() } }

    private static func metadata(_ values: [String: String]?) -> JSONValue {
        values.map { .sorted($0.mapValues { .string($0) }) } ?? .null
    }

    /// An entity as `identity/entity/id/ID` reads it, with its aliases and groups.
    func data(of entity: Entity) -> JSONValue {
        let groupIDs = groups.values.filter { $0.memberEntityIDs.contains(entity.id) }.map(\.id).sorted()
        let aliasList = aliases.values.filter { $0.canonicalID == entity.id }.sorted { $0.created < $1.created }.map { alias in
            JSONValue.object([
                ("canonical_id", .string(alias.canonicalID)), ("creation_time", .string(VaultTime.rfc3339Nano(alias.created))),
                ("custom_metadata", .object([])), ("id", .string(alias.id)),
                ("last_update_time", .string(VaultTime.rfc3339Nano(alias.created))), ("local", .bool(false)),
                ("merged_from_canonical_ids", .null), ("metadata", .null), ("mount_accessor", .string(alias.mountAccessor)),
                ("mount_path", .string(alias.mountPath)), ("mount_type", .string(alias.mountType)), ("name", .string(alias.name)),
            ])
        }
        return .object([
            ("aliases", .array(aliasList)), ("creation_time", .string(VaultTime.rfc3339Nano(entity.created))),
            ("direct_group_ids", .strings(groupIDs)), ("disabled", .bool(entity.disabled)), ("group_ids", .strings(groupIDs)),
            ("id", .string(entity.id)), ("inherited_group_ids", .array([])),
            ("last_update_time", .string(VaultTime.rfc3339Nano(entity.updated))), ("merged_entity_ids", .null),
            ("metadata", Self.metadata(entity.metadata)), ("name", .string(entity.name)), ("namespace_id", .string("root")),
            ("policies", .strings(entity.policies)),
        ])
    }

    /// A group as `identity/group/id/ID` reads it.
    func data(of group: Group) -> JSONValue {
        .object([
            ("alias", .object([])), ("creation_time", .string(VaultTime.rfc3339Nano(group.created))), ("id", .string(group.id)),
            ("last_update_time", .string(VaultTime.rfc3339Nano(group.updated))),
            ("member_entity_ids", group.memberEntityIDs.isEmpty ? .null : .strings(group.memberEntityIDs)),
            ("member_group_ids", .null), ("metadata", Self.metadata(group.metadata)), ("modify_index", .int(group.modifyIndex)),
            ("name", .string(group.name)), ("namespace_id", .string("root")), ("parent_group_ids", .null),
            ("policies", .strings(group.policies)), ("type", .string("internal")),
        ])
    }
}
