import GoValues

/// State of one Kubernetes auth mount.
struct KubernetesBackend: Sendable {
    struct Config: Sendable {
        var host = ""
        var caCert = ""
        var disableLocalCAJWT = false
        var issuer = ""
        var disableISSValidation = true
        /// The bearer for TokenReview; the login's own JWT when empty.
        var tokenReviewerJWT = ""

        var data: JSONValue {
            .object([
                ("disable_iss_validation", .bool(disableISSValidation)), ("disable_local_ca_jwt", .bool(disableLocalCAJWT)),
                ("issuer", .string(issuer)), ("kubernetes_ca_cert", .string(caCert)), ("kubernetes_host", .string(host)),
                ("pem_keys", .array([])), ("token_reviewer_jwt_set", .bool(!tokenReviewerJWT.isEmpty)),
            ])
        }
    }

    struct Role: Sendable {
        var names: [String] = []
        var namespaces: [String] = []
        var audience = ""
        var tokenPolicies: [String] = []
        var tokenTTL = 0
        var tokenMaxTTL = 0
        var tokenType = "default"
        var tokenNoDefaultPolicy = false
        /// Client addresses (CIDRs) the issued tokens may be used from; empty = any.
        var tokenBoundCIDRs: [String] = []

        var data: JSONValue {
            var members: [(String, JSONValue)] = [("alias_name_source", .string("serviceaccount_uid"))]
            if !audience.isEmpty { members.append(("audience", .string(audience))) }
            members += [
                ("bound_service_account_names", .strings(names)), ("bound_service_account_namespace_selector", .string("")),
                ("bound_service_account_namespaces", .strings(namespaces)), ("token_bound_cidrs", .strings(tokenBoundCIDRs)),
                ("token_explicit_max_ttl", .int(0)), ("token_max_ttl", .int(tokenMaxTTL)),
                ("token_no_default_policy", .bool(tokenNoDefaultPolicy)), ("token_num_uses", .int(0)), ("token_period", .int(0)),
                ("token_policies", .strings(tokenPolicies)), ("token_strictly_bind_ip", .bool(false)),
                ("token_ttl", .int(tokenTTL)), ("token_type", .string(tokenType)),
            ]
            return .object(members)
        }
    }

    var config: Config?
    var roles: [String: Role] = [:]
}
