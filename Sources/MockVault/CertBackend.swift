/// State of one TLS certificate auth mount.
struct CertBackend: Sendable {
    struct Role: Sendable {
        var certificatePEM = ""
        var displayName = ""
        var allowedCommonNames: [String] = []
        var tokenPolicies: [String] = []
        var tokenTTL = 0
        var tokenMaxTTL = 0
        var tokenType = "default"
        var tokenNoDefaultPolicy = false

        var data: JSONValue {
            .object([
                ("allowed_common_names", allowedCommonNames.isEmpty ? .null : .strings(allowedCommonNames)),
                ("allowed_dns_sans", .null), ("allowed_email_sans", .null), ("allowed_metadata_extensions", .null),
                ("allowed_names", .null), ("allowed_organizational_units", .null), ("allowed_uri_sans", .null),
                ("certificate", .string(certificatePEM)), ("display_name", .string(displayName)),
                ("ocsp_ca_certificates", .string("")), ("ocsp_enabled", .bool(false)), ("ocsp_fail_open", .bool(false)),
                ("ocsp_query_all_servers", .bool(false)), ("ocsp_servers_override", .null), ("required_extensions", .null),
                ("token_bound_cidrs", .array([])), ("token_explicit_max_ttl", .int(0)), ("token_max_ttl", .int(tokenMaxTTL)),
                ("token_no_default_policy", .bool(tokenNoDefaultPolicy)), ("token_num_uses", .int(0)), ("token_period", .int(0)),
                ("token_policies", .strings(tokenPolicies)), ("token_strictly_bind_ip", .bool(false)),
                ("token_ttl", .int(tokenTTL)), ("token_type", .string(tokenType)),
            ])
        }
    }

    var certs: [String: Role] = [:]
}
