import Foundation
import Testing
@testable import MockVault

/// Replays every captured OpenBao exchange against the mock and compares status, headers and (masked) bodies.
@Suite("Contract with captured OpenBao 2.7.2 exchanges", .serialized)
struct ContractTests {
    /// Fixtures deliberately not replayed, with the reason.
    static let excluded: [String: String] = [
        "cli-cert-login": "CLI transcript only (no HTTP exchanges); cert logins are replayed from the cert-auth-login-* fixtures",
        "cli-jwt-login-cmd": "CLI transcript only: `bao login -method=jwt` fails client-side",
        "cli-kv-preflight-404-fallback": "behaviour of the CLI against a fake server, not of Vault",
        "cli-output-curl-strings": "CLI -output-curl-string transcripts, no server exchange",
        "cli-status-wrong-port": "connection refused: there is no server to emulate",
        "jwt-leeway-probe": "a summary table, not an exchange; covered by JWTLoginTests.leeway",
        "k8s-tokenreview-outbound": "a request Vault makes to Kubernetes; the mock trusts the claims instead",
        "k8s-login-revoked": "only the Kubernetes TokenReview API knows the token was revoked; the mock trusts claims",
        "mock-idp-token-endpoint": "the identity provider's endpoint, not Vault's",
        "tls-cli-errors": "client-side TLS errors of the CLI",
        "tls-curl-errors": "client-side TLS errors of curl",
        "tls-plain-http-to-https-listener": "raw bytes, not JSON; covered by TLSListenerTests.plainHTTPRefused",
        "node1-sys-health-active": "HA raft cluster (replication mode primary) is not emulated",
        "node1-sys-leader": "HA raft cluster leader details are not emulated",
        "standby-sys-health": "HA standby nodes are not emulated",
        "standby-sys-health-standbycode": "HA standby nodes are not emulated",
        "standby-sys-health-standbyok": "HA standby nodes are not emulated",
        "standby-sys-leader": "HA standby nodes are not emulated",
        "standby-sys-seal-status": "HA standby nodes are not emulated",
        "standby-token-lookup-self": "HA standby nodes are not emulated",
        "standby-cli-status": "HA standby nodes are not emulated",
    ]

    @Test("every non-excluded captured exchange matches")
    func replayAll() async throws {
        let fixtures = try Fixture.loadAll()
        #expect(fixtures.count > 250, "fixtures not found in \(Fixture.directory)")
        let idp = try await JWKSServer.start()
        var matched = 0, total = 0
        var failures: [String] = []
        for fixture in fixtures where Self.excluded[fixture.name] == nil {
            total += 1
            var replayer = ContractReplayer(fixture: fixture, idp: idp)
            let started = ContinuousClock.now
            defer {
                let elapsed = ContinuousClock.now - started
                if elapsed > .seconds(1) { print("slow fixture \(fixture.name): \(elapsed)") }
            }
            do {
                let problems = try await replayer.run()
                if problems.isEmpty { matched += 1 } else { failures.append("\(fixture.name):\n    " + problems.joined(separator: "\n    ")) }
            } catch {
                failures.append("\(fixture.name): \(error)")
            }
        }
        await idp.stop()
        let share = total == 0 ? 0 : Double(matched) * 100 / Double(total)
        print("MockVault contract: \(matched)/\(total) fixtures match (\(String(format: "%.1f", share))%), \(Self.excluded.count) excluded")
        for failure in failures { print("MISMATCH \(failure)") }
        #expect(failures.isEmpty, "\(failures.count) fixtures mismatch:\n\(failures.joined(separator: "\n"))")
    }
}
