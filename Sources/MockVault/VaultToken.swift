import Foundation
import GoValues

/// A client token (service or batch) and its properties.
struct VaultToken: Sendable {
    enum Kind: String, Sendable { case service, batch }

    var id: String
    var accessor: String
    var policies: [String]
    var kind: Kind
    var displayName: String
    var path: String
    var meta: [String: String]?
    var creationTime: Date
    var creationTTL: Int
    var expireTime: Date?
    var renewable: Bool
    var orphan: Bool
    var entityID: String = ""
    var explicitMaxTTL: Int = 0
    /// Uses left (0 = unlimited; -1 = the last use is under way and the token is revoked after it).
    var numUses: Int = 0
    /// The token that created this one; revoking it (or its expiry) ends this one. Nil for orphans.
    var parentID: String?
    /// A periodic token's period in seconds (0 = not periodic).
    var period: Int = 0
    /// Client addresses (CIDRs) the token may be used from; empty = any.
    var boundCIDRs: [String] = []
    /// The token role it was created from, if any.
    var role: String?

    var isRoot: Bool { policies.contains("root") }

    /// Remaining lifetime in whole seconds (0 for tokens that never expire).
    func ttl(now: Date) -> Int {
        guard let expireTime else { return 0 }
        return max(0, Int((expireTime.timeIntervalSince(now)).rounded(.down)))
    }

    /// The `auth` block a login or create returns.
    func authBlock(leaseDuration: Int) -> JSONValue {
        let metaValue: JSONValue = meta.map { JSONValue.sorted($0.mapValues { JSONValue.string($0) }) } ?? .null
        let members: [(String, JSONValue)] = [
            ("client_token", .string(id)),
            ("accessor", .string(accessor)),
            ("policies", .strings(policies)),
            ("token_policies", .strings(policies)),
            ("metadata", metaValue),
            ("lease_duration", .int(leaseDuration)),
            ("renewable", .bool(renewable)),
            ("entity_id", .string(entityID)),
            ("token_type", .string(kind.rawValue)),
            ("orphan", .bool(orphan)),
            ("mfa_requirement", .null),
            ("num_uses", .int(numUses)),
        ]
        return .object(members)
    }

    /// The `data` of `lookup-self` / `lookup`.
    func lookupData(now: Date) -> JSONValue {
        let batch = kind == .batch
        let format: (Date) -> String = { batch ? VaultTime.rfc3339($0) : VaultTime.rfc3339Nano($0) }
        let expire: JSONValue = expireTime.map { JSONValue.string(format($0)) } ?? .null
        let metaValue: JSONValue = meta.map { JSONValue.sorted($0.mapValues { JSONValue.string($0) }) } ?? .null
        let members: [(String, JSONValue)] = [
            ("accessor", .string(accessor)),
            ("creation_time", .int(Int(creationTime.timeIntervalSince1970))),
            ("creation_ttl", .int(creationTTL)),
            ("display_name", .string(displayName)),
            ("entity_id", .string(entityID)),
            ("expire_time", expire),
            ("explicit_max_ttl", .int(explicitMaxTTL)),
            ("id", .string(id)),
            ("issue_time", .string(format(creationTime))),
            ("meta", metaValue),
            ("num_uses", .int(numUses)),
            ("orphan", .bool(orphan)),
            ("path", .string(path)),
        ] + (period > 0 ? [("period", .int(period))] : []) + [
            ("policies", .strings(policies)),
            ("renewable", .bool(renewable)),
        ] + (role.map { [("role", JSONValue.string($0))] } ?? []) + [
            ("ttl", .int(ttl(now: now))),
            ("type", .string(kind.rawValue)),
        ]
        return .object(members)
    }
}
