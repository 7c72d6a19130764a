import Foundation
import TestHelpers
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The reference tutorial's FAQ names error messages; each test reproduces the situation against the
/// mock Vault with the real tools (`vault`, `deck`, `kong` links) and checks the reader sees that message.
@Suite(.serialized) struct TroubleshootingTests {
    private func entity(protocol scheme: String, host: String, port: Int, auth: String) -> String {
        """
        _format_version: "3.0"
        vaults:
          - name: hcv
            prefix: hashicorp-vault
            config:
              protocol: \(scheme)
              host: \(host)
              port: \(port)
              mount: secret
              kv: v2
        \(auth)
        """
    }

    private let tokenAuth = "      auth_method: token\n      token: root"

    /// A TLS dev server with one secret; returns the box, the pid and the port.
    private func tlsVault() async throws -> (ToolBox, Int32, Int) {
        var box = try ToolBox()
        let port = LocalPort.free()
        // As with OpenBao, the folder for the generated TLS files must exist.
        try FileManager.default.createDirectory(atPath: box.directory + "/tls", withIntermediateDirectories: true)
        let pid = try await box.startVault(
            ["-dev-tls", "-dev-root-token-id=root", "-dev-listen-address=127.0.0.1:\(port)", "-dev-tls-cert-dir=\(box.directory)/tls"],
            readyURL: "https://127.0.0.1:\(port)/v1/sys/health")
        box.environment["VAULT_ADDR"] = "https://127.0.0.1:\(port)"
        box.environment["VAULT_TOKEN"] = "root"
        box.environment["VAULT_CACERT"] = box.directory + "/tls/vault-ca.pem"
        let put = try await box.sh("vault kv put secret/password pass1=my-password")
        #expect(put.status == 0, "\(put.stderr)")
        return (box, pid, port)
    }

    /// A plain-HTTP dev server, with the tools pointed at it.
    private func plainVault() async throws -> (ToolBox, Int32, Int) {
        var box = try ToolBox()
        let port = LocalPort.free()
        let pid = try await box.startVault(["-dev-root-token-id=root", "-dev-listen-address=127.0.0.1:\(port)"], readyURL: "http://127.0.0.1:\(port)/v1/sys/health")
        box.environment["VAULT_ADDR"] = "http://127.0.0.1:\(port)"
        box.environment["VAULT_TOKEN"] = "root"
        return (box, pid, port)
    }

    private func apply(_ yaml: String, in box: ToolBox) async throws {
        try yaml.write(toFile: box.directory + "/kong.yaml", atomically: true, encoding: .utf8)
        let out = try await box.sh("deck gateway apply kong.yaml")
        #expect(out.status == 0, "\(out.stdout)\(out.stderr)")
    }

    @Test func httpToAnHTTPSServer() async throws {
        let (box, pid, port) = try await tlsVault()
        defer { kill(pid, SIGTERM) }
        try await apply(entity(protocol: "http", host: "127.0.0.1", port: port, auth: tokenAuth), in: box)
        let out = try await box.sh("kong vault get {vault://hashicorp-vault/password/pass1}")
        #expect(out.status == 1)
        #expect(out.stderr.contains("Client sent an HTTP request to an HTTPS server."), "\(out.stderr)")
    }

    @Test func certificateHostMismatch() async throws {
        var (box, pid, port) = try await tlsVault()
        defer { kill(pid, SIGTERM) }
        box.environment["SSL_CERT_FILE"] = box.directory + "/tls/vault-ca.pem"
        try await apply(entity(protocol: "https", host: "host.docker.internal", port: port, auth: tokenAuth), in: box)
        let out = try await box.sh("kong vault get {vault://hashicorp-vault/password/pass1}")
        #expect(out.status == 1)
        #expect(out.stderr.contains("unable to retrieve secret from vault: certificate host mismatch"), "\(out.stderr)")
        // The fix from the FAQ: a host the certificate names.
        try await apply(entity(protocol: "https", host: "localhost", port: port, auth: tokenAuth), in: box)
        let fixed = try await box.sh("kong vault get {vault://hashicorp-vault/password/pass1}")
        #expect(fixed.stdout == "my-password\n", "\(fixed.stderr)")
    }

    @Test func untrustedCertificate() async throws {
        let (box, pid, port) = try await tlsVault()
        defer { kill(pid, SIGTERM) }
        try await apply(entity(protocol: "https", host: "localhost", port: port, auth: tokenAuth), in: box)
        let out = try await box.sh("kong vault get {vault://hashicorp-vault/password/pass1}")
        #expect(out.status == 1)
        #expect(out.stderr.contains("unable to retrieve secret from vault: "), "\(out.stderr)")
        // A dev-mode server's certificate is signed by its own ephemeral CA (FAQ: "unable to verify the first certificate").
        #expect(out.stderr.contains("unable to retrieve secret from vault: 21: unable to verify the first certificate"), "\(out.stderr)")
        // The fix from the FAQ: trust the certificate (lua_ssl_trusted_certificate).
        var trusted = box
        trusted.environment["KONG_LUA_SSL_TRUSTED_CERTIFICATE"] = box.directory + "/tls/vault-ca.pem"
        let fixed = try await trusted.sh("kong vault get {vault://hashicorp-vault/password/pass1}")
        #expect(fixed.stdout == "my-password\n", "\(fixed.stderr)")
    }

    @Test func selfSignedCertificate() async throws {
        var box = try ToolBox()
        let port = LocalPort.free()
        let made = try await box.sh("""
            openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1 -subj /CN=localhost \
              -addext subjectAltName=DNS:localhost,IP:127.0.0.1 -keyout self.key -out self.pem 2>&1
            """)
        #expect(made.status == 0, "\(made.stdout)")
        let server = Process()
        server.executableURL = URL(fileURLWithPath: HowtoBinary.path)
        server.arguments = ["mock", "vault", "--listen", "127.0.0.1:\(port)", "--root-token", "root",
                            "--tls-cert", box.directory + "/self.pem", "--tls-key", box.directory + "/self.key"]
        server.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        try server.run()
        defer { kill(server.processIdentifier, SIGTERM) }
        box.environment["VAULT_ADDR"] = "https://127.0.0.1:\(port)"
        box.environment["VAULT_TOKEN"] = "root"
        box.environment["VAULT_CACERT"] = box.directory + "/self.pem"
        var ready = false
        for _ in 0..<200 where !ready {
            ready = try await box.sh("vault kv put secret/password pass1=my-password").status == 0
            if !ready { try await Task.sleep(for: .milliseconds(50)) }
        }
        #expect(ready)
        try await apply(entity(protocol: "https", host: "localhost", port: port, auth: tokenAuth), in: box)
        let out = try await box.sh("kong vault get {vault://hashicorp-vault/password/pass1}")
        #expect(out.status == 1)
        #expect(out.stderr.contains("unable to retrieve secret from vault: 18: self-signed certificate"), "\(out.stderr)")
        // The fix from the FAQ: add the certificate to lua_ssl_trusted_certificate.
        var trusted = box
        trusted.environment["KONG_LUA_SSL_TRUSTED_CERTIFICATE"] = box.directory + "/self.pem"
        let fixed = try await trusted.sh("kong vault get {vault://hashicorp-vault/password/pass1}")
        #expect(fixed.stdout == "my-password\n", "\(fixed.stderr)")
    }

    @Test func sealedVault() async throws {
        let (box, pid, port) = try await plainVault()
        defer { kill(pid, SIGTERM) }
        _ = try await box.sh("vault kv put secret/password pass1=my-password")
        try await apply(entity(protocol: "http", host: "127.0.0.1", port: port, auth: tokenAuth), in: box)
        let before = try await box.sh("kong vault get {vault://hashicorp-vault/password/pass1}")
        #expect(before.stdout == "my-password\n", "\(before.stderr)")
        let seal = try await box.sh("vault operator seal")
        #expect(seal.status == 0, "\(seal.stderr)")
        let out = try await box.sh("kong vault get {vault://hashicorp-vault/password/pass1}")
        #expect(out.status == 1)
        #expect(out.stderr.contains("Vault is sealed"), "\(out.stderr)")
    }

    @Test func authMethodsCannotCreateRootTokens() async throws {
        let (box, pid, port) = try await plainVault()
        defer { kill(pid, SIGTERM) }
        let setup = try await box.sh("""
            set -e
            vault kv put secret/password pass1=my-password >/dev/null
            vault auth enable approle >/dev/null
            vault write auth/approle/role/kong token_policies=root >/dev/null
            echo "$(vault read -field=role_id auth/approle/role/kong/role-id) $(vault write -f -field=secret_id auth/approle/role/kong/secret-id)"
            """)
        #expect(setup.status == 0, "\(setup.stderr)")
        let ids = setup.stdout.split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        try #require(ids.count == 2)
        try await apply(entity(protocol: "http", host: "127.0.0.1", port: port,
                               auth: "      auth_method: approle\n      approle_role_id: \(ids[0])\n      approle_secret_id: \(ids[1])"), in: box)
        let out = try await box.sh("kong vault get {vault://hashicorp-vault/password/pass1}")
        #expect(out.status == 1)
        #expect(out.stderr.contains(#"{"errors":["auth methods cannot create root tokens"]}"#), "\(out.stderr)")
    }
}
