import Foundation

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

    /// Kubernetes login: the service-account JWT's claims are trusted (no TokenReview) and checked against the role.
    func kubernetesLogin(mount: Mount, fields: RequestFields, requestID: String) -> VaultResponse {
        let m = mount.path
        let roleName = fields.string("role") ?? ""
        guard !roleName.isEmpty else { return .error(400, "missing role") }
        let token = fields.string("jwt") ?? ""
        guard !token.isEmpty else { return .error(400, "missing jwt") }
        guard kubernetes[m]?.config != nil else { return .error(500, "could not load backend configuration") }
        guard let role = kubernetes[m]?.roles[roleName.lowercased()] else {
            return .error(400, "invalid role name \"\(roleName)\"")
        }
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let bytes = JWTVerifier.base64URL(parts[1]),
              let claims = try? JSONParser.parse(bytes: bytes) else { return .permissionDenied }
        let projected = claims["kubernetes.io"]
        guard let namespace = projected?["namespace"]?.stringValue ?? claims["kubernetes.io/serviceaccount/namespace"]?.stringValue,
              let name = projected?["serviceaccount"]?["name"]?.stringValue
                ?? claims["kubernetes.io/serviceaccount/service-account.name"]?.stringValue
        else { return .permissionDenied }
        let uid = projected?["serviceaccount"]?["uid"]?.stringValue
            ?? claims["kubernetes.io/serviceaccount/service-account.uid"]?.stringValue ?? ""
        let secretName = claims["kubernetes.io/serviceaccount/secret.name"]?.stringValue ?? ""
        if case let .int(exp)? = claims["exp"], Double(exp) < clock.now().timeIntervalSince1970 { return .permissionDenied }
        guard role.names.contains("*") || role.names.contains(name) else {
            return .error(403, "service account name not authorized")
        }
        guard role.namespaces.contains("*") || role.namespaces.contains(namespace) else {
            return .error(403, "namespace not authorized")
        }
        let kind: VaultToken.Kind = role.tokenType == "batch" || role.tokenType == "default-batch" ? .batch : .service
        return issueLoginToken(
            kind: kind, policies: role.tokenPolicies, noDefaultPolicy: role.tokenNoDefaultPolicy, ttl: role.tokenTTL,
            displayName: "\(mount.path.dropLast())-\(namespace)-\(name)", path: "auth/\(m)login",
            meta: ["role": roleName, "service_account_name": name, "service_account_namespace": namespace,
                   "service_account_secret_name": secretName, "service_account_uid": uid],
            alias: uid.isEmpty ? namespace + "/" + name : uid, requestID: requestID)
    }
}
