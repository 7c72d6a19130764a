import Foundation
import GoValues

extension VaultCore {
    func jwtBackend(_ request: VaultRequest, mount: Mount, rest: String, fields: RequestFields, requestID: String) async -> VaultResponse {
        let m = mount.path
        let write = ["PUT", "POST"].contains(request.method)
        if rest == "config" {
            if request.method == "GET" {
                guard let config = jwt[m]?.config else { return .notFound }
                return .envelope(requestID: requestID, data: config.data)
            }
            guard write else { return .unsupportedOperation }
            return await writeJWTConfig(mount: m, fields: fields)
        }
        if rest == "role" || rest == "role/" {
            guard request.isList else { return .unsupportedOperation }
            let names = (jwt[m]?.roles.keys).map(Array.init) ?? []
            guard !names.isEmpty else { return .notFound }
            return .envelope(requestID: requestID, data: .object([("keys", .strings(names.sorted()))]))
        }
        guard rest.hasPrefix("role/") else { return .unsupportedPath }
        let name = String(rest.dropFirst(5)).lowercased()
        switch request.method {
        case "GET":
            guard let role = jwt[m]?.roles[name] else { return .notFound }
            return .envelope(requestID: requestID, data: role.data)
        case "DELETE":
            jwt[m]?.roles[name] = nil
            return .noContent
        case "PUT", "POST":
            var role = jwt[m]?.roles[name] ?? JWTBackend.Role()
            if let v = fields.string("role_type") { role.roleType = v }
            if let v = fields.string("user_claim") { role.userClaim = v }
            if let v = fields.string("bound_subject") { role.boundSubject = v }
            if let v = fields.list("bound_audiences") { role.boundAudiences = v }
            if let v = fields["bound_claims"] { role.boundClaims = v.sortedEntry }
            if let v = fields["claim_mappings"] { role.claimMappings = v.sortedEntry }
            if let v = fields.string("groups_claim") { role.groupsClaim = v }
            if let v = fields.bool("user_claim_json_pointer") { role.userClaimJSONPointer = v }
            if let v = fields.list("allowed_redirect_uris") { role.allowedRedirectURIs = v }
            if let v = fields.list("token_policies") ?? fields.list("policies") { role.tokenPolicies = v }
            if let v = fields.bool("token_no_default_policy") { role.tokenNoDefaultPolicy = v }
            if let v = fields.list("token_bound_cidrs") { role.tokenBoundCIDRs = v }
            for (key, path) in [("clock_skew_leeway", \JWTBackend.Role.clockSkewLeeway), ("expiration_leeway", \.expirationLeeway),
                                ("not_before_leeway", \.notBeforeLeeway), ("token_ttl", \.tokenTTL), ("token_max_ttl", \.tokenMaxTTL)]
            where fields.has(key) {
                guard let seconds = fields.seconds(key) else { return .error(400, "invalid duration for \(key)") }
                role[keyPath: path] = seconds
            }
            if let v = fields.string("bound_claims_type") {
                guard ["string", "glob"].contains(v) else { return .error(400, "invalid 'bound_claims_type': \(v)") }
                role.boundClaimsType = v
            }
            if let problem = JWTClaims.roleProblem(boundClaims: role.boundClaims, type: role.boundClaimsType,
                                                   claimMappings: role.claimMappings) {
                return .error(400, problem)
            }
            if let v = fields.string("token_type") {
                guard ["batch", "service", "default", "default-service", "default-batch"].contains(v) else {
                    return .error(400, "invalid 'token_type' value \"\(v)\"")
                }
                role.tokenType = v
            }
            guard ["jwt", "oidc"].contains(role.roleType) else { return .error(400, "invalid 'role_type': \(role.roleType)") }
            if role.roleType == "oidc" && role.allowedRedirectURIs.isEmpty {
                return .error(400, "'allowed_redirect_uris' must be set if 'role_type' is 'oidc' or unspecified.")
            }
            if role.userClaim.isEmpty { return .error(400, "a user claim must be defined on the role") }
            if role.roleType == "jwt" && role.boundAudiences.isEmpty && role.boundSubject.isEmpty && role.boundClaims.isNull {
                return .error(400, "must have at least one bound constraint when creating/updating a role")
            }
            if role.tokenMaxTTL > 0, role.tokenTTL > role.tokenMaxTTL { return .error(400, "'token_ttl' cannot be greater than 'token_max_ttl'") }
            jwt[m, default: JWTBackend()].roles[name] = role
            return .noContent
        default:
            return .unsupportedOperation
        }
    }

    private func writeJWTConfig(mount: String, fields: RequestFields) async -> VaultResponse {
        var config = JWTBackend.Config()
        config.jwksURL = fields.string("jwks_url") ?? ""
        config.jwksCAPEM = fields.string("jwks_ca_pem") ?? ""
        config.pubkeys = fields.list("jwt_validation_pubkeys") ?? []
        if case let .string(single)? = fields["jwt_validation_pubkeys"] { config.pubkeys = single.isEmpty ? [] : [single] }
        config.oidcDiscoveryURL = fields.string("oidc_discovery_url") ?? ""
        config.oidcDiscoveryCAPEM = fields.string("oidc_discovery_ca_pem") ?? ""
        config.boundIssuer = fields.string("bound_issuer") ?? ""
        config.defaultRole = fields.string("default_role") ?? ""
        config.supportedAlgs = fields.list("jwt_supported_algs") ?? []
        let jwksPairs = !(fields["jwks_pairs"]?.arrayValue ?? []).isEmpty
        let providerConfig = !(fields["provider_config"]?.objectValue ?? []).isEmpty
        let sources = [!config.pubkeys.isEmpty, !config.jwksURL.isEmpty, jwksPairs, !config.oidcDiscoveryURL.isEmpty, providerConfig]
        guard sources.filter({ $0 }).count == 1, !jwksPairs, !providerConfig else {
            return .error(400, "exactly one of 'jwt_validation_pubkeys', 'jwks_url', 'jwks_pairs', 'oidc_discovery_url', or 'provider_config' must be set")
        }
        if !config.jwksURL.isEmpty {
            guard let keys = try? await OutboundHTTP.get(config.jwksURL, caPEM: config.jwksCAPEM, trustedCAFile: trustedCAFile),
                  (try? JSONValue.parse(keys))?["keys"]?.arrayValue != nil
            else { return .error(400, "error checking jwks URL") }
            config.jwksJSON = keys
        }
        if !config.oidcDiscoveryURL.isEmpty {
            guard let keys = await discoverKeys(config) else { return .error(400, "error checking oidc discovery URL") }
            config.jwksJSON = keys
        }
        for pem in config.pubkeys where !pem.contains("-----BEGIN") {
            return .error(400, "error parsing public key: data does not contain any valid public keys")
        }
        jwt[mount, default: JWTBackend()].config = config
        return .noContent
    }

    private func discoverKeys(_ config: JWTBackend.Config) async -> String? {
        let base = config.oidcDiscoveryURL.hasSuffix("/") ? String(config.oidcDiscoveryURL.dropLast()) : config.oidcDiscoveryURL
        guard let text = try? await OutboundHTTP.get(base + "/.well-known/openid-configuration",
                                                     caPEM: config.oidcDiscoveryCAPEM, trustedCAFile: trustedCAFile),
              let document = try? JSONValue.parse(text),
              document["issuer"]?.stringValue == config.oidcDiscoveryURL,
              let jwksURI = document["jwks_uri"]?.stringValue
        else { return nil }
        return try? await OutboundHTTP.get(jwksURI, caPEM: config.oidcDiscoveryCAPEM, trustedCAFile: trustedCAFile)
    }

    func jwtLogin(mount: Mount, fields: RequestFields, from remoteAddress: String, requestID: String) async -> VaultResponse {
        let m = mount.path
        var roleName = fields.string("role") ?? ""
        if roleName.isEmpty { roleName = jwt[m]?.config?.defaultRole ?? "" }
        guard !roleName.isEmpty else { return .error(400, "missing role") }
        let token = fields.string("jwt") ?? ""
        guard !token.isEmpty else { return .error(400, "missing token") }
        guard let role = jwt[m]?.roles[roleName.lowercased()] else {
            return .error(400, "role \"\(roleName)\" could not be found")
        }
        guard role.roleType == "jwt" else { return .error(400, "role with oidc role_type is not allowed") }
        guard var config = jwt[m]?.config else { return .error(400, "could not load configuration") }
        let claims: JSONValue
        do {
            let (header, decodedClaims) = try JWTVerifier.decode(token)
            claims = decodedClaims
            if !config.pubkeys.isEmpty {
                guard await JWTVerifier.verify(token, pemKeys: config.pubkeys, alg: header["alg"]?.stringValue ?? "") else {
                    return .error(400, "error validating token: error verifying token signature: no known key successfully validated the token signature")
                }
            } else {
                var valid = await JWTVerifier.verify(token, jwksJSON: config.jwksJSON ?? "{\"keys\":[]}")
                if !valid, !config.jwksURL.isEmpty,
                   let fresh = try? await OutboundHTTP.get(config.jwksURL, caPEM: config.jwksCAPEM, trustedCAFile: trustedCAFile) {
                    config.jwksJSON = fresh
                    jwt[m]?.config = config
                    valid = await JWTVerifier.verify(token, jwksJSON: fresh)
                }
                guard valid else {
                    return .error(400, "error validating token: error verifying token signature: failed to verify id token signature")
                }
            }
            if !config.supportedAlgs.isEmpty, !config.supportedAlgs.contains(header["alg"]?.stringValue ?? "") {
                return .error(400, "error validating token: " + JWTVerifier.unsupportedAlgorithm())
            }
            try JWTVerifier.checkClaims(claims, boundIssuer: config.boundIssuer, boundSubject: role.boundSubject,
                                        boundAudiences: role.boundAudiences, leeways: role.leeways, now: clock.now())
        } catch {
            return .error(400, error.message)
        }
        if role.boundAudiences.isEmpty, !(JWTClaims.claim(claims, "aud")?.arrayValue ?? []).isEmpty {
            return .error(400, "audience claim found in JWT but no audiences bound to the role")
        }
        let identity: (user: String, metadata: [String: String])
        switch JWTClaims.identity(claims, userClaim: role.userClaim, pointer: role.userClaimJSONPointer, claimMappings: role.claimMappings, groupsClaim: role.groupsClaim) {
        case let .success(found): identity = found
        case let .failure(problem): return .error(400, problem.message)
        }
        if let problem = JWTClaims.boundClaimsProblem(role.boundClaims, type: role.boundClaimsType, in: claims) {
            return .error(400, "error validating claims: " + problem)
        }
        let user = identity.user
        let kind: VaultToken.Kind = role.tokenType == "batch" || role.tokenType == "default-batch" ? .batch : .service
        return issueLoginToken(kind: kind, policies: role.tokenPolicies, noDefaultPolicy: role.tokenNoDefaultPolicy,
                               boundCIDRs: role.tokenBoundCIDRs, from: remoteAddress,
                               ttl: role.tokenTTL, displayName: mount.path.dropLast() + "-" + user,
                               path: "auth/\(mount.path)login", meta: identity.metadata.merging(["role": roleName]) { _, role in role },
                               alias: user, requestID: requestID)
    }
}
