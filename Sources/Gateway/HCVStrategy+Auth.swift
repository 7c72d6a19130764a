import Foundation

extension HCVStrategy {
    /// A Vault token and its lifetime in seconds (0: no expiry).
    struct Login {
        var token: String
        var leaseDuration: Double
    }

    /// The Vault token for the configured `auth_method`, nil when authentication failed (details go to the log).
    func authenticate(using transport: HCVTransport) async -> Login? {
        switch config.authMethod {
        case "token":
            return config.string("token").map { Login(token: $0, leaseDuration: 0) }
        case "approle":
            return await approleLogin(using: transport)
        case "kubernetes":
            return await kubernetesLogin(using: transport)
        case "cert":
            var body: [String: GatewayJSON] = [:]
            if let role = config.string("cert_auth_role_name") { body["name"] = .string(role) }
            return await login(path: "auth/cert/login", body: body, using: transport,
                               what: "performing certificate-based authentication")
        case "oauth2", "jwt":
            return await oauth2Login(using: transport)
        default:
            log("[hcv] auth method \(config.authMethod) is not supported by the emulation")
            return nil
        }
    }

    private func approleLogin(using transport: HCVTransport) async -> Login? {
        guard let roleID = config.string("approle_role_id") else { return nil }
        var secretID = config.string("approle_secret_id")
        if secretID == nil, let file = config.string("approle_secret_id_file") {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                log("[hcv] error loading approle secret_id from filesystem: \(file): No such file or directory")
                return nil
            }
            secretID = text.replacingOccurrences(of: "\n", with: "")
        }
        guard var secretID else { return nil }
        if config.flag("approle_response_wrapping") {
            let url = "\(config.baseURL)/v1/sys/wrapping/unwrap"
            guard let response = try? await transport.send("POST", url, headers: loginHeaders + [("X-Vault-Token", secretID)]) else {
                log("[hcv] failed to unwrap approle secret_id")
                return nil
            }
            guard response.status == 200,
                  let unwrapped = (try? GatewayJSON.parse(Data(response.body.utf8)))?["data"]?["secret_id"]?.stringValue
            else {
                log("[hcv] invalid response code \(response.status) received when unwrapping approle secret_id for vault token: \(response.body)")
                return nil
            }
            secretID = unwrapped
        }
        let path = "auth/\(config.trimmedPath("approle_auth_path", default: "approle"))/login"
        return await login(path: path, body: ["role_id": .string(roleID), "secret_id": .string(secretID)],
                           using: transport, what: "calling approle login for vault token")
    }

    private func kubernetesLogin(using transport: HCVTransport) async -> Login? {
        let file = config.string("kube_api_token_file") ?? "/run/secrets/kubernetes.io/serviceaccount/token"
        guard let jwt = try? String(contentsOfFile: file, encoding: .utf8) else {
            log("[hcv] error loading kubernetes service account jwt from filesystem: \(file): No such file or directory")
            return nil
        }
        let path = "auth/\(config.trimmedPath("kube_auth_path", default: "kubernetes"))/login"
        return await login(path: path, body: ["jwt": .string(jwt), "role": .string(config.string("kube_role") ?? "default")],
                           using: transport, what: "exchanging kube service account jwt for vault token")
    }

    private func oauth2Login(using transport: HCVTransport) async -> Login? {
        guard let endpoint = config.string("oauth2_token_endpoint"),
              let clientID = config.string("oauth2_client_id"),
              let clientSecret = config.string("oauth2_client_secret"),
              let role = config.string("oauth2_role_name") ?? config.string("jwt_role")
        else { return nil }
        var form = [("grant_type", "client_credentials"), ("client_id", clientID), ("client_secret", clientSecret)]
        for audience in (config.string("oauth2_audiences") ?? "").split(separator: ",") {
            form.append(("audience", audience.trimmingCharacters(in: .whitespaces)))
        }
        let body = form.map { "\(Self.formEncode($0.0))=\(Self.formEncode($0.1))" }.joined(separator: "&")
        let response: HCVTransport.Response
        do {
            response = try await transport.send("POST", endpoint,
                                                headers: [("Content-Type", "application/x-www-form-urlencoded"),
                                                          ("Accept", "application/json")],
                                                body: Data(body.utf8))
        } catch {
            log("[hcv] failure requesting oauth2 access token from \(endpoint): \(error.message)")
            return nil
        }
        guard response.status == 200,
              let accessToken = (try? GatewayJSON.parse(Data(response.body.utf8)))?["access_token"]?.stringValue
        else {
            log("[hcv] invalid response code \(response.status) received when requesting oauth2 access token: \(response.body)")
            return nil
        }
        return await login(path: "auth/jwt/login", body: ["role": .string(role), "jwt": .string(accessToken)],
                           using: transport, what: "performing oauth2 (jwt) login for vault token")
    }

    /// POSTs a login body (no Content-Type, as Kong) and returns `auth.client_token` with its lease.
    private func login(path: String, body: [String: GatewayJSON], using transport: HCVTransport, what: String) async -> Login? {
        let response: HCVTransport.Response
        do {
            response = try await transport.send("POST", "\(config.baseURL)/v1/\(path)", headers: loginHeaders,
                                                body: Data(GatewayJSON.object(body).jsonText().utf8))
        } catch {
            log("[hcv] failure \(what): \(error.message)")
            return nil
        }
        let auth = (try? GatewayJSON.parse(Data(response.body.utf8)))?["auth"]
        guard response.status == 200, let token = auth?["client_token"]?.stringValue else {
            log("[hcv] invalid response code \(response.status) received when \(what): \(response.body)")
            return nil
        }
        let lease: Double = switch auth?["lease_duration"] { case .int(let i)?: Double(i); case .double(let d)?: d; default: 0 }
        return Login(token: token, leaseDuration: lease)
    }

    private static func formEncode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
