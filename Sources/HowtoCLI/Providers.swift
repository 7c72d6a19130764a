import ArgumentParser
import Diagnostics
import Foundation
import MockIdP
import Runner
import TestPKI

/// The providers declared in `content/_data/providers.yml`, as starters for the runner.
enum Providers {
    /// One starter per declaration; none when the file is absent.
    /// `caDirectory`: keep the run's CA there (created on first use) instead of a fresh one per run, so a
    /// server started outside the run (`--vault live` with `$VAULT_ADDR`) can be told to trust it.
    static func starters(_ declarations: [ProviderDeclaration], caDirectory: String? = nil) -> [String: ProviderStarter] {
        var starters: [String: ProviderStarter] = [:]
        for declaration in declarations {
            starters[declaration.name] = { runDirectory in
                let ca = try caDirectory.map { try TestCA.persistent(in: $0) }
                let running = try await RunningProvider.start(declaration: declaration, caDirectory: runDirectory + "/pki", ca: ca)
                return Running(provider: running)
            }
        }
        return starters
    }

    /// The variables that name a CA bundle file for OpenSSL and Go (`SSL_CERT_FILE`), curl, Python requests,
    /// Node (extra roots), git, the AWS CLI and pip.
    static let caBundleVariables = [
        "SSL_CERT_FILE", "CURL_CA_BUNDLE", "REQUESTS_CA_BUNDLE", "NODE_EXTRA_CA_CERTS", "GIT_SSL_CAINFO",
        "AWS_CA_BUNDLE", "PIP_CERT",
    ]

    /// The providers `CONTENT/_data/providers.yml` declares; none when the file is absent.
    static func declarations(contentRoot: String) throws(DiagnosticError) -> [ProviderDeclaration] {
        let path = contentRoot + "/_data/providers.yml"
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        return try ProviderDeclaration.load(yaml: String(decoding: data, as: UTF8.self), path: path)
    }

    /// A started provider, as the runner sees it.
    struct Running: ProviderInstance {
        let provider: RunningProvider
        var exports: [ProvidedValue] { provider.exports.map { ProvidedValue(name: $0.name, value: $0.value, secret: $0.secret) } }
        /// The run's bundle (system roots plus the run's CA) under every variable common clients read, so a CI
        /// image's own `CURL_CA_BUNDLE` or `REQUESTS_CA_BUNDLE` cannot hide the run's CA.
        var environment: [String: String] {
            Dictionary(uniqueKeysWithValues: Providers.caBundleVariables.map { ($0, provider.bundle.caBundle) })
        }
        func stop() async { await provider.stop() }
    }
}
