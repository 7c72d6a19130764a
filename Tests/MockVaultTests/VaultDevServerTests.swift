import Foundation
import TestHelpers
import Testing
@testable import MockVault
import GoValues

/// `vault server -dev` flags, banner and start-up.
@Suite("vault server -dev")
struct VaultDevServerTests {
    @Test("parses the real CLI's dev flags")
    func flags() throws {
        let options = try VaultDevServer.parse(["server", "-dev", "-dev-root-token-id=root", "-dev-listen-address", "127.0.0.1:8300",
                                                "-dev-tls", "-dev-tls-cert-dir=/tmp/x"], environment: [:])
        #expect(options.rootTokenID == "root")
        #expect(options.listenAddress == "127.0.0.1:8300")
        #expect(options.tls)
        #expect(options.tlsCertDirectory == "/tmp/x")
        let fromEnv = try VaultDevServer.parse(["server", "-dev"], environment: ["VAULT_DEV_ROOT_TOKEN_ID": "abc"])
        #expect(fromEnv.rootTokenID == "abc")
        #expect(fromEnv.listenAddress == "127.0.0.1:8200")
        #expect(throws: MockVaultError.self) { try VaultDevServer.parse(["server"], environment: [:]) }
        #expect(throws: MockVaultError.self) { try VaultDevServer.parse(["server", "-dev", "-bogus"], environment: [:]) }
    }

    @Test("a -dev-tls-cert-dir that does not exist stops the server with OpenBao's message on stdout")
    func missingCertificateFolder() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-\(UUID().uuidString)").path
        var options = try VaultDevServer.parse(["server", "-dev-tls", "-dev-tls-cert-dir=\(missing)"], environment: [:])
        let problem = try #require(VaultDevServer.startupProblem(options))
        options.tlsCertDirectory = FileManager.default.temporaryDirectory.path
        #expect(VaultDevServer.startupProblem(options) == nil)
        try #require(FileManager.default.isExecutableFile(atPath: BaoDevServer.binary.path), "needs OpenBao's bao in .venv: run `make test`")
        let bao = Process()
        bao.executableURL = BaoDevServer.binary
        bao.arguments = ["server", "-dev-tls", "-dev-tls-cert-dir=\(missing)", "-dev-listen-address=127.0.0.1:\(LocalPort.free())"]
        let stdout = Pipe()
        bao.standardOutput = stdout
        bao.standardError = FileHandle.nullDevice
        try bao.run()
        let said = String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        bao.waitUntilExit()
        #expect(bao.terminationStatus == 1)
        #expect(said.trimmingCharacters(in: .newlines) == problem)
    }

    @Test("prints VAULT_ADDR, the unseal key and the root token; with TLS the VAULT_CACERT hint")
    func banner() async throws {
        try await withMockVault(MockVaultConfiguration(rootTokenID: nil, tls: true, trustedCAFile: nil)) { server, _ in
            let text = VaultDevServer.banner(server: server, listen: "127.0.0.1:\(server.port)", tls: true)
            #expect(text.contains("    $ export VAULT_ADDR='https://127.0.0.1:\(server.port)'\n"))
            #expect(text.contains("    $ export VAULT_CACERT='\(server.caFile ?? "?")'\n"))
            #expect(text.contains("Root Token: \(server.rootToken)\n"))
            #expect(server.rootToken.hasPrefix("s.") && server.rootToken.count == 26)
            #expect(text.contains("Unseal Key: \(server.unsealKey ?? "?")\n"))
        }
    }

    @Test("the first request is answered quickly after start")
    func fastStart() async throws {
        let start = ContinuousClock.now
        try await withMockVault { _, http in
            let health = try await http.send("GET", "/v1/sys/health")
            #expect(health.status == 200)
            let elapsed = ContinuousClock.now - start
            #expect(elapsed < .seconds(1), "start-up took \(elapsed)")
        }
    }

    @Test("a port in use is an error, not a hang")
    func portInUse() async throws {
        try await withMockVault { server, _ in
            await #expect(throws: MockVaultError.self) {
                let second = try await MockVaultServer.start(MockVaultConfiguration(port: server.port, trustedCAFile: nil))
                await second.stop()
            }
        }
    }

    @Test("secret/ is KV v2 and the root token is all-powerful")
    func devDefaults() async throws {
        try await withMockVault { _, http in
            let mounts = try await http.send("GET", "/v1/sys/mounts", token: "root")
            #expect(mounts.json?["secret/"]?["options"]?["version"] == .string("2"))
            #expect(mounts.json?["data"]?["secret/"]?["type"] == .string("kv"))
            let list = try await http.send("LIST", "/v1/secret/metadata/", token: "root")
            #expect(list.status == 404)
            _ = try await http.send("PUT", "/v1/secret/data/a/b", token: "root", body: #"{"data":{"k":"v"}}"#)
            let listed = try await http.send("LIST", "/v1/secret/metadata/", token: "root")
            #expect(listed.json?["data"]?["keys"] == .strings(["a/"]))
        }
    }
}
