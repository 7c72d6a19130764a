import Foundation
@testable import Gateway
import MockVault
import Testing

struct DebugTmpTests {
    @Test func debugHostMismatch() async throws {
        try await withMockVault(MockVaultConfiguration(tls: true)) { server, _ in
            let t = try HCVTransport(environment: ["SSL_CERT_FILE": server.caFile!], verify: true, clientCertificate: nil, timeout: .seconds(2))
            do {
                let r = try await t.send("GET", "https://host.docker.internal:\(server.port)/v1/sys/health")
                print("DEBUG status", r.status, r.body)
            } catch { print("DEBUG error", error.message) }
            await t.shutdown()
            let t2 = try HCVTransport(environment: ["SSL_CERT_FILE": server.caFile!], verify: true, clientCertificate: nil, timeout: .seconds(2))
            do {
                let r = try await t2.send("GET", "https://vm:\(server.port)/v1/sys/health")
                print("DEBUG2 status", r.status, r.body)
            } catch { print("DEBUG2 error", error.message) }
            await t2.shutdown()
        }
    }
}
