import AsyncHTTPClient
import Foundation
import NIOCore
import NIOSSL
import Testing
import TestPKI
@testable import MockIdP

@Suite struct IdentityProviderTests {
    @Test func startsOnAFreePortAndServesDiscovery() async throws {
        try await Harness.with { harness in
            let idp = harness.idp
            #expect(idp.port > 0)
            #expect(idp.domain == "localhost:\(idp.port)")
            #expect(idp.tokenEndpoint == "https://localhost:\(idp.port)/oauth/token")
            let reply = try await harness.get(idp.discoveryURL)
            #expect(reply.status == 200)
            #expect(reply.json["issuer"] as? String == "https://localhost:\(idp.port)/")
            #expect(reply.json["token_endpoint"] as? String == idp.tokenEndpoint)
            #expect(reply.json["jwks_uri"] as? String == idp.jwksURL)
            #expect(reply.json["grant_types_supported"] as? [String] == ["client_credentials"])
            #expect(reply.body.contains("https://localhost:\(idp.port)/oauth/token"))
        }
    }

    @Test func jwksPublishesTheSigningKey() async throws {
        try await Harness.with { harness in
            let reply = try await harness.get(harness.idp.jwksURL)
            let keys = try #require(reply.json["keys"] as? [[String: Any]])
            #expect(keys.count == 1)
            #expect(keys.first?["kid"] as? String == (try await harness.idp.keyIDs).first)
            #expect(keys.first?["kty"] as? String == "RSA")
            #expect(keys.first?["alg"] as? String == "RS256")
            #expect(keys.first?["use"] as? String == "sig")
            #expect(keys.first?["e"] as? String == "AQAB")
            #expect(keys.first?["d"] == nil)
        }
    }

    @Test func untrustedClientFailsTheTLSHandshakeQuickly() async throws {
        try await Harness.with { harness in
            let untrusted = HTTPClient(eventLoopGroupProvider: .singleton)
            let start = ContinuousClock.now
            await #expect(throws: (any Error).self) {
                _ = try await untrusted.execute(HTTPClientRequest(url: harness.idp.jwksURL), timeout: .milliseconds(500))
            }
            #expect(ContinuousClock.now - start < .seconds(3))
            try await untrusted.shutdown()
        }
    }

    @Test func stopClosesTheListener() async throws {
        try await Harness.with { harness in
            let url = harness.idp.jwksURL
            let before = try await harness.get(url)
            #expect(before.status == 200)
            let stopping = ContinuousClock.now
            await harness.idp.stop()
            #expect(ContinuousClock.now - stopping < .seconds(2))
            await #expect(throws: (any Error).self) {
                _ = try await harness.http.execute(HTTPClientRequest(url: url), timeout: .milliseconds(500))
            }
        }
    }

    @Test func aBusyPortIsReported() async throws {
        try await Harness.with { harness in
            let server = try harness.ca.issueServerCertificate()
            let configuration = IdentityProvider.Configuration(port: harness.idp.port)
            await #expect {
                _ = try await IdentityProvider.start(configuration, tls: (try server.certificatePEM, try server.privateKeyPEM))
            } throws: { error in
                guard case MockIdPError.cannotListen(let address, _) = error else { return false }
                return address == "127.0.0.1:\(harness.idp.port)"
            }
        }
    }

    @Test func invalidTLSMaterialIsRejected() async throws {
        await #expect {
            _ = try await IdentityProvider.start(.init(), tls: ("not a certificate", "not a key"))
        } throws: { error in
            guard case MockIdPError.invalidTLSMaterial = error else { return false }
            return true
        }
    }
}
