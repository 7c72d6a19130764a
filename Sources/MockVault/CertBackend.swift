import GoValues

/// State of one TLS certificate auth mount.
struct CertBackend: Sendable {
    struct Role: Sendable {
        var certificatePEM = ""
        var displayName = ""
        var allowedCommonNames: [String] = []
        var allowedNames: [String] = []
        var allowedDNSSANs: [String] = []
        var allowedEmailSANs: [String] = []
        var allowedURISANs: [String] = []
        var allowedOrganizationalUnits: [String] = []
        var requiredExtensions: [String] = []
        var tokenPolicies: [String] = []
        var tokenTTL = 0
        var tokenMaxTTL = 0
        var tokenType = "default"
        var tokenNoDefaultPolicy = false
        /// Client addresses (CIDRs) the issued tokens may be used from; empty = any.
        var tokenBoundCIDRs: [String] = []

        var data: JSONValue {
            .object([
                ("allowed_common_names", allowedCommonNames.isEmpty ? .null : .strings(allowedCommonNames)),
                ("allowed_dns_sans", Self.list(allowedDNSSANs)), ("allowed_email_sans", Self.list(allowedEmailSANs)),
                ("allowed_metadata_extensions", .null), ("allowed_names", Self.list(allowedNames)),
                ("allowed_organizational_units", Self.list(allowedOrganizationalUnits)), ("allowed_uri_sans", Self.list(allowedURISANs)),
                ("certificate", .string(certificatePEM)), ("display_name", .string(displayName)),
                ("ocsp_ca_certificates", .string("")), ("ocsp_enabled", .bool(false)), ("ocsp_fail_open", .bool(false)),
                ("ocsp_query_all_servers", .bool(false)), ("ocsp_servers_override", .null), ("required_extensions", Self.list(requiredExtensions)),
                ("token_bound_cidrs", .strings(tokenBoundCIDRs)), ("token_explicit_max_ttl", .int(0)), ("token_max_ttl", .int(tokenMaxTTL)),
                ("token_no_default_policy", .bool(tokenNoDefaultPolicy)), ("token_num_uses", .int(0)), ("token_period", .int(0)),
                ("token_policies", .strings(tokenPolicies)), ("token_strictly_bind_ip", .bool(false)),
                ("token_ttl", .int(tokenTTL)), ("token_type", .string(tokenType)),
            ])
        }

        private static func list(_ values: [String]) -> JSONValue { values.isEmpty ? .null : .strings(values) }
    }

    var certs: [String: Role] = [:]
}
