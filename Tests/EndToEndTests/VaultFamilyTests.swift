import Foundation
import Testing

/// The HashiCorp Vault family of how-tos in `content/how-to/`: every one passes on the mock and on a real
/// OpenBao in one run, and the FAQs that apply are reproduced by breaking the content the way the FAQ says.
/// They use the tutorials' own port 8200, so they run one at a time.
@Suite(.serialized) struct VaultFamilyTests {
    static let root = HowtoBinary.packageRoot.path
    static let bao = HowtoBinary.packageRoot.appendingPathComponent(".venv/bin/bao").path
    static let token = "content/how-to/configure-hashicorp-vault-as-a-vault-backend.md"

    /// The family as `howto test content/how-to` finds it (the reference tutorial is `automated_tests: false`), as the summary shows them.
    static let family = ["Configure HashiCorp Vault as a vault backend  ", "Configure HashiCorp Vault as a vault backend with Kubernete…",
                         "Configure HashiCorp Vault as a vault backend with AppRole a…",
                         "Configure HashiCorp Vault as a vault backend with certifica…",
                         "Rotate a secret in HashiCorp Vault and let Kong Gateway pic…"]
    static let approle = "content/how-to/configure-hashicorp-vault-with-approle.md"
    static let cert = "content/how-to/configure-hashicorp-vault-with-cert-auth.md"
    static let rotation = "content/how-to/rotate-a-secret-in-hashicorp-vault.md"

    @Test(arguments: ["mock", "live"])
    func everyHowToOfTheFamilyPasses(mode: String) async throws {
        try requireBao(for: mode)
        let out = try await HowtoBinary.run(["test", "--vault", mode, "content/how-to"], in: Self.root)
        #expect(out.status == 0, "\(out.stdout)\(out.stderr)")
        for title in Self.family { #expect(out.stdout.split(separator: "\n").contains { $0.hasPrefix("  \(title)") && $0.contains("  passed  ") }, "\(title) in \(mode): \(out.stdout.suffix(1500))") }
        #expect(out.stdout.contains("5 passed, 0 failed, 1 skipped"))
    }

    /// A FAQ reproduced: the how-to broken the way the FAQ says, and what the run must then report.
    struct FAQFault: Sendable, CustomTestStringConvertible {
        var file: String
        var replace: String
        var with: String
        var reported: String
        /// The section of the step that fails first.
        var failingSection = "Validate"
        var testDescription: String { "\((file as NSString).lastPathComponent): \(reported)" }
    }

    static let faults = [
        // "permission denied": a policy on the path the CLI shows, not KV v2's `secret/data/password`.
        // (`secret/*` would read it: the glob matches `data/` too, as OpenBao shows.)
        FAQFault(file: token, replace: "path \"secret/data/*\"", with: "path \"secret/password\"", reported: "permission denied"),
        // "fail to unwrap the secret ID": someone unwrapped the wrapping token before the gateway did.
        FAQFault(file: approle, replace: "## Configure the Vault entity\n",
                 with: "## Peek\n\n```sh\nvault unwrap \"$DECK_WRAPPED_SECRET_ID\" > /dev/null\n```\n\n## Configure the Vault entity\n",
                 reported: "unwrap"),
        // "unable to verify the first certificate": the gateway was not told to trust the CA that -dev-tls made.
        FAQFault(file: cert, replace: "export KONG_LUA_SSL_TRUSTED_CERTIFICATE=$PWD/vault-tls/vault-ca.pem\n", with: "",
                 reported: "21: unable to verify the first certificate"),
        // "certificate host mismatch": a host that reaches Vault but is not a name in its certificate.
        FAQFault(file: cert, replace: "export DECK_HCV_HOST=127.0.0.1", with: "export DECK_HCV_HOST=host.docker.internal",
                 reported: "certificate host mismatch"),
        // "Client sent an HTTP request to an HTTPS server": the entity's protocol left at http.
        FAQFault(file: cert, replace: "protocol: https", with: "protocol: http", reported: "client sent an http request to an https server"),
        // "invalid certificate or no client certificate supplied": a certificate the role's CA did not issue.
        FAQFault(file: cert, replace: "-CA client-ca.pem -CAkey client-ca-key.pem -CAcreateserial",
                 with: "-signkey kong-key.pem", reported: "invalid certificate or no client certificate supplied",
                 failingSection: "Trust the client CA in Vault"),
        // "a reference to an older version stops resolving": the secret keeps one version, so rotating removes version 1.
        FAQFault(file: rotation, replace: "vault kv put secret/password pass1=my-rotated-password",
                 with: "vault kv metadata put -max-versions=1 secret/password\nvault kv put secret/password pass1=my-rotated-password",
                 reported: "#1}` to print \"my-password\", got \"error: could not get value from external vault"),
    ]

    @Test(arguments: faults, ["mock", "live"])
    func theFAQsFaultFailsTheValidation(_ fault: FAQFault, mode: String) async throws {
        try requireBao(for: mode)
        let out = try await runBroken(fault.file, mode: mode) { $0.replacingOccurrences(of: fault.replace, with: fault.with) }
        #expect(out.status == 1, "\(out.stdout)\(out.stderr)")
        #expect(out.stdout.contains("first failure:") && out.stdout.contains(fault.failingSection), "\(out.stdout.suffix(1500))")
        #expect(out.stdout.lowercased().contains(fault.reported), "\(out.stdout.suffix(1500))")
    }

    /// Live mode needs OpenBao's `bao`, which `make test` installs into `.venv`.
    private func requireBao(for mode: String) throws {
        guard mode == "live" else { return }
        try #require(FileManager.default.isExecutableFile(atPath: Self.bao), "live tests need OpenBao's bao in .venv: run `make test`")
    }

    /// Runs a copy of `file`, changed by `change`, from a content folder like the project's.
    private func runBroken(_ file: String, mode: String, _ change: (String) -> String) async throws -> HowtoBinary.Outcome {
        let text = try String(contentsOfFile: Self.root + "/" + file, encoding: .utf8)
        let broken = change(text)
        #expect(broken != text)
        let dir = try HowtoBinary.temporaryDirectory() + "/content"
        try FileManager.default.createDirectory(atPath: dir + "/how-to", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.root + "/content/_data", toPath: dir + "/_data")
        try FileManager.default.copyItem(atPath: Self.root + "/content/_includes", toPath: dir + "/_includes")
        try broken.write(toFile: dir + "/how-to/broken.md", atomically: true, encoding: .utf8)
        return try await HowtoBinary.run(["test", "--vault", mode, dir + "/how-to/broken.md"], in: Self.root)
    }
}
