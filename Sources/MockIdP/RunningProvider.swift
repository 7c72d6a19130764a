public import TestPKI

/// A started test provider: its identity provider, the run's PKI files, and the values it exports.
public struct RunningProvider: Sendable {
    /// The declaration's name (`provider=NAME`).
    public let name: String
    /// The running identity provider (OAuth2 kinds).
    public let identityProvider: IdentityProvider?
    /// The running Kubernetes API (the `kubernetes-api` kind).
    public let kubernetes: KubernetesAPI?
    /// The PKI files; export `bundle.caBundle` as `SSL_CERT_FILE` so every process trusts the provider.
    public let bundle: PKIBundle
    /// The declared audiences with `{{ domain }}` resolved.
    public let audiences: [String]
    /// The declared exports with their values for this run, in declaration order.
    public let exports: [ProviderExport]

    /// Starts the fixture a declaration describes, with a random client secret (and a random client id
    /// unless one is declared), writing the PKI into `caDirectory`. Pass the run's CA to share it with other
    /// fixtures; otherwise a new one is generated.
    public static func start(declaration: ProviderDeclaration, caDirectory: String,
                             ca: TestCA? = nil) async throws -> RunningProvider {
        let ca = try ca ?? TestCA.generate()
        let server = try ca.issueServerCertificate(hosts: TestCA.serverHosts(including: declaration.host))
        let bundle = try ca.writeBundle(to: caDirectory, server: server)
        if declaration.kind == .kubernetesAPI { return try await startKubernetes(declaration, server: server, bundle: bundle) }
        let client = IdentityProvider.Client(
            id: declaration.clientID ?? Credentials.random(length: 32),
            secret: Credentials.random(length: 64),
            audiences: declaration.audiences, scopes: declaration.scopes)
        let configuration = IdentityProvider.Configuration(
            publicHost: declaration.host, clients: [client], tokenLifetime: declaration.tokenLifetime)
        let idp = try await IdentityProvider.start(configuration, tls: (try server.certificatePEM, try server.privateKeyPEM))
        do {
            let audiences = declaration.audiences.map { Template.audience($0, domain: idp.domain) }
            let values = [
                "domain": idp.domain, "host": declaration.host, "port": String(idp.port), "issuer": idp.issuer,
                "token_endpoint": idp.tokenEndpoint, "jwks_uri": idp.jwksURL, "client_id": client.id,
                "client_secret": client.secret, "audience": audiences.first ?? "", "ca_bundle": bundle.caBundle,
            ]
            let exports = try Self.exports(of: declaration, values)
            return RunningProvider(name: declaration.name, identityProvider: idp, kubernetes: nil, bundle: bundle,
                                   audiences: audiences, exports: exports)
        } catch {
            await idp.stop()
            throw error
        }
    }

    /// The Kubernetes API with the declared service accounts, exporting the first one's token.
    private static func startKubernetes(_ declaration: ProviderDeclaration, server: IssuedCertificate,
                                        bundle: PKIBundle) async throws -> RunningProvider {
        let accounts = declaration.serviceAccounts.map { entry -> (namespace: String, name: String) in
            let parts = entry.split(separator: "/").map(String.init)
            return (parts[0], parts[1])
        }
        let api = try await KubernetesAPI.start(serviceAccounts: accounts, tls: (try server.certificatePEM, try server.privateKeyPEM))
        do {
            let first = accounts[0]
            let audiences = declaration.audiences.isEmpty ? [ServiceAccountAuthority.clusterAudience] : declaration.audiences
            let token = try await api.token(namespace: first.namespace, name: first.name, audiences: audiences,
                                            seconds: Int(declaration.tokenLifetime.components.seconds)) ?? ""
            let values = [
                "host": "127.0.0.1", "port": String(api.port), "kubernetes_host": api.url, "ca_certificate": bundle.caCertificate,
                "ca_bundle": bundle.caBundle, "token": token, "namespace": first.namespace, "service_account": first.name,
                "audience": audiences[0], "issuer": ServiceAccountAuthority.clusterAudience,
            ]
            let exports = try Self.exports(of: declaration, values)
            return RunningProvider(name: declaration.name, identityProvider: nil, kubernetes: api, bundle: bundle,
                                   audiences: audiences, exports: exports)
        } catch {
            await api.stop()
            throw error
        }
    }

    /// The declaration's exports with their templates rendered from this run's `values`.
    private static func exports(of declaration: ProviderDeclaration, _ values: [String: String]) throws -> [ProviderExport] {
        try declaration.exports.map {
            ProviderExport(name: $0.name, value: try Template(text: $0.template).render(values), secret: $0.secret)
        }
    }

    /// Stops the identity provider or the Kubernetes API.
    public func stop() async {
        await identityProvider?.stop()
        await kubernetes?.stop()
    }
}

/// One exported variable with its value for this run.
public struct ProviderExport: Sendable, Equatable {
    /// The environment variable's name.
    public let name: String
    /// Its value.
    public let value: String
    /// Whether the value must be masked.
    public let secret: Bool
}
