import Foundation
import GoValues

extension VaultCore {
    func kubernetesBackend(_ request: VaultRequest, mount: Mount, rest: String, fields: RequestFields, requestID: String) -> VaultResponse {
        let m = mount.path
        if rest == "config" {
            if request.method == "GET" {
                guard let config = kubernetes[m]?.config else { return .notFound }
                return .envelope(requestID: requestID, data: config.data)
            }
            guard ["PUT", "POST"].contains(request.method) else { return .unsupportedOperation }
            var config = KubernetesBackend.Config()
            config.host = fields.string("kubernetes_host") ?? ""
            guard !config.host.isEmpty else { return .error(400, "no host provided") }
            config.caCert = fields.string("kubernetes_ca_cert") ?? ""
            config.disableLocalCAJWT = fields.bool("disable_local_ca_jwt") ?? false
            config.issuer = fields.string("issuer") ?? ""
            config.disableISSValidation = fields.bool("disable_iss_validation") ?? true
            config.tokenReviewerJWT = fields.string("token_reviewer_jwt") ?? ""
            if config.disableLocalCAJWT && config.caCert.isEmpty {
                return .error(400, "kubernetes_ca_cert must be given when disable_local_ca_jwt is true")
            }
            kubernetes[m, default: KubernetesBackend()].config = config
            return .noContent
        }
        if rest == "role" || rest == "role/" {
            guard request.isList else { return .unsupportedOperation }
            let names = (kubernetes[m]?.roles.keys).map(Array.init) ?? []
            guard !names.isEmpty else { return .notFound }
            return .envelope(requestID: requestID, data: .object([("keys", .strings(names.sorted()))]))
        }
        guard rest.hasPrefix("role/") else { return .unsupportedPath }
        let name = String(rest.dropFirst(5)).lowercased()
        switch request.method {
        case "GET":
            guard let role = kubernetes[m]?.roles[name] else { return .notFound }
            return .envelope(requestID: requestID, data: role.data)
        case "DELETE":
            kubernetes[m]?.roles[name] = nil
            return .noContent
        case "PUT", "POST":
            var role = kubernetes[m]?.roles[name] ?? KubernetesBackend.Role()
            if let v = fields.list("bound_service_account_names") { role.names = v }
            if let v = fields.list("bound_service_account_namespaces") { role.namespaces = v }
            if let v = fields.string("audience") { role.audience = v }
            if let v = fields.list("token_policies") ?? fields.list("policies") { role.tokenPolicies = v }
            if let v = fields.string("token_type") { role.tokenType = v }
            if let v = fields.bool("token_no_default_policy") { role.tokenNoDefaultPolicy = v }
            if let v = fields.list("token_bound_cidrs") { role.tokenBoundCIDRs = v }
            for (key, path) in [("token_ttl", \KubernetesBackend.Role.tokenTTL), ("token_max_ttl", \.tokenMaxTTL)] where fields.has(key) {
                guard let seconds = fields.seconds(key) else { return .error(400, "invalid duration for \(key)") }
                role[keyPath: path] = seconds
            }
            guard !role.names.isEmpty else { return .error(400, "\"bound_service_account_names\" can not be empty") }
            guard !role.namespaces.isEmpty else {
                return .error(400, "\"bound_service_account_namespaces\" can not be empty")
            }
            kubernetes[m, default: KubernetesBackend()].roles[name] = role
            return .noContent
        default:
            return .unsupportedOperation
        }
    }

    /// Kubernetes login as OpenBao does it: the service-account JWT's claims are read (its signature is the
    /// cluster's to check), checked against the role (audience, names, namespaces), then the token goes to
    /// the cluster's TokenReview at `kubernetes_host`; any refusal there is a plain 403.
    func kubernetesLogin(mount: Mount, fields: RequestFields, from remoteAddress: String, requestID: String) async -> VaultResponse {
        let m = mount.path
        let roleName = fields.string("role") ?? ""
        guard !roleName.isEmpty else { return .error(400, "missing role") }
        let token = fields.string("jwt") ?? ""
        guard !token.isEmpty else { return .error(400, "missing jwt") }
        guard let role = kubernetes[m]?.roles[roleName.lowercased()] else {
            return .error(400, "invalid role name \"\(roleName)\"")
        }
        guard let config = kubernetes[m]?.config else { return .error(500, "could not load backend configuration") }
        let claims: JSONValue
        do {
            claims = try JWTVerifier.decode(token).claims
            try JWTVerifier.checkClaims(claims, boundIssuer: config.disableISSValidation ? "" : (config.issuer.isEmpty ? "kubernetes/serviceaccount" : config.issuer),
                                        boundSubject: "", boundAudiences: role.audience.isEmpty ? [] : [role.audience],
                                        leeways: JWTVerifier.Leeways(), now: clock.now(), timeClaimsRequired: false)
        } catch {
            // OpenBao answers a token it cannot parse or verify with a bare permission denied.
            if error.message.contains("verifying token signature") { return .permissionDenied }
            return .error(403, error.message.replacingOccurrences(of: "error validating token: ", with: ""))
        }
        // OpenBao decodes the claims into a struct whose `aud` is a list: a single string does not decode.
        if case .string? = claims["aud"] {
            return .error(500, "decoding failed due to the following error(s):\n\n'aud' source data must be an array or slice, got string")
        }
        let projected = claims["kubernetes.io"]
        let namespace = projected?["namespace"]?.stringValue ?? claims["kubernetes.io/serviceaccount/namespace"]?.stringValue ?? ""
        let name = projected?["serviceaccount"]?["name"]?.stringValue
            ?? claims["kubernetes.io/serviceaccount/service-account.name"]?.stringValue ?? ""
        let uid = projected?["serviceaccount"]?["uid"]?.stringValue
            ?? claims["kubernetes.io/serviceaccount/service-account.uid"]?.stringValue ?? ""
        let secretName = claims["kubernetes.io/serviceaccount/secret.name"]?.stringValue ?? ""
        guard role.names == ["*"] || role.names.contains(where: { PathPermissions.globMatch($0, name) }) else {
            return .error(403, "service account name not authorized")
        }
        guard role.namespaces.first == "*" || role.namespaces.contains(where: { PathPermissions.globMatch($0, namespace) }) else {
            return .error(403, "namespace not authorized")
        }
        guard !uid.isEmpty else { return .error(500, "could not parse UID from claims") }
        let tokenAudiences = JWTClaims.claim(claims, "aud")?.arrayValue?.compactMap(\.stringValue) ?? []
        guard await tokenReviewAccepts(token, audiences: role.audience.isEmpty ? tokenAudiences : [role.audience], config: config,
                                       namespace: namespace, name: name, uid: uid) else { return .permissionDenied }
        let kind: VaultToken.Kind = role.tokenType == "batch" || role.tokenType == "default-batch" ? .batch : .service
        return issueLoginToken(
            kind: kind, policies: role.tokenPolicies, noDefaultPolicy: role.tokenNoDefaultPolicy,
            boundCIDRs: role.tokenBoundCIDRs, from: remoteAddress, ttl: role.tokenTTL,
            displayName: "\(mount.path.dropLast())-\(namespace)-\(name)", path: "auth/\(m)login",
            meta: ["role": roleName, "service_account_name": name, "service_account_namespace": namespace,
                   "service_account_secret_name": secretName, "service_account_uid": uid],
            alias: uid, requestID: requestID)
    }

    /// Asks the cluster's TokenReview whether `token` is a live service-account token for `audiences` and the
    /// same account as its claims (`token_review.go`).
    private func tokenReviewAccepts(_ token: String, audiences: [String], config: KubernetesBackend.Config,
                                    namespace: String, name: String, uid: String) async -> Bool {
        let host = config.host.hasSuffix("/") ? String(config.host.dropLast()) : config.host
        let spec: JSONValue = .object([("token", .string(token))] + (audiences.isEmpty ? [] : [("audiences", .strings(audiences))]))
        let body = JSONValue.object([("apiVersion", .string("authentication.k8s.io/v1")), ("kind", .string("TokenReview")), ("spec", spec)])
        let bearer = config.tokenReviewerJWT.isEmpty ? token : config.tokenReviewerJWT
        guard let (status, text) = try? await OutboundHTTP.send(
            "POST", host + "/apis/authentication.k8s.io/v1/tokenreviews", body: body.goJSON(),
            headers: [("Authorization", "Bearer " + bearer), ("Content-Type", "application/json"), ("Accept", "application/json")],
            caPEM: config.caCert, trustedCAFile: trustedCAFile),
            (200..<300).contains(status), let review = try? JSONValue.parse(text), let result = review["status"],
            result["authenticated"] == .bool(true), (result["error"]?.stringValue ?? "").isEmpty
        else { return false }
        if !audiences.isEmpty {
            let granted = result["audiences"]?.arrayValue?.compactMap(\.stringValue) ?? []
            guard audiences.contains(where: granted.contains) else { return false }
        }
        let parts = (result["user"]?["username"]?.stringValue ?? "").split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 4, parts[0] == "system", parts[1] == "serviceaccount" else { return false }
        return parts[2] == namespace && parts[3] == name && result["user"]?["uid"]?.stringValue == uid
    }
}
