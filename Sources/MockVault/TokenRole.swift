import GoValues

/// A token role (`auth/token/roles/NAME`): what `auth/token/create/NAME` may issue.
struct TokenRole: Sendable {
    var name: String
    var allowedPolicies: [String] = []
    var disallowedPolicies: [String] = []
    var orphan = false
    var renewable = true
    /// Seconds; 0 = none.
    var period = 0
    var explicitMaxTTL = 0
    var pathSuffix = ""
    var tokenType = "default-service"
    var noDefaultPolicy = false

    /// Applies the fields of a role write; nil, or the error text of a field that does not parse.
    mutating func update(_ fields: RequestFields) -> String? {
        if let v = fields.list("allowed_policies") { allowedPolicies = v }
        if let v = fields.list("disallowed_policies") { disallowedPolicies = v }
        if let v = fields.bool("orphan") { orphan = v }
        if let v = fields.bool("renewable") { renewable = v }
        if let v = fields.string("path_suffix") { pathSuffix = v }
        if let v = fields.string("token_type") { tokenType = v }
        if let v = fields.bool("token_no_default_policy") { noDefaultPolicy = v }
        for key in ["token_period", "period"] where fields.has(key) {
            guard let seconds = fields.seconds(key) else { return "invalid duration for \(key)" }
            period = seconds
        }
        for key in ["token_explicit_max_ttl", "explicit_max_ttl"] where fields.has(key) {
            guard let seconds = fields.seconds(key) else { return "invalid duration for \(key)" }
            explicitMaxTTL = seconds
        }
        return nil
    }

    /// The role as `GET auth/token/roles/NAME` shows it (OpenBao keeps the legacy `period` and
    /// `explicit_max_ttl` at 0 beside the `token_` fields).
    var data: JSONValue {
        .object([
            ("allowed_entity_aliases", .null), ("allowed_policies", .strings(allowedPolicies)),
            ("allowed_policies_glob", .array([])), ("disallowed_policies", .strings(disallowedPolicies)),
            ("disallowed_policies_glob", .array([])), ("explicit_max_ttl", .int(0)), ("name", .string(name)),
            ("orphan", .bool(orphan)), ("path_suffix", .string(pathSuffix)), ("period", .int(0)),
            ("renewable", .bool(renewable)), ("token_explicit_max_ttl", .int(explicitMaxTTL)),
            ("token_no_default_policy", .bool(noDefaultPolicy)), ("token_period", .int(period)),
            ("token_type", .string(tokenType)),
        ])
    }
}
