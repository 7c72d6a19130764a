import Foundation
import GoValues

/// State of one AppRole auth mount.
struct AppRoleBackend: Sendable {
    struct SecretID: Sendable {
        var accessor: String
        var created: Date
        var ttl: Int
        var usesLeft: Int
        var metadata: [String: String]
        /// Client addresses (CIDRs) the secret ID may log in from; empty = any.
        var cidrList: [String] = []

        /// `secret-id/lookup`: the uses left, the metadata and the times, never the secret.
        var lookupData: JSONValue {
            let expiration: JSONValue = ttl > 0 ? .string(VaultTime.rfc3339Nano(created.addingTimeInterval(TimeInterval(ttl)))) : .string("0001-01-01T00:00:00Z")
            return .object([
                ("cidr_list", .strings(cidrList)), ("creation_time", .string(VaultTime.rfc3339Nano(created))),
                ("expiration_time", expiration), ("last_updated_time", .string(VaultTime.rfc3339Nano(created))),
                ("metadata", .sorted(metadata.mapValues { .string($0) })), ("secret_id_accessor", .string(accessor)),
                ("secret_id_num_uses", .int(usesLeft)), ("secret_id_ttl", .int(ttl)), ("token_bound_cidrs", .array([])),
            ])
        }
    }

    struct Role: Sendable {
        var roleID = RandomID.uuid()
        var bindSecretID = true
        var secretIDBoundCIDRs: [String] = []
        var tokenBoundCIDRs: [String] = []
        var tokenNumUses = 0
        var secretIDTTL = 0
        var secretIDNumUses = 0
        var tokenTTL = 0
        var tokenMaxTTL = 0
        var tokenPolicies: [String] = []
        var tokenType = "default"
        var tokenNoDefaultPolicy = false
        var secretIDs: [String: SecretID] = [:]

        var data: JSONValue {
            .object([
                ("bind_secret_id", .bool(bindSecretID)), ("local_secret_ids", .bool(false)),
                ("secret_id_bound_cidrs", secretIDBoundCIDRs.isEmpty ? .null : .strings(secretIDBoundCIDRs)), ("secret_id_num_uses", .int(secretIDNumUses)),
                ("secret_id_ttl", .int(secretIDTTL)), ("token_bound_cidrs", .strings(tokenBoundCIDRs)),
                ("token_explicit_max_ttl", .int(0)), ("token_max_ttl", .int(tokenMaxTTL)),
                ("token_no_default_policy", .bool(tokenNoDefaultPolicy)), ("token_num_uses", .int(tokenNumUses)),
                ("token_period", .int(0)), ("token_policies", .strings(tokenPolicies)),
                ("token_strictly_bind_ip", .bool(false)), ("token_ttl", .int(tokenTTL)), ("token_type", .string(tokenType)),
            ])
        }
    }

    var roles: [String: Role] = [:]
}
