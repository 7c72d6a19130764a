import Foundation

/// Kong's `hcv` vault strategy: authenticate, read KV v1/v2, return the secret's data as JSON text.
struct HCVStrategy {
    let config: HCVConfig
    let environment: [String: String]
    let timeout: Duration
    /// Vault tokens from earlier logins, shared across lookups as Kong's credentials cache is.
    let tokens: VaultTokenCache
    /// Receives Kong's `[hcv] ...` error-log lines (never secret values).
    let log: @Sendable (String) -> Void

    /// The secret at `resource` as JSON object text, or Kong's strategy error text.
    func get(resource: String, version: Int?) async -> Result<String, StrategyError> {
        let clientCertificate = config.authMethod == "cert"
            ? config.string("cert_auth_cert").flatMap { cert in config.string("cert_auth_cert_key").map { (cert, $0) } }
            : nil
        let transport: HCVTransport
        do {
            transport = try HCVTransport(environment: environment, verify: config.values["ssl_verify"] != .bool(false),
                                         clientCertificate: clientCertificate, timeout: timeout)
        } catch {
            return .failure(.retrieve(error.message))
        }
        let result = await read(resource: resource, version: version, using: transport)
        await transport.shutdown()
        return result
    }

    private func read(resource: String, version: Int?, using transport: HCVTransport) async -> Result<String, StrategyError> {
        let credentials = credentialsKey
        var token = tokens.token(for: credentials)
        if token == nil, let login = await authenticate(using: transport) {
            tokens.store(login, for: credentials)
            token = login.token
        }
        guard let token else { return .failure(.retrieve("no authentication mechanism worked for vault")) }
        let mount = config.trimmedPath("mount", default: "secret")
        let isV2 = config.string("kv") == "v2"
        var url = "\(config.baseURL)/v1/\(mount)/" + (isV2 ? "data/" : "") + resource
        if isV2, let version { url += "?version=\(version)" }
        var headers = [("X-Vault-Token", token)]
        if let namespace = config.namespace { headers.append(("X-Vault-Namespace", namespace)) }
        let response: HCVTransport.Response
        do {
            response = try await transport.send("GET", url, headers: headers)
        } catch {
            return .failure(.retrieve(error.message))
        }
        if response.status == 404 { return .failure(.retrieve("not found")) }
        guard response.status == 200 else { return .failure(.retrieve(response.body)) }
        let json: GatewayJSON
        do {
            json = try GatewayJSON.parse(Data(response.body.utf8))
        } catch {
            return .failure(.other("unable to json decode value received from vault: \(error), "))
        }
        guard case .object(var data)? = json["data"] else {
            return .failure(.other("invalid data received from vault: invalid type (\(json["data"]?.luaTypeName ?? "nil")), table expected"))
        }
        if isV2 {
            guard case .object(let inner)? = data["data"] else {
                return .failure(.other("invalid data (v2) received from vault: invalid type (\(data["data"]?.luaTypeName ?? "nil")), table expected"))
            }
            data = inner
        }
        return .success(GatewayJSON.object(data).jsonText())
    }

    /// What identifies a login: the vault address and every auth setting (Kong's `vaults:credentials:...` key).
    var credentialsKey: String {
        let auth = config.values.filter { $0.key == "auth_method" || $0.key == "token" || $0.key.hasPrefix("kube_")
            || $0.key.hasPrefix("approle_") || $0.key.hasPrefix("cert_auth_") || $0.key.hasPrefix("oauth2_")
            || $0.key == "jwt_role" || $0.key == "namespace" }
        return config.baseURL + " " + GatewayJSON.object(auth).jsonText()
    }

    /// The headers Kong sends on logins and unwraps.
    var loginHeaders: [(String, String)] {
        [("X-Vault-Namespace", config.namespace ?? "root")]
    }
}

/// The error a vault strategy returns, before Kong's PDK wraps it.
enum StrategyError: Error, Equatable, CustomStringConvertible {
    /// `unable to retrieve secret from vault: <reason>`.
    case retrieve(String)
    /// Any other strategy message, shown as is.
    case other(String)

    var description: String {
        switch self {
        case .retrieve(let reason): "unable to retrieve secret from vault: \(reason)"
        case .other(let text): text
        }
    }
}
