import GoValues

/// State of one JWT/OIDC auth mount: its config and roles.
struct JWTBackend: Sendable {
    struct Config: Sendable {
        var jwksURL = ""
        var jwksCAPEM = ""
        var pubkeys: [String] = []
        var oidcDiscoveryURL = ""
        var oidcDiscoveryCAPEM = ""
        var boundIssuer = ""
        var defaultRole = ""
        var supportedAlgs: [String] = []
        /// The key set fetched from `jwks_url` or discovery.
        var jwksJSON: String?

        var data: JSONValue {
            .object([
                ("bound_issuer", .string(boundIssuer)), ("default_role", .string(defaultRole)),
                ("jwks_ca_pem", .string(jwksCAPEM)), ("jwks_url", .string(jwksURL)),
                ("jwt_supported_algs", .strings(supportedAlgs)), ("jwt_validation_pubkeys", .strings(pubkeys)),
                ("namespace_in_state", .bool(true)), ("oidc_client_id", .string("")),
                ("oidc_discovery_ca_pem", .string(oidcDiscoveryCAPEM)), ("oidc_discovery_url", .string(oidcDiscoveryURL)),
                ("oidc_response_mode", .string("")), ("oidc_response_types", .array([])),
                ("override_allowed_server_names", .array([])), ("provider_config", .object([])), ("status", .string("valid")),
            ])
        }
    }

    struct Role: Sendable {
        var roleType = "oidc"
        var userClaim = ""
        var boundSubject = ""
        var boundAudiences: [String] = []
        var boundClaims: JSONValue = .null
        var boundClaimsType = "string"
        var claimMappings: JSONValue = .null
        var groupsClaim = ""
        var userClaimJSONPointer = false
        var allowedRedirectURIs: [String] = []
        var tokenType = "default"
        var tokenPolicies: [String] = []
        var tokenTTL = 0
        var tokenMaxTTL = 0
        var tokenNoDefaultPolicy = false
        /// Client addresses (CIDRs) the issued tokens may be used from; empty = any.
        var tokenBoundCIDRs: [String] = []
        var clockSkewLeeway = 0
        var expirationLeeway = 0
        var notBeforeLeeway = 0

        var leeways: JWTVerifier.Leeways {
            JWTVerifier.Leeways(clockSkew: clockSkewLeeway, expiration: expirationLeeway, notBefore: notBeforeLeeway)
        }

        var data: JSONValue {
            .object([
                ("allowed_redirect_uris", allowedRedirectURIs.isEmpty ? .null : .strings(allowedRedirectURIs)),
                ("bound_audiences", boundAudiences.isEmpty ? .null : .strings(boundAudiences)),
                ("bound_claims", boundClaims), ("bound_claims_type", .string(boundClaimsType)),
                ("bound_subject", .string(boundSubject)), ("callback_mode", .string("client")),
                ("claim_mappings", claimMappings), ("clock_skew_leeway", .int(clockSkewLeeway)),
                ("expiration_leeway", .int(expirationLeeway)), ("groups_claim", .string(groupsClaim)),
                ("max_age", .int(0)), ("not_before_leeway", .int(notBeforeLeeway)), ("oauth2_metadata", .null),
                ("oidc_disable_confirmation", .bool(false)), ("oidc_scopes", .null), ("role_type", .string(roleType)),
                ("token_bound_cidrs", .strings(tokenBoundCIDRs)), ("token_explicit_max_ttl", .int(0)), ("token_max_ttl", .int(tokenMaxTTL)),
                ("token_no_default_policy", .bool(tokenNoDefaultPolicy)), ("token_num_uses", .int(0)),
                ("token_period", .int(0)), ("token_policies", .strings(tokenPolicies)),
                ("token_policies_template_claims", .bool(false)), ("token_strictly_bind_ip", .bool(false)),
                ("token_ttl", .int(tokenTTL)), ("token_type", .string(tokenType)), ("user_claim", .string(userClaim)),
                ("user_claim_json_pointer", .bool(userClaimJSONPointer)), ("verbose_oidc_logging", .bool(false)),
            ])
        }
    }

    var config: Config?
    var roles: [String: Role] = [:]
}
