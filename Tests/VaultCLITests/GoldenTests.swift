import Foundation
import Testing
@testable import VaultCLI
import GoValues

/// Replays every fixture that captured a real `bao` CLI run: our command must send the same
/// requests and print the same stdout, stderr and exit code from the same responses.
@Suite struct GoldenTests {
    /// Fixtures whose CLI part cannot be replayed from its exchanges, with the test that covers them instead.
    static let coveredElsewhere: [String: String] = [
        "cli-status-wrong-port": "no HTTP exchange (connection refused); LiveBaoTests.connectionRefused",
        "cli-kv-preflight-404-fallback": "no exchanges recorded; GoldenTests.preflight404FallsBackToV1",
        "cli-jwt-login-cmd": "OpenBao names itself (\"bao auth list\"); GoldenTests.loginMethodJWTIsUnknown",
    ]

    static let fixtures = Fixture.withCLI().filter { coveredElsewhere[$0] == nil }

    @Test func fixturesArePresent() {
        #expect(Self.fixtures.count >= 80, "expected the captured CLI fixtures in \(Fixture.directory.path)")
    }

    @Test(arguments: fixtures)
    func replay(_ name: String) async throws {
        let fixture = try Fixture(name)
        let transport = ReplayTransport(fixture)
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("vaultcli-golden-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        let arguments = try materializeFiles(fixture, in: home)
        var environment = fixture.environment
        environment["HOME"] = home.path
        let stdinText = fixture.stdin ?? ""
        let result = await VaultCommand.execute(arguments: arguments, environment: environment,
                                                stdin: { Data(stdinText.utf8) }, transport: transport)
        #expect(result.stdout == fixture.stdout)
        if let stderr = fixture.stderr { #expect(result.stderr == stderr) }
        #expect(result.exitCode == fixture.exitCode)

        let sent = transport.requests
        let expected = fixture.exchanges
        #expect(sent.count == expected.count, "requests sent: \(sent.map { "\($0.method) \($0.url)" })")
        for (request, exchange) in zip(sent, expected) {
            #expect(request.method == exchange.method)
            #expect(request.url.hasSuffix(exchange.path) && request.url.contains("/v1/"), "\(request.url) vs \(exchange.path)")
            let body = request.body.flatMap { try? JSONValue.parse($0) } ?? .null
            #expect(body.goJSON() == exchange.requestBody.goJSON())
            // Go canonicalises header names (`X-Vault-Wrap-Ttl`), so compare names case-insensitively.
            let recorded = Dictionary((exchange.requestHeaders.objectValue ?? []).map { ($0.0.lowercased(), $0.1.stringValue ?? "") },
                                      uniquingKeysWith: { a, _ in a })
            for name in ["X-Vault-Token", "X-Vault-Wrap-TTL", "Content-Type"] {
                #expect(request.headers[name] == recorded[name.lowercased()], "header \(name)")
            }
        }
    }

    /// Writes the files a fixture's `@./work/...` and `policy write NAME FILE` arguments read, with the
    /// content the real CLI sent, and points the arguments at them.
    private func materializeFiles(_ fixture: Fixture, in dir: URL) throws -> [String] {
        var arguments = Array(fixture.argv.dropFirst())
        let body = fixture.exchanges.last?.requestBody ?? .null
        for (i, arg) in arguments.enumerated() {
            if let at = arg.range(of: "=@") {
                let key = String(arg[..<at.lowerBound])
                let file = dir.appendingPathComponent("arg-\(i)")
                try Data((body[key]?.stringValue ?? "").utf8).write(to: file)
                arguments[i] = key + "=@" + file.path
            }
        }
        if arguments.starts(with: ["policy", "write"]), arguments.count == 4, arguments[3] != "-" {
            let file = dir.appendingPathComponent("policy.hcl")
            try Data((body["policy"]?.stringValue ?? "").utf8).write(to: file)
            arguments[3] = file.path
        }
        return arguments
    }

    @Test func preflight404FallsBackToV1() async throws {
        let fixture = try Fixture("cli-kv-preflight-404-fallback")
        let transport = ReplayTransport([.init(status: 404, body: Data("{\"errors\":[]}\n".utf8)), .init(status: 204, body: Data())])
        let result = await VaultCommand.execute(arguments: Array(fixture.argv.dropFirst()),
                                                environment: ["VAULT_ADDR": "http://127.0.0.1:8328", "VAULT_TOKEN": "root"],
                                                transport: transport)
        #expect(result.stdout == fixture.stdout)
        #expect(result.exitCode == 0)
        #expect(transport.requests.map { "\($0.method) \($0.url)" } == [
            "GET http://127.0.0.1:8328/v1/sys/internal/ui/mounts/secret", "PUT http://127.0.0.1:8328/v1/password",
        ])
        #expect(transport.requests.last?.body.map { String(decoding: $0, as: UTF8.self) } == "{\"pass1\":\"my-password\"}")
    }

    @Test func preflight500Aborts() async throws {
        let fixture = try Fixture("cli-kv-preflight-404-fallback")
        let transport = ReplayTransport([.init(status: 500, body: Data("{\"errors\":[]}\n".utf8))])
        let result = await VaultCommand.execute(arguments: Array(fixture.argv.dropFirst()),
                                                environment: ["VAULT_ADDR": "http://127.0.0.1:8328", "VAULT_TOKEN": "root"],
                                                transport: transport)
        let expected = fixture.json["with_500_preflight"] ?? .null
        // The fixture's note keeps one trailing newline fewer than the CLI prints (ui.Error adds one).
        #expect(result.stderr == (expected["stderr"]?.stringValue ?? "") + "\n")
        #expect(result.exitCode == Int32(expected["exit_code"]?.intValue ?? -1))
    }

    @Test func loginMethodJWTIsUnknown() async throws {
        let fixture = try Fixture("cli-jwt-login-cmd")
        let transport = ReplayTransport([])
        let result = await VaultCommand.execute(arguments: Array(fixture.argv.dropFirst()),
                                                environment: ["VAULT_ADDR": "http://127.0.0.1:8320"], transport: transport)
        let expected = (fixture.stderr ?? "").replacingOccurrences(of: "\"bao auth list\"", with: "\"vault auth list\"")
        #expect(result.exitCode == fixture.exitCode)
        #expect(result.stderr.replacingOccurrences(of: "\n", with: " ") == expected.replacingOccurrences(of: "\n", with: " "))
        #expect(transport.requests.isEmpty)
    }
}
