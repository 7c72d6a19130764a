@testable import MockVault

/// Runs `body` against a freshly started mock server and always stops it.
func withMockVault(_ configuration: MockVaultConfiguration = MockVaultConfiguration(trustedCAFile: nil),
                   _ body: (MockVaultServer, VaultHTTP) async throws -> Void) async throws {
    let server = try await MockVaultServer.start(configuration)
    do {
        try await body(server, VaultHTTP(base: server.address))
    } catch {
        await server.stop()
        throw error
    }
    await server.stop()
}
