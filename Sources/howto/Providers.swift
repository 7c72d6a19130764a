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
    static func starters(contentRoot: String, caDirectory: String? = nil) throws -> [String: ProviderStarter] {
        let path = contentRoot + "/_data/providers.yml"
        guard let data = FileManager.default.contents(atPath: path) else { return [:] }
        let declarations: [ProviderDeclaration]
        do {
            declarations = try ProviderDeclaration.load(yaml: String(decoding: data, as: UTF8.self), path: path)
        } catch {
            DiagnosticPrinter.print(error.diagnostics)
            throw ExitCode(2)
        }
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

    /// A started provider, as the runner sees it.
    struct Running: ProviderInstance {
        let provider: RunningProvider
        var exports: [ProvidedValue] { provider.exports.map { ProvidedValue(name: $0.name, value: $0.value, secret: $0.secret) } }
        var environment: [String: String] { ["SSL_CERT_FILE": provider.bundle.caBundle] }
        func stop() async { await provider.stop() }
    }
}
