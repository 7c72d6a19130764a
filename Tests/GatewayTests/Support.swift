import Foundation
@testable import Gateway
import MockVault

/// A fresh state directory per test, removed afterwards.
func withStateDirectory<T>(_ body: (String) async throws -> T) async throws -> T {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("gateway-tests-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try await body(path)
}

/// Runs `deck` with captured streams.
func deck(_ arguments: [String], stdin: String = "", environment: [String: String]) async -> (Int32, CapturedOutput) {
    let output = CapturedOutput()
    let status = await DeckCommand.run(arguments: arguments, environment: environment,
                                       io: .capturing(stdin: stdin, into: output))
    return (status, output)
}

/// Runs `kong` with captured streams.
func kong(_ arguments: [String], environment: [String: String]) async -> (Int32, CapturedOutput) {
    let output = CapturedOutput()
    let status = await KongCommand.run(arguments: arguments, environment: environment, io: .capturing(into: output))
    return (status, output)
}

/// Starts a mock Vault, runs `body`, stops it.
func withMockVault<T>(_ configuration: MockVaultConfiguration = MockVaultConfiguration(),
                      _ body: (MockVaultServer, VaultAdmin) async throws -> T) async throws -> T {
    let server = try await MockVaultServer.start(configuration)
    do {
        let result = try await body(server, VaultAdmin(address: server.address, token: server.rootToken, caFile: server.caFile))
        await server.stop()
        return result
    } catch {
        await server.stop()
        throw error
    }
}

/// Raw Vault API calls for test setup, as the `vault` CLI would make them (over TLS trusting `caFile`).
struct VaultAdmin: Sendable {
    let address: String
    let token: String
    let caFile: String?

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Sends `method path` with `body`; throws unless the status is 2xx. Returns the parsed body (or null).
    @discardableResult
    func call(_ method: String, _ path: String, _ body: String? = nil, headers: [String: String] = [:]) async throws -> GatewayJSON {
        let transport = try HCVTransport(environment: caFile.map { ["SSL_CERT_FILE": $0] } ?? [:], verify: true,
                                         clientCertificate: nil, timeout: .seconds(5))
        let response: HCVTransport.Response
        do {
            response = try await transport.send(method, "\(address)/v1/\(path)",
                                                headers: [("X-Vault-Token", token)] + headers.map { ($0.key, $0.value) },
                                                body: body.map { Data($0.utf8) })
            await transport.shutdown()
        } catch {
            await transport.shutdown()
            throw Failure(description: "\(method) \(path): \(error.message)")
        }
        guard (200..<300).contains(response.status) else {
            throw Failure(description: "\(method) \(path): \(response.status) \(response.body)")
        }
        return response.body.isEmpty ? .null : try GatewayJSON.parse(Data(response.body.utf8))
    }

    /// Writes a KV v2 secret under `secret/`.
    func putKV2(_ path: String, _ data: String) async throws {
        try await call("PUT", "secret/data/\(path)", "{\"data\":\(data)}")
    }

    /// Creates the `reader` policy (read on `secret/*` and `kv1/*`).
    func createReaderPolicy() async throws {
        let hcl = #"path \"secret/*\" { capabilities = [\"read\"] }\npath \"kv1/*\" { capabilities = [\"read\"] }"#
        try await call("PUT", "sys/policies/acl/reader", "{\"policy\":\"\(hcl)\"}")
    }
}

/// An `hcv` vault entity.
func hcvVault(prefix: String = "hashicorp-vault", _ config: [String: GatewayJSON]) -> GatewayJSON {
    .object(["name": "hcv", "prefix": .string(prefix), "config": .object(config)])
}

/// The host/port/protocol config of a mock Vault at `address`.
func connection(_ address: String) -> [String: GatewayJSON] {
    let url = URL(string: address)!
    return ["host": .string(url.host ?? "127.0.0.1"), "port": .int(url.port ?? 8200), "protocol": .string(url.scheme ?? "http")]
}

/// A resolver over `vaults` with fast transport deadlines.
func resolver(_ vaults: [GatewayJSON], environment: [String: String] = [:], version: GatewayVersion = .defaultEmulated,
              rotationInterval: Double = 0, now: @escaping SecretResolver.Clock = { Date().timeIntervalSince1970 },
              log: @escaping @Sendable (String) -> Void = { _ in }) -> SecretResolver {
    SecretResolver(state: GatewayState(entities: ["vaults": vaults]), environment: environment, version: version,
                   timeout: .seconds(2), rotationInterval: rotationInterval, now: now, log: log)
}

/// What a resolution produced: the value or Kong's error text.
func outcome(_ resolver: SecretResolver, _ reference: String) async -> String {
    do {
        return try await resolver.get(reference)
    } catch {
        return "Error: \(error)"
    }
}
